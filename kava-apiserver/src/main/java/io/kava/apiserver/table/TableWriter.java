package io.kava.apiserver.table;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table} for {@code kubectl get}: the column definitions and one row of
 * cells per object, printed by the kind's {@link TablePrinter} (Kubernetes' {@code asTable} over the resource's
 * {@code TableConvertor}). Kinds without a printer get Kubernetes' default columns, Name and Created At.
 *
 * <p>Ages are measured against the injected clock, read once per table. Thread-safe.
 */
public final class TableWriter {

    private final TablePrinters printers;
    private final Clock clock;

    /** The built-in printers and the system clock. */
    public TableWriter() {
        this(TablePrinters.builtin(), Clock.systemUTC());
    }

    /**
     * @param printers the printer registry; the caller may keep registering custom resources into it
     * @param clock    what ages are measured against
     */
    public TableWriter(TablePrinters printers, Clock clock) {
        this.printers = printers;
        this.clock = clock;
    }

    /** The registry this writer prints with, for registering custom resource printers. */
    public TablePrinters printers() {
        return printers;
    }

    /**
     * @param includeObject   None, Metadata or Object (already validated by the caller)
     * @param resourceVersion the list's resourceVersion; null to take the object's own when printing one object
     *                        (a get or a watch event, as the real server does)
     * @param withColumns     false for watch events after the first: Kubernetes then sends
     *                        {@code "columnDefinitions": null} and kubectl reuses the first event's columns
     */
    public ObjectNode table(ResourceType type, List<ObjectNode> objects, String resourceVersion,
                            String includeObject, boolean withColumns) {
        return table(printers.printerFor(type), objects, resourceVersion, includeObject, withColumns);
    }

    /** As {@link #table(ResourceType, List, String, String, boolean)}, with an explicit printer. */
    public ObjectNode table(TablePrinter printer, List<ObjectNode> objects, String resourceVersion,
                            String includeObject, boolean withColumns) {
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = table.putObject("metadata");
        if (resourceVersion == null && objects.size() == 1) {
            resourceVersion = Meta.resourceVersion(objects.getFirst());
        }
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            meta.put("resourceVersion", resourceVersion);
        }
        if (withColumns) {
            ArrayNode columns = table.putArray("columnDefinitions");
            printer.columns().forEach(c -> columns.add(c.toJson()));
        } else {
            table.putNull("columnDefinitions");
        }
        Instant now = clock.instant();
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode object : objects) {
            rows.add(row(printer.print(object, now), object, includeObject));
        }
        return table;
    }

    private static ObjectNode row(Row printed, ObjectNode object, String includeObject) {
        ObjectNode row = Json.object();
        ArrayNode cells = row.putArray("cells");
        printed.cells().forEach(cell -> cells.add(cell(cell)));
        if (!printed.conditions().isEmpty()) {
            ArrayNode conditions = row.putArray("conditions");
            for (Row.RowCondition c : printed.conditions()) {
                ObjectNode condition = conditions.addObject().put("type", c.type()).put("status", c.status());
                if (c.reason() != null && !c.reason().isEmpty()) {
                    condition.put("reason", c.reason());
                }
                if (c.message() != null && !c.message().isEmpty()) {
                    condition.put("message", c.message());
                }
            }
        }
        switch (includeObject) {
            case "Object" -> row.set("object", object);
            case "None" -> row.putNull("object");
            default -> {
                ObjectNode partial = row.putObject("object");
                partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
                JsonNode metadata = object.get("metadata");
                partial.set("metadata", metadata == null ? Json.object() : metadata);
            }
        }
        return row;
    }

    private static JsonNode cell(Object value) {
        return switch (value) {
            case null -> Json.NODES.nullNode();
            case String s -> Json.NODES.stringNode(s);
            case Integer i -> Json.NODES.numberNode(i.longValue());
            case Long l -> Json.NODES.numberNode(l);
            case Double d -> Json.NODES.numberNode(d);
            case Boolean b -> Json.NODES.booleanNode(b);
            case JsonNode node -> node;
            default -> throw new IllegalArgumentException("unsupported cell type " + value.getClass());
        };
    }
}
