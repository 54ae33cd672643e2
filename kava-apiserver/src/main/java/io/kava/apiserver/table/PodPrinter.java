package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pods: Name, Ready, Status, Restarts, Age | IP, Node, Nominated Node, Readiness Gates. READY, STATUS and RESTARTS
 * come from {@link PodSummary}; Succeeded and Failed pods carry the row condition {@code Completed}, which makes
 * kubectl hide them unless asked ({@code --show-all} of old). (k8s {@code printPod})
 */
final class PodPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            Column.string("Status", "The aggregate status of the containers in this pod."),
            Column.string("Restarts", "The number of times the containers in this pod have been restarted and when"
                    + " the last container in this pod has restarted."),
            Column.AGE,
            Column.string("IP", SwaggerDocs.POD_STATUS_POD_IP).wide(),
            Column.string("Node", SwaggerDocs.POD_SPEC_NODE_NAME).wide(),
            Column.string("Nominated Node", SwaggerDocs.POD_STATUS_NOMINATED_NODE_NAME).wide(),
            Column.string("Readiness Gates", SwaggerDocs.POD_SPEC_READINESS_GATES).wide());

    private static final Row.RowCondition SUCCEEDED =
            new Row.RowCondition("Completed", "True", "Succeeded", "The pod has completed successfully.");
    private static final Row.RowCondition FAILED =
            new Row.RowCondition("Completed", "True", "Failed", "The pod failed.");

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode pod, Instant now) {
        PodSummary summary = PodSummary.of(pod);
        Row row = Row.of(Nodes.name(pod), summary.ready() + "/" + summary.total(), summary.reason(),
                summary.restartsCell(now), Cells.age(pod, now),
                orNone(podIP(pod)), orNone(Nodes.str(pod, "spec", "nodeName")),
                orNone(Nodes.str(pod, "status", "nominatedNodeName")), readinessGates(pod));
        return switch (Nodes.str(pod, "status", "phase")) {
            case "Succeeded" -> row.withConditions(List.of(SUCCEEDED));
            case "Failed" -> row.withConditions(List.of(FAILED));
            default -> row;
        };
    }

    /**
     * The first pod IP. Kubernetes reads {@code podIPs[0]} of its internal type, into which conversion from v1 puts
     * {@code podIP} whenever that is set.
     */
    private static String podIP(JsonNode pod) {
        String podIP = Nodes.str(pod, "status", "podIP");
        if (!podIP.isEmpty()) {
            return podIP;
        }
        List<JsonNode> podIPs = Nodes.items(pod, "status", "podIPs");
        return podIPs.isEmpty() ? "" : Nodes.str(podIPs.getFirst(), "ip");
    }

    /** {@code true/total} readiness gates, counting the first condition of each gate's type; {@code <none>}. */
    private static String readinessGates(JsonNode pod) {
        List<JsonNode> gates = Nodes.items(pod, "spec", "readinessGates");
        if (gates.isEmpty()) {
            return Cells.NONE;
        }
        int trueConditions = 0;
        for (JsonNode gate : gates) {
            if (PodSummary.conditionTrue(Nodes.at(pod, "status"), Nodes.str(gate, "conditionType"))) {
                trueConditions++;
            }
        }
        return trueConditions + "/" + gates.size();
    }

    private static String orNone(String value) {
        return value.isEmpty() ? Cells.NONE : value;
    }
}
