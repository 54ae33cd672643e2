package io.kava.apiserver.kinds.apps;

import java.util.List;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.pod.PodSpecs;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * apps/v1 Deployments ({@code pkg/registry/apps/deployment/strategy.go}, {@code SetDefaults_Deployment},
 * {@code ValidateDeploymentSpec}).
 */
public final class DeploymentStrategy implements Strategy {

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        Trees.defaultNumber(spec, "replicas", 1);
        ObjectNode strategy = Trees.object(spec, "strategy");
        Trees.defaultText(strategy, "type", "RollingUpdate");
        if (Trees.textOrEmpty(strategy, "type").equals("RollingUpdate")) {
            ObjectNode rollingUpdate = Trees.object(strategy, "rollingUpdate");
            if (!Trees.has(rollingUpdate, "maxUnavailable")) {
                rollingUpdate.put("maxUnavailable", "25%");
            }
            if (!Trees.has(rollingUpdate, "maxSurge")) {
                rollingUpdate.put("maxSurge", "25%");
            }
        }
        Trees.defaultNumber(spec, "revisionHistoryLimit", 10);
        Trees.defaultNumber(spec, "progressDeadlineSeconds", 600);
        Checks.decoding(object, () -> PodSpecs.applyTemplateDefaults(spec));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        Workloads.resetStatus(object);
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(object, "spec");
        Checks.nonNegative(spec, "replicas", "spec.replicas", errors);
        Workloads.selector(spec, "deployment", errors);
        Workloads.templateForReplicaSet(spec, "ReplicaSet", errors);
        validateStrategy(Trees.objectOrNull(spec, "strategy"), errors);
        Checks.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
        Checks.nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit", errors);
        Long deadline = Trees.number(spec, "progressDeadlineSeconds");
        if (deadline != null) {
            if (deadline <= 0) {
                errors.invalid("spec.progressDeadlineSeconds", deadline, "must be greater than zero");
            }
            if (deadline <= Trees.number(spec, "minReadySeconds", 0)) {
                errors.invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds");
            }
        }
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        Workloads.immutableSelector(object.get("spec"), old.get("spec"), errors);
    }

    private static void validateStrategy(JsonNode strategy, FieldErrors errors) {
        String type = Trees.textOrEmpty(strategy, "type");
        JsonNode rollingUpdate = Trees.objectOrNull(strategy, "rollingUpdate");
        switch (type) {
            case "Recreate" -> {
                if (rollingUpdate != null) {
                    errors.forbidden("spec.strategy.rollingUpdate",
                            "may not be specified when strategy `type` is 'Recreate'");
                }
            }
            case "RollingUpdate" -> {
                if (rollingUpdate == null) {
                    errors.required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil");
                    return;
                }
                String p = "spec.strategy.rollingUpdate";
                Workloads.intOrPercent(rollingUpdate, "maxUnavailable", p + ".maxUnavailable", errors);
                Workloads.intOrPercent(rollingUpdate, "maxSurge", p + ".maxSurge", errors);
                if (Workloads.intOrPercentValue(rollingUpdate.get("maxUnavailable")) == 0
                        && Workloads.intOrPercentValue(rollingUpdate.get("maxSurge")) == 0) {
                    errors.invalid(p + ".maxUnavailable", GoValues.intOrString(rollingUpdate.get("maxUnavailable")),
                            "may not be 0 when `maxSurge` is 0");
                }
                Workloads.notMoreThan100Percent(rollingUpdate, "maxUnavailable", p + ".maxUnavailable", errors);
            }
            default -> errors.notSupported("spec.strategy", GoValues.raw("apps.DeploymentStrategy{Type:"
                    + GoValues.quote(type) + ", RollingUpdate:(*apps.RollingUpdateDeployment)("
                    + (rollingUpdate == null ? "nil" : "...") + ")}"), List.of("Recreate", "RollingUpdate"));
        }
    }
}
