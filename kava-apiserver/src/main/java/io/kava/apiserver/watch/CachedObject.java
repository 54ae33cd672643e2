package io.kava.apiserver.watch;

import io.kava.api.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version of an object in the watch cache with its JSON, serialized at most once and shared by every list
 * answered from the cache and every watch frame that carries it.
 */
public final class CachedObject {

    private final ObjectNode object;
    private volatile byte[] json;

    CachedObject(ObjectNode object) {
        this.object = object;
    }

    /** The object; callers must not modify it. */
    public ObjectNode object() {
        return object;
    }

    public byte[] json() {
        byte[] bytes = json;
        if (bytes == null) {
            bytes = Json.bytes(object);
            json = bytes; // benign race: every thread computes the same bytes
        }
        return bytes;
    }
}
