package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CronJobs: Name, Schedule, Timezone, Suspend, Active, Last Schedule, Age | Containers, Images, Selector.
 * TIMEZONE and LAST SCHEDULE print {@code <none>} when unset; SUSPEND prints {@code True}/{@code False}, an unset
 * value as the API default False. (k8s {@code printCronJob})
 */
final class CronJobPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Schedule", SwaggerDocs.CRON_JOB_SPEC_SCHEDULE),
            Column.string("Timezone", SwaggerDocs.CRON_JOB_SPEC_TIME_ZONE),
            Column.bool("Suspend", SwaggerDocs.CRON_JOB_SPEC_SUSPEND),
            Column.integer("Active", SwaggerDocs.CRON_JOB_STATUS_ACTIVE),
            Column.string("Last Schedule", SwaggerDocs.CRON_JOB_STATUS_LAST_SCHEDULE_TIME),
            Column.AGE,
            Column.string("Containers", Workloads.CONTAINERS).wide(),
            Column.string("Images", Workloads.IMAGES).wide(),
            Column.string("Selector", SwaggerDocs.JOB_SPEC_SELECTOR).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode cronJob, Instant now) {
        JsonNode spec = Nodes.at(cronJob, "spec");
        JsonNode jobSpec = Nodes.at(spec, "jobTemplate", "spec");
        String[] containers = Cells.containers(Nodes.at(jobSpec, "template", "spec"));
        String lastSchedule = Nodes.strOrNull(cronJob, "status", "lastScheduleTime");
        return Row.of(Nodes.name(cronJob), Nodes.str(spec, "schedule"),
                Nodes.has(spec, "timeZone") ? Nodes.str(spec, "timeZone") : Cells.NONE,
                Cells.bool(Nodes.bool(spec, "suspend")),
                (long) Nodes.size(cronJob, "status", "active"),
                lastSchedule == null ? Cells.NONE : HumanDuration.since(lastSchedule, now),
                Cells.age(cronJob, now), containers[0], containers[1],
                Selectors.format(Nodes.at(jobSpec, "selector")));
    }
}
