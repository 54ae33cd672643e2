package io.kava.apiserver.kinds.batch;

import java.util.List;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.pod.PodSpecs;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;

/**
 * The job spec rules Jobs and CronJob job templates share ({@code validateJobSpec} in
 * {@code pkg/apis/batch/validation}).
 */
final class JobSpecs {

    private static final List<String> COMPLETION_MODES = List.of("NonIndexed", "Indexed");
    private static final List<String> REPLACEMENT_POLICIES = List.of("Failed", "TerminatingOrFailed");

    private JobSpecs() {
    }

    /** {@code validateJobSpec} of {@code spec} at {@code path}. */
    static void validate(JsonNode spec, String path, FieldErrors errors) {
        for (String field : List.of("parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
                "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes")) {
            Checks.nonNegative(spec, field, path + "." + field, errors);
        }
        String mode = Trees.text(spec, "completionMode");
        if (mode != null) {
            if (!COMPLETION_MODES.contains(mode)) {
                errors.notSupported(path + ".completionMode", mode, COMPLETION_MODES);
            }
            if (mode.equals("Indexed") && !Trees.has(spec, "completions")) {
                errors.required(path + ".completions", "when completion mode is Indexed");
            }
        }
        if (!"Indexed".equals(mode)) {
            for (String field : List.of("backoffLimitPerIndex", "maxFailedIndexes")) {
                Long value = Trees.number(spec, field);
                if (value != null) {
                    errors.invalid(path + "." + field, value, "requires indexed completion mode");
                }
            }
        }
        String replacement = Trees.text(spec, "podReplacementPolicy");
        if (replacement != null) {
            if (Trees.has(spec, "podFailurePolicy")) {
                if (!replacement.equals("Failed")) {
                    errors.notSupported(path + ".podReplacementPolicy", replacement, List.of("Failed"));
                }
            } else if (!REPLACEMENT_POLICIES.contains(replacement)) {
                errors.notSupported(path + ".podReplacementPolicy", replacement, REPLACEMENT_POLICIES);
            }
        }
        JsonNode template = Trees.objectOrNull(spec, "template");
        PodSpecs.validateTemplate(template, path + ".template", errors);
        String restartPolicy = Trees.textOrEmpty(Trees.objectOrNull(template, "spec"), "restartPolicy");
        String restartPath = path + ".template.spec.restartPolicy";
        if (restartPolicy.isEmpty() || restartPolicy.equals("Always")) {
            errors.required(restartPath, "valid values: \"OnFailure\", \"Never\"");
        } else if (!restartPolicy.equals("OnFailure") && !restartPolicy.equals("Never")) {
            errors.notSupported(restartPath, restartPolicy, List.of("OnFailure", "Never"));
        } else if (Trees.has(spec, "podFailurePolicy") && !restartPolicy.equals("Never")) {
            errors.invalid(restartPath, restartPolicy,
                    "only \"Never\" is supported when podFailurePolicy is specified");
        }
    }

    /** Defaults of the pod template inside a job spec. */
    static void applyTemplateDefaults(tools.jackson.databind.node.ObjectNode spec) {
        PodSpecs.applyTemplateDefaults(spec);
    }
}
