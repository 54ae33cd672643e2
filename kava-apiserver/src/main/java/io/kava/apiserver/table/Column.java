package io.kava.apiserver.table;

import io.kava.api.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One column of a Table ({@code metav1.TableColumnDefinition}).
 *
 * @param name        the header; kubectl prints it upper-cased
 * @param type        an OpenAPI type: {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
 * @param format      an OpenAPI format; {@code name} marks the column holding the object's name
 * @param description what the column shows (Kubernetes uses the field's API documentation)
 * @param priority    0 for columns kubectl always shows, greater for those it shows only with {@code -o wide}
 */
public record Column(String name, String type, String format, String description, int priority) {

    /** The Name column every Kubernetes printer starts with. */
    public static final Column NAME = new Column("Name", "string", "name", SwaggerDocs.OBJECT_META_NAME, 0);
    /** The Age column: a human duration since creation, typed {@code string} as in Kubernetes' printers. */
    public static final Column AGE = string("Age", SwaggerDocs.OBJECT_META_CREATION_TIMESTAMP);

    public Column {
        format = format == null ? "" : format;
        description = description == null ? "" : description;
    }

    /** A {@code string} column always shown. */
    public static Column string(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    /** An {@code integer} column always shown. */
    public static Column integer(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    /** A {@code boolean} column always shown. */
    public static Column bool(String name, String description) {
        return new Column(name, "boolean", "", description, 0);
    }

    /** This column with priority 1: kubectl shows it only with {@code -o wide}. */
    public Column wide() {
        return new Column(name, type, format, description, 1);
    }

    /** The wire form; every field is always present, as Go's encoder writes them. */
    ObjectNode toJson() {
        return Json.object().put("name", name).put("type", type).put("format", format)
                .put("description", description).put("priority", priority);
    }
}
