package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.node.ObjectNode;

/**
 * ResourceQuotas: Name, Request, Limit, Age. For each resource of {@code status.hard}, sorted by name,
 * {@code name: used/hard}; resources named {@code limits.*} go to LIMIT, the others to REQUEST; comma-separated.
 * Missing usage prints as {@code 0}. (k8s {@code printResourceQuota})
 */
final class ResourceQuotaPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
            Column.string("Limit", "Limits control the maximum amount of cpu/memory that a container may use"
                    + " independent of contention on the node."),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode quota, Instant now) {
        Map<String, String> hard = new TreeMap<>(Nodes.stringMap(quota, "status", "hard"));
        Map<String, String> used = Nodes.stringMap(quota, "status", "used");
        List<String> requests = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        hard.forEach((resource, limit) -> {
            String[] pieces = resource.split("\\.", -1);
            List<String> column = pieces.length > 1 && pieces[0].equals("limits") ? limits : requests;
            column.add(resource + ": " + Quantity.format(used.getOrDefault(resource, "0")) + "/"
                    + Quantity.format(limit));
        });
        return Row.of(Nodes.name(quota), String.join(", ", requests), String.join(", ", limits),
                Cells.age(quota, now));
    }
}
