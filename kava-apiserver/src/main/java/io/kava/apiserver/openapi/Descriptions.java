package io.kava.apiserver.openapi;

import java.util.Map;

/**
 * Descriptions for generated schemas. The fabric8 model classes carry no documentation at run time, so Kava writes
 * Kubernetes' own text for the fields every object shares ({@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}, {@code status}) and for the best-known kinds, and a Go-style line for every other field (its type and
 * how strategic merge patch treats it). That is enough for {@code kubectl explain} to list and navigate fields.
 */
final class Descriptions {

    private static final String CONVENTIONS =
            "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md";

    static final String API_VERSION = "APIVersion defines the versioned schema of this representation of an object."
            + " Servers should convert recognized schemas to the latest internal value, and may reject unrecognized"
            + " values. More info: " + CONVENTIONS + "#resources";
    static final String KIND = "Kind is a string value representing the REST resource this object represents."
            + " Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In"
            + " CamelCase. More info: " + CONVENTIONS + "#types-kinds";
    static final String OBJECT_METADATA = "Standard object's metadata. More info: " + CONVENTIONS + "#metadata";
    static final String LIST_METADATA = "Standard list metadata. More info: " + CONVENTIONS + "#types-kinds";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("Pod", "Pod is a collection of containers that can run on a host. This resource is created by"
                    + " clients and scheduled onto hosts."),
            Map.entry("PodSpec", "PodSpec is a description of a pod."),
            Map.entry("Container", "A single application container that you want to run within a pod."),
            Map.entry("Deployment", "Deployment enables declarative updates for Pods and ReplicaSets."),
            Map.entry("DeploymentSpec", "DeploymentSpec is the specification of the desired behavior of the"
                    + " Deployment."),
            Map.entry("ReplicaSet", "ReplicaSet ensures that a specified number of pod replicas are running at any"
                    + " given time."),
            Map.entry("StatefulSet", "StatefulSet represents a set of pods with consistent identities."),
            Map.entry("DaemonSet", "DaemonSet represents the configuration of a daemon set."),
            Map.entry("Job", "Job represents the configuration of a single job."),
            Map.entry("CronJob", "CronJob represents the configuration of a single cron job."),
            Map.entry("Service", "Service is a named abstraction of software service (for example, mysql)"
                    + " consisting of local port (for example 3306) that the proxy listens on, and the selector that"
                    + " determines which pods will answer requests sent through the proxy."),
            Map.entry("ConfigMap", "ConfigMap holds configuration data for pods to consume."),
            Map.entry("Secret", "Secret holds secret data of a certain type."),
            Map.entry("Namespace", "Namespace provides a scope for Names. Use of multiple namespaces is optional."),
            Map.entry("Node", "Node is a worker node in Kubernetes."),
            Map.entry("ObjectMeta", "ObjectMeta is metadata that all persisted resources must have, which includes"
                    + " all objects users must create."),
            Map.entry("ListMeta", "ListMeta describes metadata that synthetic resources must have, including lists"
                    + " and various status objects."),
            Map.entry("Patch", "Patch is provided to give a concrete name and type to the Kubernetes PATCH request"
                    + " body."),
            Map.entry("Quantity", "Quantity is a fixed-point representation of a number, serialized as a string"
                    + " such as \"100m\", \"1.5Gi\" or \"2\"."),
            Map.entry("IntOrString", "IntOrString is a type that can hold an int32 or a string."),
            Map.entry("Time", "Time is a timestamp serialized as an RFC 3339 string."),
            Map.entry("MicroTime", "MicroTime is a timestamp with microsecond precision, serialized as an RFC 3339"
                    + " string."));

    private Descriptions() {
    }

    /** The description of a type (component). */
    static String ofType(String component) {
        String simple = ComponentNames.simpleName(component);
        String known = TYPES.get(simple);
        return known != null ? known : simple + " (" + component + ").";
    }

    /**
     * The description of a field. {@code owner} is the Go type name holding it, {@code typeLabel} how
     * {@code kubectl explain} would print its type ({@code []Container}).
     */
    static String ofField(String owner, String field, String typeLabel, FieldRules.Rule rule) {
        switch (field) {
            case "apiVersion" -> {
                return API_VERSION;
            }
            case "kind" -> {
                return KIND;
            }
            case "metadata" -> {
                if (typeLabel.equals("ObjectMeta")) {
                    return OBJECT_METADATA;
                }
                if (typeLabel.equals("ListMeta")) {
                    return LIST_METADATA;
                }
            }
            case "spec" -> {
                if (typeLabel.endsWith("Spec")) {
                    return "Specification of the desired behavior of the " + owner + ". More info: " + CONVENTIONS
                            + "#spec-and-status";
                }
            }
            case "status" -> {
                if (typeLabel.endsWith("Status")) {
                    return "Most recently observed status of the " + owner + ". This data may not be up to date."
                            + " Populated by the system. Read-only. More info: " + CONVENTIONS + "#spec-and-status";
                }
            }
            default -> {
            }
        }
        var text = new StringBuilder(owner).append('.').append(field).append(" (").append(typeLabel).append(").");
        if (rule != null) {
            if (rule.mergeKey() != null) {
                text.append(" A strategic merge patch merges items by \"").append(rule.mergeKey()).append("\".");
            } else if ("atomic".equals(rule.listType())) {
                text.append(" Patches replace this list as a whole.");
            } else if ("set".equals(rule.listType())) {
                text.append(" A strategic merge patch merges this list as a set.");
            }
            if (rule.patchStrategy() != null && rule.patchStrategy().contains("retainKeys")) {
                text.append(" Patch strategy: ").append(rule.patchStrategy()).append('.');
            }
        }
        return text.toString();
    }
}
