package io.kava.apiserver.kinds.apps;

import java.util.List;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.pod.PodSpecs;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.LabelSelectors;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * apps/v1 StatefulSets ({@code pkg/registry/apps/statefulset/strategy.go}, {@code SetDefaults_StatefulSet},
 * {@code ValidateStatefulSetSpec}, {@code ValidateStatefulSetUpdate}). As in Kubernetes, only the template's labels
 * and annotations are validated, not its pod spec (whose volumes may come from {@code volumeClaimTemplates}).
 */
public final class StatefulSetStrategy implements Strategy {

    static final String UPDATE_FORBIDDEN = "updates to statefulset spec for fields other than 'replicas', 'ordinals',"
            + " 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and"
            + " 'minReadySeconds' are forbidden";
    private static final List<String> UPDATABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
            "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds");
    private static final List<String> RETENTION = List.of("Retain", "Delete");

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        Trees.defaultText(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode strategy = Trees.object(spec, "updateStrategy");
        if (Trees.textOrEmpty(strategy, "type").isEmpty()) {
            strategy.put("type", "RollingUpdate");
            Trees.object(strategy, "rollingUpdate");
        }
        ObjectNode rollingUpdate = Trees.objectOrNull(strategy, "rollingUpdate");
        if (Trees.textOrEmpty(strategy, "type").equals("RollingUpdate") && rollingUpdate != null) {
            Trees.defaultNumber(rollingUpdate, "partition", 0);
        }
        ObjectNode retention = Trees.object(spec, "persistentVolumeClaimRetentionPolicy");
        Trees.defaultText(retention, "whenDeleted", "Retain");
        Trees.defaultText(retention, "whenScaled", "Retain");
        Trees.defaultNumber(spec, "replicas", 1);
        Trees.defaultNumber(spec, "revisionHistoryLimit", 10);
        for (ObjectNode claim : Trees.objects(spec, "volumeClaimTemplates")) {
            Trees.defaultText(claim, "apiVersion", "v1");
            Trees.defaultText(claim, "kind", "PersistentVolumeClaim");
            Trees.defaultText(Trees.object(claim, "spec"), "volumeMode", "Filesystem");
            Trees.defaultText(Trees.object(claim, "status"), "phase", "Pending");
        }
        Checks.decoding(object, () -> PodSpecs.applyTemplateDefaults(spec));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        Workloads.resetStatus(object, "replicas", "availableReplicas");
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(object, "spec");
        String policy = Trees.textOrEmpty(spec, "podManagementPolicy");
        switch (policy) {
            case "" -> errors.required("spec.podManagementPolicy");
            case "OrderedReady", "Parallel" -> {
            }
            default -> errors.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'");
        }
        JsonNode strategy = Trees.objectOrNull(spec, "updateStrategy");
        JsonNode rollingUpdate = Trees.objectOrNull(strategy, "rollingUpdate");
        String type = Trees.textOrEmpty(strategy, "type");
        switch (type) {
            case "" -> errors.required("spec.updateStrategy");
            case "OnDelete" -> {
                if (rollingUpdate != null) {
                    errors.invalid("spec.updateStrategy.rollingUpdate",
                            GoValues.struct("apps.RollingUpdateStatefulSetStrategy", rollingUpdate),
                            "only allowed for updateStrategy 'RollingUpdate'");
                }
            }
            case "RollingUpdate" -> Checks.nonNegative(rollingUpdate, "partition",
                    "spec.updateStrategy.rollingUpdate.partition", errors);
            default -> errors.invalid("spec.updateStrategy", GoValues.struct("apps.StatefulSetUpdateStrategy",
                    strategy), "must be 'RollingUpdate' or 'OnDelete'");
        }
        JsonNode retention = Trees.objectOrNull(spec, "persistentVolumeClaimRetentionPolicy");
        for (String field : List.of("whenDeleted", "whenScaled")) {
            String value = Trees.textOrEmpty(retention, field);
            if (retention != null && !RETENTION.contains(value)) {
                errors.notSupported("spec.persistentVolumeClaimRetentionPolicy." + field, value, RETENTION);
            }
        }
        Checks.nonNegative(spec, "replicas", "spec.replicas", errors);
        Checks.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
        Checks.nonNegative(Trees.objectOrNull(spec, "ordinals"), "start", "spec.ordinals.start", errors);
        Workloads.selector(spec, "statefulset", errors);
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        JsonNode template = Trees.objectOrNull(spec, "template");
        if (!LabelSelectors.isConvertible(selector)) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector), "");
        } else {
            Workloads.templateLabelsMatch(selector, template, errors);
            JsonNode meta = Trees.objectOrNull(template, "metadata");
            Checks.labels(Trees.stringMap(meta, "labels"), "spec.template.labels", errors);
            PodSpecs.validateAnnotations(Trees.stringMap(meta, "annotations"), "spec.template.annotations", errors);
        }
        Workloads.restartAlways(template, errors);
        if (Trees.has(Trees.objectOrNull(template, "spec"), "activeDeadlineSeconds")) {
            errors.forbidden("spec.template.spec.activeDeadlineSeconds",
                    "activeDeadlineSeconds in StatefulSet is not Supported");
        }
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        ObjectNode spec = Trees.object(object, "spec").deepCopy();
        ObjectNode oldSpec = Trees.object(old, "spec").deepCopy();
        for (String field : UPDATABLE) {
            spec.remove(field);
            oldSpec.remove(field);
        }
        if (!spec.equals(oldSpec)) {
            errors.forbidden("spec", UPDATE_FORBIDDEN);
        }
    }
}
