package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * APIServices: Name, Service ({@code namespace/name}, or {@code Local} for APIs served in-process), Available (the
 * Available condition's status, with its reason in parentheses unless True; {@code Unknown} without one), Age.
 * (kube-aggregator {@code pkg/registry/apiservice/etcd/etcd.go} {@code ConvertToTable})
 */
final class APIServicePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Service", "The reference to the service that hosts this API endpoint."),
            Column.string("Available", "Whether this service is available."),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode apiService, Instant now) {
        JsonNode service = Nodes.at(apiService, "spec", "service");
        String serviceCell = service.isObject()
                ? Nodes.str(service, "namespace") + "/" + Nodes.str(service, "name") : "Local";
        return Row.of(Nodes.name(apiService), serviceCell, available(apiService), Cells.age(apiService, now));
    }

    private static String available(JsonNode apiService) {
        for (JsonNode condition : Nodes.items(apiService, "status", "conditions")) {
            if (Nodes.str(condition, "type").equals("Available")) {
                String status = Nodes.str(condition, "status");
                String reason = Nodes.str(condition, "reason");
                return status.equals("True") || reason.isEmpty() ? status : status + " (" + reason + ")";
            }
        }
        return "Unknown";
    }
}
