package io.kava.apiserver.table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs: Name, Status, Completions, Duration, Age | Containers, Images, Selector. (k8s {@code printJob})
 *
 * <p>STATUS: {@code Complete}, {@code Failed}, {@code Terminating} (being deleted), {@code Suspended},
 * {@code FailureTarget}, else {@code Running}, from the Job's conditions. COMPLETIONS: {@code succeeded/completions},
 * or {@code succeeded/1 of P} for a work queue with parallelism P &gt; 1, else {@code succeeded/1}; a Job leaving both
 * unset gets completions 1 from API defaulting. DURATION: completion minus start, or now minus start while running,
 * empty before the start.
 */
final class JobPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Status", "Status of the job."),
            Column.string("Completions", SwaggerDocs.JOB_STATUS_SUCCEEDED),
            Column.string("Duration", "Time required to complete the job."),
            Column.AGE,
            Column.string("Containers", Workloads.CONTAINERS).wide(),
            Column.string("Images", Workloads.IMAGES).wide(),
            Column.string("Selector", SwaggerDocs.JOB_SPEC_SELECTOR).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode job, Instant now) {
        String[] containers = Cells.containers(Workloads.podSpec(job));
        return Row.of(Nodes.name(job), status(job), completions(job), duration(job, now), Cells.age(job, now),
                containers[0], containers[1], Selectors.format(Nodes.at(job, "spec", "selector")));
    }

    private static String completions(JsonNode job) {
        long succeeded = Nodes.integer(job, "status", "succeeded");
        boolean hasCompletions = Nodes.has(job, "spec", "completions");
        boolean hasParallelism = Nodes.has(job, "spec", "parallelism");
        if (hasCompletions || !hasParallelism) {
            long completions = hasCompletions ? Nodes.integer(job, "spec", "completions") : 1;
            return succeeded + "/" + completions;
        }
        long parallelism = Nodes.integer(job, "spec", "parallelism");
        return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }

    private static String duration(JsonNode job, Instant now) {
        Instant start = HumanDuration.parse(Nodes.strOrNull(job, "status", "startTime"));
        if (start == null) {
            return "";
        }
        Instant end = HumanDuration.parse(Nodes.strOrNull(job, "status", "completionTime"));
        return HumanDuration.format(Duration.between(start, end == null ? now : end));
    }

    private static String status(JsonNode job) {
        if (condition(job, "Complete")) {
            return "Complete";
        } else if (condition(job, "Failed")) {
            return "Failed";
        } else if (Nodes.has(job, "metadata", "deletionTimestamp")) {
            return "Terminating";
        } else if (condition(job, "Suspended")) {
            return "Suspended";
        } else if (condition(job, "FailureTarget")) {
            return "FailureTarget";
        }
        return "Running";
    }

    /** {@code hasJobCondition}: the first condition of the type decides. */
    private static boolean condition(JsonNode job, String type) {
        return PodSummary.conditionTrue(Nodes.at(job, "status"), type);
    }
}
