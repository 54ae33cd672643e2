package io.kava.apiserver.kinds.batch;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.LabelSelectors;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * batch/v1 Jobs ({@code pkg/registry/batch/job/strategy.go}, {@code SetDefaults_Job}, {@code ValidateJob},
 * {@code ValidateJobSpecUpdate}). Unless {@code spec.manualSelector} is true, a new Job gets a selector on
 * {@code batch.kubernetes.io/controller-uid} and its template the labels that select it, derived from its uid.
 */
public final class JobStrategy implements Strategy {

    public static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
    public static final String JOB_NAME = "batch.kubernetes.io/job-name";
    public static final String LEGACY_CONTROLLER_UID = "controller-uid";
    public static final String LEGACY_JOB_NAME = "job-name";

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        if (!Trees.has(spec, "completions") && !Trees.has(spec, "parallelism")) {
            spec.put("completions", 1);
            spec.put("parallelism", 1);
        }
        Trees.defaultNumber(spec, "parallelism", 1);
        Trees.defaultNumber(spec, "backoffLimit", Trees.has(spec, "backoffLimitPerIndex") ? Integer.MAX_VALUE : 6);
        JsonNode templateMeta = Trees.objectOrNull(Trees.objectOrNull(spec, "template"), "metadata");
        JsonNode templateLabels = Trees.objectOrNull(templateMeta, "labels");
        if (templateLabels != null && Meta.labels(object).isEmpty()) {
            Meta.metadata(object).set("labels", templateLabels.deepCopy());
        }
        Trees.defaultText(spec, "completionMode", "NonIndexed");
        Trees.defaultBool(spec, "suspend", false);
        if (!Trees.has(spec, "podReplacementPolicy")) {
            spec.put("podReplacementPolicy", Trees.has(spec, "podFailurePolicy") ? "Failed" : "TerminatingOrFailed");
        }
        Trees.defaultBool(spec, "manualSelector", false);
        for (ObjectNode rule : Trees.objects(Trees.objectOrNull(spec, "podFailurePolicy"), "rules")) {
            for (ObjectNode pattern : Trees.objects(rule, "onPodConditions")) {
                Trees.defaultText(pattern, "status", "True");
            }
        }
        Checks.decoding(object, () -> JobSpecs.applyTemplateDefaults(spec));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        applyDefaults(object); // Kubernetes defaults while decoding, before it generates the selector.
        ObjectNode spec = Trees.object(object, "spec");
        if (!Boolean.TRUE.equals(Trees.bool(spec, "manualSelector"))) {
            generateSelector(object, spec);
        }
        object.putObject("status");
    }

    /** Labels the template with the job's name and uid and selects them ({@code generateSelector}). */
    private static void generateSelector(ObjectNode object, ObjectNode spec) {
        String uid = Meta.uid(object);
        String name = Meta.name(object) == null ? "" : Meta.name(object);
        ObjectNode labels = Trees.object(Trees.object(Trees.object(spec, "template"), "metadata"), "labels");
        putIfAbsent(labels, LEGACY_JOB_NAME, name);
        putIfAbsent(labels, JOB_NAME, name);
        putIfAbsent(labels, LEGACY_CONTROLLER_UID, uid);
        putIfAbsent(labels, CONTROLLER_UID, uid);
        ObjectNode matchLabels = Trees.object(Trees.object(spec, "selector"), "matchLabels");
        putIfAbsent(matchLabels, CONTROLLER_UID, uid);
    }

    private static void putIfAbsent(ObjectNode map, String key, String value) {
        if (!map.has(key)) {
            map.put(key, value);
        }
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(object, "spec");
        validateGeneratedSelector(object, spec, errors);
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        JobSpecs.validate(spec, "spec", errors);
        if (selector == null) {
            errors.required("spec.selector");
        } else {
            LabelSelectors.validate(selector, "spec.selector", errors);
        }
        JsonNode template = Trees.objectOrNull(spec, "template");
        if (LabelSelectors.isConvertible(selector) && (selector == null || !LabelSelectors.isEmpty(selector))
                && !LabelSelectors.matches(selector, Trees.labels(template))) {
            JsonNode meta = Trees.objectOrNull(template, "metadata");
            errors.invalid("spec.template.metadata.labels", GoValues.stringMap(Trees.hasMap(meta, "labels")
                    ? Trees.labels(template) : null), "`selector` does not match template `labels`");
        }
        Long completions = Trees.number(spec, "completions");
        String name = Meta.name(object) == null ? "" : Meta.name(object);
        if ("Indexed".equals(Trees.text(spec, "completionMode")) && completions != null && completions > 0) {
            String hostname = name + "-" + (completions - 1);
            if (!Names.dns1123Label(hostname).isEmpty()) {
                errors.invalid("metadata.name", name, "will not able to create pod with invalid DNS label: "
                        + hostname);
            }
        }
    }

    /**
     * {@code validateGeneratedSelector}: unless the selector is manual, the template carries the generated labels and
     * the selector selects them.
     */
    private static void validateGeneratedSelector(ObjectNode object, JsonNode spec, FieldErrors errors) {
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        if (Boolean.TRUE.equals(Trees.bool(spec, "manualSelector")) || selector == null) {
            return;
        }
        String uid = Meta.uid(object) == null ? "" : Meta.uid(object);
        String name = Meta.name(object) == null ? "" : Meta.name(object);
        if (uid.isEmpty()) {
            errors.required("metadata.uid");
        }
        Map<String, String> labels = Trees.labels(Trees.objectOrNull(spec, "template"));
        hasLabel(labels, LEGACY_CONTROLLER_UID, uid, errors);
        hasLabel(labels, LEGACY_JOB_NAME, name, errors);
        hasLabel(labels, CONTROLLER_UID, uid, errors);
        hasLabel(labels, JOB_NAME, name, errors);
        Map<String, String> expected = Map.of(CONTROLLER_UID, uid, JOB_NAME, name, LEGACY_CONTROLLER_UID, uid,
                LEGACY_JOB_NAME, name);
        if (LabelSelectors.isConvertible(selector) && !LabelSelectors.matches(selector, expected)) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector), "`selector` not auto-generated");
        }
    }

    /** {@code ValidateHasLabel}. */
    private static void hasLabel(Map<String, String> labels, String key, String expected, FieldErrors errors) {
        String path = "spec.template.metadata.labels[" + key + "]";
        if (!labels.containsKey(key)) {
            errors.required(path, "must be '" + expected + "'");
        } else if (!labels.get(key).equals(expected)) {
            errors.invalid(path, GoValues.stringMap(labels), "must be '" + expected + "'");
        }
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        JsonNode spec = Trees.object(object, "spec");
        JsonNode oldSpec = Trees.object(old, "spec");
        validateCompletionsUpdate(spec, oldSpec, errors);
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        if (!Objects.equals(selector, Trees.objectOrNull(oldSpec, "selector"))) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector), Checks.IMMUTABLE);
        }
        validateTemplateUpdate(spec, oldSpec, old, errors);
        for (String field : List.of("completionMode", "podFailurePolicy", "backoffLimitPerIndex", "managedBy",
                "successPolicy")) {
            immutable(spec, oldSpec, field, errors);
        }
    }

    /**
     * {@code validateCompletions}: completions are immutable, except that an Indexed Job may change them together
     * with parallelism (elastic Indexed Jobs, GA in 1.31).
     */
    private static void validateCompletionsUpdate(JsonNode spec, JsonNode oldSpec, FieldErrors errors) {
        if (!"Indexed".equals(Trees.text(spec, "completionMode"))) {
            immutable(spec, oldSpec, "completions", errors);
            return;
        }
        Long completions = Trees.number(spec, "completions");
        if (completions == null || Objects.equals(completions, Trees.number(oldSpec, "completions"))) {
            return;
        }
        if (!completions.equals(Trees.number(spec, "parallelism"))) {
            errors.invalid("spec.completions", completions, "can only be modified in tandem with spec.parallelism");
        }
    }

    /**
     * The pod template is immutable, except that a suspended Job that never started may change its scheduling
     * directives (node selector, tolerations, node affinity, scheduling gates) and template labels and annotations.
     */
    private static void validateTemplateUpdate(JsonNode spec, JsonNode oldSpec, ObjectNode old, FieldErrors errors) {
        JsonNode template = Trees.objectOrNull(spec, "template");
        ObjectNode oldTemplate = Trees.objectOrNull(oldSpec, "template");
        oldTemplate = oldTemplate == null ? null : oldTemplate.deepCopy();
        boolean mutableScheduling = Boolean.TRUE.equals(Trees.bool(spec, "suspend"))
                && !Trees.has(Trees.objectOrNull(old, "status"), "startTime");
        if (mutableScheduling && oldTemplate != null && template != null) {
            ObjectNode oldMeta = Trees.object(oldTemplate, "metadata");
            copy(Trees.objectOrNull(template, "metadata"), oldMeta, "labels");
            copy(Trees.objectOrNull(template, "metadata"), oldMeta, "annotations");
            ObjectNode oldPodSpec = Trees.object(oldTemplate, "spec");
            JsonNode podSpec = Trees.objectOrNull(template, "spec");
            copy(podSpec, oldPodSpec, "nodeSelector");
            copy(podSpec, oldPodSpec, "tolerations");
            copy(podSpec, oldPodSpec, "schedulingGates");
            JsonNode affinity = Trees.objectOrNull(podSpec, "affinity");
            ObjectNode oldAffinity = Trees.objectOrNull(oldPodSpec, "affinity");
            if (affinity == null && oldAffinity != null) {
                oldAffinity.remove("nodeAffinity");
                if (oldAffinity.isEmpty()) {
                    oldPodSpec.remove("affinity");
                }
            } else if (affinity != null) {
                copy(affinity, Trees.object(oldPodSpec, "affinity"), "nodeAffinity");
            }
        }
        if (!Objects.equals(template, oldTemplate)) {
            errors.invalid("spec.template", GoValues.struct("core.PodTemplateSpec", template), Checks.IMMUTABLE);
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from == null ? null : from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }

    private static void immutable(JsonNode spec, JsonNode oldSpec, String field, FieldErrors errors) {
        JsonNode value = spec.get(field);
        JsonNode oldValue = oldSpec.get(field);
        if (!Objects.equals(value, oldValue)) {
            Object rendered = value == null || value.isNull() ? "null"
                    : value.isNumber() ? (Object) value.asLong()
                    : value.isString() ? value.asString()
                    : GoValues.struct("", value);
            errors.invalid("spec." + field, rendered, Checks.IMMUTABLE);
        }
    }
}
