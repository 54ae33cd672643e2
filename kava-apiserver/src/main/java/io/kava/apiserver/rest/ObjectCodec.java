package io.kava.apiserver.rest;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.ApiException;
import io.kava.store.KeyValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How objects are kept in the store: their JSON without {@code metadata.resourceVersion}, which is the key's mod
 * revision and is put back on every read (as the real API server does with etcd revisions).
 */
public final class ObjectCodec {

    private ObjectCodec() {
    }

    public static byte[] encode(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        JsonNode meta = copy.get("metadata");
        if (meta instanceof ObjectNode m) {
            m.remove("resourceVersion");
        }
        return Json.bytes(copy);
    }

    public static ObjectNode decode(KeyValue kv) {
        return decode(kv.value(), kv.modRevision());
    }

    /**
     * Decodes an object as {@code apiVersion} serves it. The versions of a custom resource share one storage
     * prefix and convert with strategy None: only the apiVersion changes.
     */
    public static ObjectNode decode(KeyValue kv, String apiVersion) {
        ObjectNode object = decode(kv.value(), kv.modRevision());
        if (apiVersion != null && object.has("apiVersion")) {
            object.put("apiVersion", apiVersion);
        }
        return object;
    }

    /** Reads stored values as {@code apiVersion} serves them, through {@code conversion}. */
    public static java.util.function.Function<KeyValue, ObjectNode> reader(String apiVersion, Conversion conversion) {
        return conversion == Conversion.NONE ? kv -> decode(kv, apiVersion)
                : kv -> conversion.toServed(decode(kv.value(), kv.modRevision()));
    }

    public static ObjectNode decode(byte[] value, long revision) {
        JsonNode node;
        try {
            node = Json.parse(value);
        } catch (RuntimeException e) {
            throw ApiException.internal("stored object is not valid JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.internal("stored object is not a JSON object");
        }
        Meta.setResourceVersion(object, revision);
        return object;
    }
}
