package io.kava.apiserver.kinds.apps;

import java.util.List;
import java.util.Objects;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.pod.PodSpecs;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.LabelSelectors;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;

/**
 * Rules the replicated-pod controllers share (Kubernetes' {@code pkg/apis/apps/validation}): the selector, its match
 * with the template's labels, the template itself and int-or-percent rollout limits.
 */
final class Workloads {

    static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

    private Workloads() {
    }

    /** {@code spec.selector}: required, valid and not empty ({@code empty selector is invalid for <what>}). */
    static void selector(JsonNode spec, String what, FieldErrors errors) {
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        if (selector == null) {
            errors.required("spec.selector");
            return;
        }
        LabelSelectors.validate(selector, "spec.selector", errors);
        if (LabelSelectors.isEmpty(selector)) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector), "empty selector is invalid for " + what);
        }
    }

    /**
     * {@code ValidatePodTemplateSpecForReplicaSet} (Deployments, ReplicaSets): the selector must select the template's
     * labels, the template must be valid and restart its pods {@code Always}.
     */
    static void templateForReplicaSet(JsonNode spec, String kind, FieldErrors errors) {
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        if (!LabelSelectors.isConvertible(selector)) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector), "invalid label selector");
            return;
        }
        JsonNode template = Trees.objectOrNull(spec, "template");
        if (template == null) {
            errors.required("spec.template");
            return;
        }
        templateLabelsMatch(selector, template, errors);
        PodSpecs.validateTemplate(template, "spec.template", errors);
        restartAlways(template, errors);
        if (Trees.has(Trees.objectOrNull(template, "spec"), "activeDeadlineSeconds")) {
            errors.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in " + kind
                    + " is not Supported");
        }
    }

    /** The template's labels must be selected, unless the selector is empty (which selects everything). */
    static void templateLabelsMatch(JsonNode selector, JsonNode template, FieldErrors errors) {
        if (selector != null && LabelSelectors.isEmpty(selector)) {
            return;
        }
        var labels = Trees.labels(template);
        if (!LabelSelectors.matches(selector, labels)) {
            JsonNode meta = Trees.objectOrNull(template, "metadata");
            errors.invalid("spec.template.metadata.labels",
                    GoValues.stringMap(Trees.hasMap(meta, "labels") ? labels : null), SELECTOR_MISMATCH);
        }
    }

    /** Controllers keep their pods running: the template's restart policy must be {@code Always}. */
    static void restartAlways(JsonNode template, FieldErrors errors) {
        String policy = Trees.textOrEmpty(Trees.objectOrNull(template, "spec"), "restartPolicy");
        if (!policy.equals("Always")) {
            errors.notSupported("spec.template.spec.restartPolicy", policy, List.of("Always"));
        }
    }

    /** apps/v1 forbids changing {@code spec.selector} after create. */
    static void immutableSelector(JsonNode spec, JsonNode oldSpec, FieldErrors errors) {
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        if (!Objects.equals(selector, Trees.objectOrNull(oldSpec, "selector"))) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector), Checks.IMMUTABLE);
        }
    }

    /** {@code ValidatePositiveIntOrPercent}. */
    static void intOrPercent(JsonNode parent, String field, String path, FieldErrors errors) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isString()) {
            Names.percent(value.asString()).forEach(msg -> errors.invalid(path, GoValues.intOrString(value), msg));
        } else if (value.isNumber() && value.asLong() < 0) {
            errors.invalid(path, value.asLong(), Checks.NEGATIVE);
        }
    }

    /** {@code IsNotMoreThan100Percent}. */
    static void notMoreThan100Percent(JsonNode parent, String field, String path, FieldErrors errors) {
        JsonNode value = parent == null ? null : parent.get(field);
        Integer percent = percent(value);
        if (percent != null && percent > 100) {
            errors.invalid(path, GoValues.intOrString(value), "must not be greater than 100%");
        }
    }

    /** {@code getIntOrPercentValue}: the percentage or the integer (0 when neither). */
    static long intOrPercentValue(JsonNode value) {
        Integer percent = percent(value);
        if (percent != null) {
            return percent;
        }
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Integer percent(JsonNode value) {
        if (value == null || !value.isString() || !Names.percent(value.asString()).isEmpty()) {
            return null;
        }
        String text = value.asString();
        try {
            return Integer.parseInt(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Clears {@code status} on create, keeping the fields Go always serializes (set to zero). */
    static void resetStatus(tools.jackson.databind.node.ObjectNode object, String... zeroFields) {
        var status = object.putObject("status");
        for (String field : zeroFields) {
            status.put(field, 0);
        }
    }
}
