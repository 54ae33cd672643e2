package io.kava.apiserver.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which fields of an object its kind's schema does not know, for server-side field validation
 * ({@code fieldValidation=Strict|Warn|Ignore}): Kubernetes drops unknown fields when it decodes a body, and reports
 * them as errors (Strict) or warnings (Warn). Built-in kinds are checked against the schemas generated from the
 * fabric8 model; custom resources against their CRD's {@code openAPIV3Schema}.
 */
public final class KnownFields {

    private static final String REF_PREFIX = "#/components/schemas/";

    private final ModelSchemas models;
    private final CustomResourceSchemas custom;

    KnownFields(ModelSchemas models, CustomResourceSchemas custom) {
        this.models = models;
        this.custom = custom;
    }

    /**
     * Removes the unknown fields of {@code object} and returns their paths as Kubernetes names them
     * ({@code spec.template.spec.containers[0].imagePolicy}). Kinds without a schema keep everything.
     */
    public List<String> prune(ResourceType type, ObjectNode object) {
        List<String> unknown = new ArrayList<>();
        ObjectNode customSchema = custom.get(type.group(), type.version(), type.kind());
        if (customSchema != null) {
            walk(object, customSchema, "", unknown, true);
            return unknown;
        }
        String component = models.kind(type.group(), type.version(), type.kind());
        if (component != null) {
            walk(object, models.get(component), "", unknown, true);
        }
        return unknown;
    }

    private void walk(JsonNode node, JsonNode schema, String path, List<String> unknown, boolean root) {
        schema = resolve(schema);
        if (schema == null || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            if (!properties.isObject() && !additional.isObject()) {
                return; // a free-form object
            }
            List<String> remove = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                String child = path.isEmpty() ? name : path + "." + name;
                if (properties.has(name)) {
                    walk(field.getValue(), properties.get(name), child, unknown, false);
                } else if (additional.isObject()) {
                    walk(field.getValue(), additional, child, unknown, false);
                } else if (root && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
                    continue;
                } else {
                    unknown.add(child);
                    remove.add(name);
                }
            }
            remove.forEach(object::remove);
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), schema.get("items"), path + "[" + i + "]", unknown, false);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && depth < 8; depth++) {
            String ref = current.path("$ref").asString("");
            if (ref.isEmpty()) {
                JsonNode allOf = current.path("allOf");
                if (allOf.isArray() && allOf.size() == 1) {
                    current = allOf.get(0);
                    continue;
                }
                return current;
            }
            current = ref.startsWith(REF_PREFIX) ? models.get(ref.substring(REF_PREFIX.length())) : null;
        }
        return current;
    }
}
