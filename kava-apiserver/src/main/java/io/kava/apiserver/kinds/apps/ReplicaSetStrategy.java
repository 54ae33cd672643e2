package io.kava.apiserver.kinds.apps;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.pod.PodSpecs;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** apps/v1 ReplicaSets ({@code pkg/registry/apps/replicaset/strategy.go}, {@code ValidateReplicaSetSpec}). */
public final class ReplicaSetStrategy implements Strategy {

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        Trees.defaultNumber(spec, "replicas", 1);
        Checks.decoding(object, () -> PodSpecs.applyTemplateDefaults(spec));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        Workloads.resetStatus(object, "replicas");
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(object, "spec");
        Checks.nonNegative(spec, "replicas", "spec.replicas", errors);
        Checks.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
        // Kubernetes' ReplicaSet validation names deployments here too.
        Workloads.selector(spec, "deployment", errors);
        Workloads.templateForReplicaSet(spec, "ReplicaSet", errors);
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        Workloads.immutableSelector(object.get("spec"), old.get("spec"), errors);
    }
}
