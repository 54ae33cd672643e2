package io.kava.apiserver.kinds.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Null-safe access to object trees as the strategies read them: a field that is missing, JSON null or of the wrong
 * shape reads as absent, so defaulting and validation never throw on odd input.
 */
public final class Trees {

    private Trees() {
    }

    /** The object at {@code field}, created (replacing a non-object) when absent. */
    public static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    /** The object at {@code field}, or null. */
    public static ObjectNode objectOrNull(JsonNode parent, String field) {
        return parent != null && parent.get(field) instanceof ObjectNode o ? o : null;
    }

    /** The array at {@code field}, or null. */
    public static ArrayNode arrayOrNull(JsonNode parent, String field) {
        return parent != null && parent.get(field) instanceof ArrayNode a ? a : null;
    }

    /** The elements of the array at {@code field} that are objects (empty when absent). */
    public static List<ObjectNode> objects(JsonNode parent, String field) {
        ArrayNode array = arrayOrNull(parent, field);
        var result = new ArrayList<ObjectNode>();
        if (array != null) {
            for (JsonNode element : array) {
                if (element instanceof ObjectNode o) {
                    result.add(o);
                }
            }
        }
        return result;
    }

    /** The array at {@code field} as strings (empty when absent). */
    public static List<String> strings(JsonNode parent, String field) {
        ArrayNode array = arrayOrNull(parent, field);
        var result = new ArrayList<String>();
        if (array != null) {
            for (JsonNode element : array) {
                result.add(element.isNull() ? "" : element.asString());
            }
        }
        return result;
    }

    /** A scalar field as text, or null when missing or JSON null. */
    public static String text(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode value = parent.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    /** A scalar field as text, "" when missing. */
    public static String textOrEmpty(JsonNode parent, String field) {
        String text = text(parent, field);
        return text == null ? "" : text;
    }

    /** Is {@code field} present and not JSON null? */
    public static boolean has(JsonNode parent, String field) {
        return parent != null && parent.hasNonNull(field);
    }

    /** A numeric field, or null when missing or not a number. */
    public static Long number(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode value = parent.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** A numeric field, {@code otherwise} when missing. */
    public static long number(JsonNode parent, String field, long otherwise) {
        Long value = number(parent, field);
        return value == null ? otherwise : value;
    }

    /** A boolean field, or null when missing. */
    public static Boolean bool(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode value = parent.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /** Sets {@code field} when it is missing, JSON null or "". */
    public static void defaultText(ObjectNode parent, String field, String value) {
        String current = text(parent, field);
        if (current == null || current.isEmpty()) {
            parent.put(field, value);
        }
    }

    /**
     * Sets a number as an int node when it fits, as the JSON parser would: trees compare node types, so a long 30
     * would not equal a parsed 30 and every update would look like a change.
     */
    public static void putNumber(ObjectNode parent, String field, long value) {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            parent.put(field, (int) value);
        } else {
            parent.put(field, value);
        }
    }

    /** Sets {@code field} when it is missing or JSON null. */
    public static void defaultNumber(ObjectNode parent, String field, long value) {
        if (!has(parent, field)) {
            putNumber(parent, field, value);
        }
    }

    /** Sets {@code field} when it is missing, JSON null or 0 (Go's zero value of a non-pointer int). */
    public static void defaultNonZero(ObjectNode parent, String field, long value) {
        if (number(parent, field, 0) == 0) {
            putNumber(parent, field, value);
        }
    }

    /** Sets {@code field} when it is missing or JSON null. */
    public static void defaultBool(ObjectNode parent, String field, boolean value) {
        if (!has(parent, field)) {
            parent.put(field, value);
        }
    }

    /** A map of strings at {@code field} (insertion order), empty when absent. */
    public static Map<String, String> stringMap(JsonNode parent, String field) {
        return stringMap(objectOrNull(parent, field));
    }

    /** The entries of a JSON object as strings (insertion order). */
    public static Map<String, String> stringMap(JsonNode map) {
        var result = new LinkedHashMap<String, String>();
        if (map instanceof ObjectNode o) {
            for (var entry : o.properties()) {
                result.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString());
            }
        }
        return result;
    }

    /** Is the map at {@code field} present (even empty)? Go distinguishes a nil map from an empty one. */
    public static boolean hasMap(JsonNode parent, String field) {
        return objectOrNull(parent, field) != null;
    }

    /** {@code metadata.labels} of a template or object, empty when absent. */
    public static Map<String, String> labels(JsonNode objectOrTemplate) {
        return stringMap(objectOrNull(objectOrTemplate, "metadata"), "labels");
    }
}
