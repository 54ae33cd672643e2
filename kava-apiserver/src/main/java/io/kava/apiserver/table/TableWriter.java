package io.kava.apiserver.table;

import java.util.List;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table} for {@code kubectl get}. Kinds without a printer of their own get
 * Kubernetes' default columns: Name and Created At.
 */
public final class TableWriter {

    /**
     * @param includeObject None, Metadata or Object
     * @param withColumns   false for watch events after the first (kubectl reuses the first event's columns)
     */
    public ObjectNode table(ResourceType type, List<ObjectNode> objects, String resourceVersion,
                            String includeObject, boolean withColumns) {
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = table.putObject("metadata");
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        ArrayNode columns = table.putArray("columnDefinitions");
        if (withColumns) {
            columns.addObject().put("name", "Name").put("type", "string").put("format", "name")
                    .put("description", "Name must be unique within a namespace.").put("priority", 0);
            columns.addObject().put("name", "Created At").put("type", "date").put("format", "")
                    .put("description", "CreationTimestamp is a timestamp representing the server time when this"
                            + " object was created.").put("priority", 0);
        }
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(Meta.name(object));
            cells.add(Meta.text(object, "creationTimestamp"));
            switch (includeObject) {
                case "Object" -> row.set("object", object);
                case "Metadata" -> {
                    ObjectNode partial = row.putObject("object");
                    partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
                    partial.set("metadata", object.get("metadata"));
                }
                default -> {
                }
            }
        }
        return table;
    }
}
