package io.kava.api.meta;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code metadata} fields of an object tree (metav1.ObjectMeta), so that code elsewhere never
 * spells the JSON paths itself.
 */
public final class Meta {

    private Meta() {
    }

    /** The object's metadata, created empty when missing. */
    public static ObjectNode metadata(ObjectNode object) {
        JsonNode meta = object.get("metadata");
        if (meta instanceof ObjectNode m) {
            return m;
        }
        return object.putObject("metadata");
    }

    public static String text(ObjectNode object, String field) {
        JsonNode meta = object.get("metadata");
        if (meta == null) {
            return null;
        }
        JsonNode value = meta.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static String name(ObjectNode object) {
        return text(object, "name");
    }

    public static String namespace(ObjectNode object) {
        return text(object, "namespace");
    }

    public static String generateName(ObjectNode object) {
        return text(object, "generateName");
    }

    public static String uid(ObjectNode object) {
        return text(object, "uid");
    }

    public static String resourceVersion(ObjectNode object) {
        return text(object, "resourceVersion");
    }

    public static String deletionTimestamp(ObjectNode object) {
        return text(object, "deletionTimestamp");
    }

    public static long generation(ObjectNode object) {
        JsonNode meta = object.get("metadata");
        return meta == null || meta.get("generation") == null ? 0 : meta.get("generation").asLong();
    }

    public static Map<String, String> labels(ObjectNode object) {
        return stringMap(object, "labels");
    }

    public static Map<String, String> annotations(ObjectNode object) {
        return stringMap(object, "annotations");
    }

    public static boolean hasFinalizers(ObjectNode object) {
        JsonNode meta = object.get("metadata");
        JsonNode finalizers = meta == null ? null : meta.get("finalizers");
        return finalizers != null && finalizers.isArray() && !finalizers.isEmpty();
    }

    public static void setResourceVersion(ObjectNode object, long revision) {
        metadata(object).put("resourceVersion", Long.toString(revision));
    }

    private static Map<String, String> stringMap(ObjectNode object, String field) {
        JsonNode meta = object.get("metadata");
        return labelsOf(meta == null ? null : meta.get(field));
    }

    /** A JSON map of strings (labels, a selector's matchLabels) as a Java map; empty when absent. */
    public static Map<String, String> labelsOf(JsonNode map) {
        if (map == null || !map.isObject()) {
            return Map.of();
        }
        var result = new LinkedHashMap<String, String>();
        for (var entry : map.properties()) {
            result.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString());
        }
        return result;
    }
}
