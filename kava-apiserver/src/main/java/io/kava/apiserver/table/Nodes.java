package io.kava.apiserver.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Null-safe reads of object trees for printers. A missing field reads as Go's zero value ({@code ""}, 0, false,
 * empty), which is what Kubernetes' printers see in their typed structs.
 */
final class Nodes {

    private Nodes() {
    }

    /** The node at a path of field names, or a missing node. */
    static JsonNode at(JsonNode root, String... path) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        for (String field : path) {
            node = node.path(field);
        }
        return node;
    }

    /** True when the field is present and not JSON null (a non-nil pointer in Go). */
    static boolean has(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        return !node.isMissingNode() && !node.isNull();
    }

    /** The text of a scalar, or {@code ""} when missing, null or not a scalar. */
    static String str(JsonNode root, String... path) {
        String value = strOrNull(root, path);
        return value == null ? "" : value;
    }

    /** The text of a scalar, or null when missing, null or not a scalar. */
    static String strOrNull(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        return null;
    }

    /** An integer field, or 0. */
    static long integer(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        return node.isNumber() ? toLong(node) : 0;
    }

    /** A number as Go's {@code int64(...)} converts it: fractions truncated toward zero. */
    static long toLong(JsonNode number) {
        return number.isIntegralNumber() ? number.asLong() : (long) number.doubleValue();
    }

    /** A boolean field, or false. */
    static boolean bool(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        return node.isBoolean() && node.asBoolean();
    }

    /** The elements of an array field, or an empty list. */
    static List<JsonNode> items(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        return node.isArray() ? new ArrayList<>(node.values()) : List.of();
    }

    /** The number of elements of an array or entries of an object, or 0. */
    static int size(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        return node.isArray() || node.isObject() ? node.size() : 0;
    }

    /** An object of strings ({@code map[string]string}), in document order; empty when missing. */
    static Map<String, String> stringMap(JsonNode root, String... path) {
        JsonNode node = at(root, path);
        var map = new LinkedHashMap<String, String>();
        if (node.isObject()) {
            for (var entry : node.properties()) {
                map.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString(""));
            }
        }
        return map;
    }

    /** {@code metadata.name}, or {@code ""}. */
    static String name(JsonNode object) {
        return str(object, "metadata", "name");
    }

    /** {@code metadata.creationTimestamp}, or null. */
    static String created(JsonNode object) {
        return strOrNull(object, "metadata", "creationTimestamp");
    }
}
