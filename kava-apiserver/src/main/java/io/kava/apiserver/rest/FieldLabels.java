package io.kava.apiserver.rest;

import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields each kind supports in field selectors (Kubernetes' per-kind {@code GetAttrs} /
 * {@code AddFieldLabelConversionFunc}); every kind supports {@code metadata.name} and {@code metadata.namespace}.
 */
public final class FieldLabels {

    private static final Map<String, Set<String>> BY_KIND = Map.ofEntries(
            Map.entry("Pod", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                    "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
                    "status.nominatedNodeName")),
            Map.entry("Event", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type",
                    "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid")),
            Map.entry("Secret", Set.of("type")),
            Map.entry("Node", Set.of("spec.unschedulable")),
            Map.entry("Namespace", Set.of("status.phase")),
            Map.entry("ReplicaSet", Set.of("status.replicas")),
            Map.entry("ReplicationController", Set.of("status.replicas")),
            Map.entry("Job", Set.of("status.successful")),
            Map.entry("CertificateSigningRequest", Set.of("spec.signerName")));

    private FieldLabels() {
    }

    public static boolean supported(String kind, String field) {
        return field.equals("metadata.name") || field.equals("metadata.namespace")
                || BY_KIND.getOrDefault(kind, Set.of()).contains(field);
    }

    /** The value of a supported field as a selector compares it ("" when absent; booleans as "true"/"false"). */
    public static String value(ObjectNode object, String field) {
        if (field.equals("source") && object.has("source")) {
            return object.path("source").path("component").asString("");
        }
        JsonNode node = object;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return field.equals("spec.unschedulable") || field.equals("spec.hostNetwork") ? "false" : "";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
