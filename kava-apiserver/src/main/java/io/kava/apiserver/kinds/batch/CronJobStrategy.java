package io.kava.apiserver.kinds.batch;

import java.util.List;
import java.util.Objects;

import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * batch/v1 CronJobs ({@code pkg/registry/batch/cronjob/strategy.go}, {@code SetDefaults_CronJob},
 * {@code ValidateCronJobCreate}/{@code Update}): the schedule must parse, the time zone must exist, and the job
 * template follows the job spec rules with a selector left to be generated.
 */
public final class CronJobStrategy implements Strategy {

    private static final List<String> CONCURRENCY_POLICIES = List.of("Allow", "Forbid", "Replace");

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        Trees.defaultText(spec, "concurrencyPolicy", "Allow");
        Trees.defaultBool(spec, "suspend", false);
        Trees.defaultNumber(spec, "successfulJobsHistoryLimit", 3);
        Trees.defaultNumber(spec, "failedJobsHistoryLimit", 1);
        ObjectNode jobSpec = Trees.object(Trees.object(spec, "jobTemplate"), "spec");
        Checks.decoding(object, () -> JobSpecs.applyTemplateDefaults(jobSpec));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        object.putObject("status");
    }

    /**
     * Validates a new CronJob. An update is validated in {@link #validateUpdate} instead, because some rules depend on
     * the old spec; the generic storage creates objects without a resourceVersion and updates them with one.
     */
    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        if (Meta.resourceVersion(object) != null) {
            return;
        }
        validateSpec(Trees.objectOrNull(object, "spec"), null, errors);
        String name = Meta.name(object) == null ? "" : Meta.name(object);
        // The controller names its Jobs <cronjob>-<11 characters>, and Job names are at most 63 characters.
        if (name.length() > 52) {
            errors.invalid("metadata.name", name, "must be no more than 52 characters");
        }
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        validateSpec(Trees.objectOrNull(object, "spec"), Trees.object(old, "spec"), errors);
    }

    /** {@code validateCronJobSpec}; {@code oldSpec} is null on create. */
    static void validateSpec(JsonNode spec, JsonNode oldSpec, FieldErrors errors) {
        String schedule = Trees.textOrEmpty(spec, "schedule");
        String timeZone = Trees.text(spec, "timeZone");
        if (schedule.isEmpty()) {
            errors.required("spec.schedule");
        } else {
            String problem = CronSchedule.check(schedule);
            if (problem != null) {
                errors.invalid("spec.schedule", schedule, problem);
            }
            boolean allowTz = oldSpec != null && Trees.textOrEmpty(oldSpec, "schedule").contains("TZ");
            if (allowTz && schedule.contains("TZ") && timeZone != null) {
                errors.invalid("spec.schedule", schedule, "cannot use both timeZone field and TZ or CRON_TZ in"
                        + " schedule");
            } else if (!allowTz && schedule.contains("TZ")) {
                errors.invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field"
                        + " instead");
            }
        }
        Checks.nonNegative(spec, "startingDeadlineSeconds", "spec.startingDeadlineSeconds", errors);
        if (oldSpec == null || !Objects.equals(timeZone, Trees.text(oldSpec, "timeZone"))) {
            validateTimeZone(spec, errors);
        }
        String policy = Trees.textOrEmpty(spec, "concurrencyPolicy");
        if (policy.isEmpty()) {
            errors.required("spec.concurrencyPolicy");
        } else if (!CONCURRENCY_POLICIES.contains(policy)) {
            errors.notSupported("spec.concurrencyPolicy", policy, CONCURRENCY_POLICIES);
        }
        JsonNode jobSpec = Trees.objectOrNull(Trees.objectOrNull(spec, "jobTemplate"), "spec");
        JobSpecs.validate(jobSpec, "spec.jobTemplate.spec", errors);
        JsonNode selector = Trees.objectOrNull(jobSpec, "selector");
        if (selector != null) {
            errors.invalid("spec.jobTemplate.spec.selector", GoValues.labelSelector(selector),
                    "`selector` will be auto-generated");
        }
        if (Boolean.TRUE.equals(Trees.bool(jobSpec, "manualSelector"))) {
            errors.notSupported("spec.jobTemplate.spec.manualSelector", GoValues.raw("true"), List.of("nil", "false"));
        }
        Checks.nonNegative(spec, "successfulJobsHistoryLimit", "spec.successfulJobsHistoryLimit", errors);
        Checks.nonNegative(spec, "failedJobsHistoryLimit", "spec.failedJobsHistoryLimit", errors);
    }

    private static void validateTimeZone(JsonNode spec, FieldErrors errors) {
        if (!Trees.has(spec, "timeZone")) {
            return;
        }
        String timeZone = Trees.textOrEmpty(spec, "timeZone");
        if (timeZone.isEmpty()) {
            errors.invalid("spec.timeZone", timeZone, "timeZone must be nil or non-empty string");
            return;
        }
        if (timeZone.equalsIgnoreCase("Local")) {
            errors.invalid("spec.timeZone", timeZone, "timeZone must be an explicit time zone as defined in"
                    + " https://www.iana.org/time-zones");
        }
        String problem = CronSchedule.timeZoneError(timeZone);
        if (problem != null) {
            errors.invalid("spec.timeZone", timeZone, problem);
        }
    }
}
