package io.kava.apiserver.table;

import tools.jackson.databind.JsonNode;

/** Reads shared by the printers of pod controllers. */
final class Workloads {

    /** The description Kubernetes gives every Containers column. */
    static final String CONTAINERS = "Names of each container in the template.";
    /** The description Kubernetes gives every Images column. */
    static final String IMAGES = "Images referenced by each container in the template.";

    private Workloads() {
    }

    /**
     * {@code spec.replicas}, or 1: the API default the real server stores for Deployments, ReplicaSets,
     * ReplicationControllers and StatefulSets when a client leaves it out.
     */
    static long replicas(JsonNode object) {
        return Nodes.has(object, "spec", "replicas") ? Nodes.integer(object, "spec", "replicas") : 1;
    }

    /** {@code spec.template.spec}. */
    static JsonNode podSpec(JsonNode object) {
        return Nodes.at(object, "spec", "template", "spec");
    }
}
