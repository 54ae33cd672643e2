package io.kava.apiserver.kinds.apps;

import java.util.LinkedHashMap;

import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.pod.PodSpecs;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * core/v1 ReplicationControllers ({@code pkg/registry/core/replicationcontroller/strategy.go},
 * {@code SetDefaults_ReplicationController}, {@code ValidateReplicationControllerSpec}): the predecessor of
 * ReplicaSets, kept here with the other replicated-pod controllers. Its selector is a plain label map, defaulted with
 * the template's labels.
 */
public final class ReplicationControllerStrategy implements Strategy {

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        ObjectNode template = Trees.objectOrNull(spec, "template");
        JsonNode templateLabels = Trees.objectOrNull(Trees.objectOrNull(template, "metadata"), "labels");
        if (templateLabels != null) {
            if (Trees.stringMap(spec, "selector").isEmpty()) {
                spec.set("selector", templateLabels.deepCopy());
            }
            if (Meta.labels(object).isEmpty()) {
                Meta.metadata(object).set("labels", templateLabels.deepCopy());
            }
        }
        Trees.defaultNumber(spec, "replicas", 1);
        if (template != null) {
            Checks.decoding(object, () -> PodSpecs.applyDefaults(Trees.object(template, "spec")));
        }
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        Workloads.resetStatus(object, "replicas");
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(object, "spec");
        Checks.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
        var selector = Trees.stringMap(spec, "selector");
        if (selector.isEmpty()) {
            errors.required("spec.selector");
        }
        Checks.nonNegative(spec, "replicas", "spec.replicas", errors);
        JsonNode template = Trees.objectOrNull(spec, "template");
        if (template == null) {
            errors.required("spec.template");
            return;
        }
        var labels = Trees.labels(template);
        if (!selector.isEmpty() && !labels.entrySet().containsAll(selector.entrySet())) {
            errors.invalid("spec.template.metadata.labels", GoValues.stringMap(new LinkedHashMap<>(labels)),
                    Workloads.SELECTOR_MISMATCH);
        }
        PodSpecs.validateTemplate(template, "spec.template", errors);
        Workloads.restartAlways(template, errors);
        if (Trees.has(Trees.objectOrNull(template, "spec"), "activeDeadlineSeconds")) {
            errors.forbidden("spec.template.spec.activeDeadlineSeconds",
                    "activeDeadlineSeconds in ReplicationController is not Supported");
        }
    }
}
