package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nodes: Name, Status, Roles, Age, Version | Internal-IP, External-IP, OS-Image, Kernel-Version, Container-Runtime.
 * STATUS is {@code Ready}, {@code NotReady} or {@code Unknown} (no Ready condition), plus {@code SchedulingDisabled}
 * when cordoned; ROLES come from {@code node-role.kubernetes.io/<role>} label keys and the
 * {@code kubernetes.io/role} label value, sorted. (k8s {@code printNode})
 */
final class NodePrinter implements TablePrinter {

    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";
    private static final String UNKNOWN = "<unknown>";

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Status", "The status of the node"),
            Column.string("Roles", "The roles of the node"),
            Column.AGE,
            Column.string("Version", SwaggerDocs.NODE_SYSTEM_INFO_KUBELET_VERSION),
            Column.string("Internal-IP", SwaggerDocs.NODE_STATUS_ADDRESSES).wide(),
            Column.string("External-IP", SwaggerDocs.NODE_STATUS_ADDRESSES).wide(),
            Column.string("OS-Image", SwaggerDocs.NODE_SYSTEM_INFO_OS_IMAGE).wide(),
            Column.string("Kernel-Version", SwaggerDocs.NODE_SYSTEM_INFO_KERNEL_VERSION).wide(),
            Column.string("Container-Runtime", SwaggerDocs.NODE_SYSTEM_INFO_CONTAINER_RUNTIME_VERSION).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode node, Instant now) {
        JsonNode info = Nodes.at(node, "status", "nodeInfo");
        return Row.of(Nodes.name(node), status(node), roles(node), Cells.age(node, now),
                Nodes.str(info, "kubeletVersion"),
                address(node, "InternalIP"), address(node, "ExternalIP"),
                orUnknown(Nodes.str(info, "osImage")), orUnknown(Nodes.str(info, "kernelVersion")),
                orUnknown(Nodes.str(info, "containerRuntimeVersion")));
    }

    private static String status(JsonNode node) {
        JsonNode ready = null;
        for (JsonNode condition : Nodes.items(node, "status", "conditions")) {
            if (Nodes.str(condition, "type").equals("Ready")) {
                ready = condition; // the last one wins, as Kubernetes builds a map by type
            }
        }
        List<String> status = new ArrayList<>();
        if (ready == null) {
            status.add("Unknown");
        } else {
            status.add(Nodes.str(ready, "status").equals("True") ? "Ready" : "NotReady");
        }
        if (Nodes.bool(node, "spec", "unschedulable")) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    private static String roles(JsonNode node) {
        var roles = new TreeSet<String>();
        for (Map.Entry<String, String> label : Nodes.stringMap(node, "metadata", "labels").entrySet()) {
            String key = label.getKey();
            if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
                roles.add(key.substring(ROLE_PREFIX.length()));
            } else if (key.equals(ROLE_LABEL) && !label.getValue().isEmpty()) {
                roles.add(label.getValue());
            }
        }
        return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
    }

    /** The first address of the type, or {@code <none>}. */
    private static String address(JsonNode node, String type) {
        for (JsonNode address : Nodes.items(node, "status", "addresses")) {
            if (Nodes.str(address, "type").equals(type)) {
                return Nodes.str(address, "address");
            }
        }
        return Cells.NONE;
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? UNKNOWN : value;
    }
}
