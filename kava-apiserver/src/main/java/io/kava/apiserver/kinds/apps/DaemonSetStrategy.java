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

/** apps/v1 DaemonSets ({@code pkg/registry/apps/daemonset/strategy.go}, {@code ValidateDaemonSetSpec}). */
public final class DaemonSetStrategy implements Strategy {

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        ObjectNode strategy = Trees.object(spec, "updateStrategy");
        Trees.defaultText(strategy, "type", "RollingUpdate");
        if (Trees.textOrEmpty(strategy, "type").equals("RollingUpdate")) {
            ObjectNode rollingUpdate = Trees.object(strategy, "rollingUpdate");
            Trees.defaultNumber(rollingUpdate, "maxUnavailable", 1);
            Trees.defaultNumber(rollingUpdate, "maxSurge", 0);
        }
        Trees.defaultNumber(spec, "revisionHistoryLimit", 10);
        Checks.decoding(object, () -> PodSpecs.applyTemplateDefaults(spec));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        Workloads.resetStatus(object, "currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled",
                "numberReady");
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(object, "spec");
        JsonNode selector = Trees.objectOrNull(spec, "selector");
        JsonNode template = Trees.objectOrNull(spec, "template");
        // As in Kubernetes, a missing selector is reported only as selecting none of the template's labels.
        LabelSelectors.validate(selector, "spec.selector", errors);
        if (LabelSelectors.isConvertible(selector)) {
            Workloads.templateLabelsMatch(selector, template, errors);
        }
        if (selector != null && LabelSelectors.isEmpty(selector)) {
            errors.invalid("spec.selector", GoValues.labelSelector(selector),
                    "empty selector is invalid for daemonset");
        }
        PodSpecs.validateTemplate(template, "spec.template", errors);
        Workloads.restartAlways(template, errors);
        if (Trees.has(Trees.objectOrNull(template, "spec"), "activeDeadlineSeconds")) {
            errors.forbidden("spec.template.spec.activeDeadlineSeconds",
                    "activeDeadlineSeconds in DaemonSet is not Supported");
        }
        Checks.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
        validateUpdateStrategy(Trees.objectOrNull(spec, "updateStrategy"), errors);
        Checks.nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit", errors);
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        Workloads.immutableSelector(object.get("spec"), old.get("spec"), errors);
    }

    private static void validateUpdateStrategy(JsonNode strategy, FieldErrors errors) {
        String type = Trees.textOrEmpty(strategy, "type");
        switch (type) {
            case "OnDelete" -> {
            }
            case "RollingUpdate" -> {
                JsonNode rollingUpdate = Trees.objectOrNull(strategy, "rollingUpdate");
                String p = "spec.updateStrategy.rollingUpdate";
                if (rollingUpdate == null) {
                    errors.required(p);
                    return;
                }
                Workloads.intOrPercent(rollingUpdate, "maxUnavailable", p + ".maxUnavailable", errors);
                Workloads.intOrPercent(rollingUpdate, "maxSurge", p + ".maxSurge", errors);
                Workloads.notMoreThan100Percent(rollingUpdate, "maxUnavailable", p + ".maxUnavailable", errors);
                Workloads.notMoreThan100Percent(rollingUpdate, "maxSurge", p + ".maxSurge", errors);
                boolean unavailable = Workloads.intOrPercentValue(rollingUpdate.get("maxUnavailable")) != 0;
                boolean surge = Workloads.intOrPercentValue(rollingUpdate.get("maxSurge")) != 0;
                if (unavailable && surge) {
                    errors.invalid(p + ".maxSurge", GoValues.intOrString(rollingUpdate.get("maxSurge")),
                            "may not be set when maxUnavailable is non-zero");
                } else if (!unavailable && !surge) {
                    errors.required(p + ".maxUnavailable", "cannot be 0 when maxSurge is 0");
                }
            }
            default -> errors.notSupported("spec.updateStrategy", GoValues.raw("apps.DaemonSetUpdateStrategy{Type:"
                    + GoValues.quote(type) + ", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}"),
                    List.of("RollingUpdate", "OnDelete"));
        }
    }
}
