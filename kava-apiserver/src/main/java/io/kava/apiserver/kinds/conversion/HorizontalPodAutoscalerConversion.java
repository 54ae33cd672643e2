package io.kava.apiserver.kinds.conversion;

import io.kava.apiserver.rest.Conversion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * autoscaling/v1 HorizontalPodAutoscalers over the stored autoscaling/v2 ones: v1's
 * {@code targetCPUUtilizationPercentage} is v2's CPU Resource metric with an Utilization target, and
 * {@code status.currentCPUUtilizationPercentage} its current average utilization. Other v2 metrics have no v1 form
 * and are kept in the {@code autoscaling.alpha.kubernetes.io/metrics} annotation, as Kubernetes does, so a v1 update
 * does not lose them.
 */
final class HorizontalPodAutoscalerConversion implements Conversion {

    private static final String OTHER_METRICS = "autoscaling.alpha.kubernetes.io/metrics";

    @Override
    public ObjectNode toServed(ObjectNode v2) {
        ObjectNode v1 = v2.objectNode().put("apiVersion", "autoscaling/v1").put("kind", "HorizontalPodAutoscaler");
        v1.set("metadata", v2.path("metadata").deepCopy());
        JsonNode spec = v2.path("spec");
        ObjectNode v1Spec = v1.putObject("spec");
        copy(spec, v1Spec, "scaleTargetRef", "minReplicas", "maxReplicas");
        var others = v1.arrayNode();
        for (JsonNode metric : spec.path("metrics")) {
            if (isCpuUtilization(metric)) {
                v1Spec.put("targetCPUUtilizationPercentage",
                        metric.path("resource").path("target").path("averageUtilization").asInt());
            } else {
                others.add(metric.deepCopy());
            }
        }
        if (!others.isEmpty()) {
            ObjectNode meta = (ObjectNode) v1.get("metadata");
            ObjectNode annotations = meta.has("annotations") ? (ObjectNode) meta.get("annotations")
                    : meta.putObject("annotations");
            annotations.put(OTHER_METRICS, others.toString());
        }
        JsonNode status = v2.path("status");
        if (status.isObject()) {
            ObjectNode v1Status = v1.putObject("status");
            copy(status, v1Status, "observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas");
            for (JsonNode metric : status.path("currentMetrics")) {
                if (metric.path("type").asString("").equals("Resource")
                        && metric.path("resource").path("name").asString("").equals("cpu")
                        && metric.path("resource").path("current").has("averageUtilization")) {
                    v1Status.put("currentCPUUtilizationPercentage",
                            metric.path("resource").path("current").path("averageUtilization").asInt());
                }
            }
        }
        return v1;
    }

    @Override
    public ObjectNode toStored(ObjectNode v1) {
        ObjectNode v2 = v1.objectNode().put("apiVersion", "autoscaling/v2").put("kind", "HorizontalPodAutoscaler");
        ObjectNode meta = (ObjectNode) v1.path("metadata").deepCopy();
        v2.set("metadata", meta);
        JsonNode spec = v1.path("spec");
        ObjectNode v2Spec = v2.putObject("spec");
        copy(spec, v2Spec, "scaleTargetRef", "minReplicas", "maxReplicas");
        var metrics = v2Spec.putArray("metrics");
        if (spec.has("targetCPUUtilizationPercentage")) {
            ObjectNode cpu = metrics.addObject().put("type", "Resource");
            ObjectNode resource = cpu.putObject("resource").put("name", "cpu");
            resource.putObject("target").put("type", "Utilization")
                    .put("averageUtilization", spec.get("targetCPUUtilizationPercentage").asInt());
        }
        JsonNode annotations = meta.path("annotations");
        if (annotations.has(OTHER_METRICS)) {
            JsonNode others = io.kava.api.json.Json.parse(annotations.get(OTHER_METRICS).asString());
            others.forEach(m -> metrics.add(m.deepCopy()));
            ((ObjectNode) annotations).remove(OTHER_METRICS);
            if (annotations.isEmpty()) {
                meta.remove("annotations");
            }
        }
        if (metrics.isEmpty()) {
            v2Spec.remove("metrics");
        }
        JsonNode status = v1.path("status");
        if (status.isObject()) {
            ObjectNode v2Status = v2.putObject("status");
            copy(status, v2Status, "observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas");
            if (status.has("currentCPUUtilizationPercentage")) {
                ObjectNode current = v2Status.putArray("currentMetrics").addObject().put("type", "Resource");
                current.putObject("resource").put("name", "cpu").putObject("current")
                        .put("averageUtilization", status.get("currentCPUUtilizationPercentage").asInt());
            }
        }
        return v2;
    }

    private static boolean isCpuUtilization(JsonNode metric) {
        return metric.path("type").asString("").equals("Resource")
                && metric.path("resource").path("name").asString("").equals("cpu")
                && metric.path("resource").path("target").path("type").asString("").equals("Utilization");
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field).deepCopy());
            }
        }
    }
}
