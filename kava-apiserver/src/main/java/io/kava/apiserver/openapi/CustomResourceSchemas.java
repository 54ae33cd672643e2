package io.kava.apiserver.openapi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of custom resources: whoever serves a CustomResourceDefinition registers each served version's
 * {@code schema.openAPIV3Schema} here (and removes it with the CRD), next to registering the {@code ResourceType} in
 * the registry. Kinds without a registered schema still get paths and a free-form schema.
 *
 * <p>Thread-safe; listeners run on the caller's thread after every change.
 */
public final class CustomResourceSchemas {

    private final Map<String, ObjectNode> schemas = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Sets the structural schema of {@code group/version kind} (a copy is kept). */
    public void put(String group, String version, String kind, JsonNode openApiV3Schema) {
        if (!(openApiV3Schema instanceof ObjectNode object)) {
            throw new IllegalArgumentException("openAPIV3Schema of " + kind + " must be a JSON object");
        }
        schemas.put(key(group, version, kind), object.deepCopy());
        listeners.forEach(Runnable::run);
    }

    public void remove(String group, String version, String kind) {
        if (schemas.remove(key(group, version, kind)) != null) {
            listeners.forEach(Runnable::run);
        }
    }

    /** The registered schema, or null. Callers must not modify it. */
    ObjectNode get(String group, String version, String kind) {
        return schemas.get(key(group, version, kind));
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }
}
