package io.kava.apiserver.crd;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.kava.apiserver.errors.FieldErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CRD's {@code openAPIV3Schema} applied to custom resources as the API server does: defaulting ({@code default}),
 * pruning of fields the schema does not know (unless {@code x-kubernetes-preserve-unknown-fields}), and validation
 * of types, required fields, enums, patterns, bounds and lengths, with Kubernetes' error messages.
 * {@code apiVersion}, {@code kind} and {@code metadata} at the root are always kept.
 */
public final class StructuralSchema {

    private final JsonNode schema;

    public StructuralSchema(JsonNode schema) {
        this.schema = schema == null ? ObjectNodeHolder.EMPTY : schema;
    }

    /** Fills {@code default}s, then removes unknown fields. */
    public void defaultAndPrune(ObjectNode object) {
        applyDefaults(object, schema);
        prune(object, schema, true);
    }

    public void validate(ObjectNode object, FieldErrors errors) {
        validate(object, schema, "", errors, true);
    }

    private static void applyDefaults(JsonNode node, JsonNode schema) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                JsonNode sub = property.getValue();
                if (!object.has(property.getKey()) && sub.has("default")) {
                    object.set(property.getKey(), sub.get("default").deepCopy());
                }
                if (object.has(property.getKey())) {
                    applyDefaults(object.get(property.getKey()), sub);
                }
            }
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    applyDefaults(field.getValue(), additional);
                }
            }
        } else if (node instanceof ArrayNode array && schema.path("items").isObject()) {
            for (JsonNode item : array) {
                applyDefaults(item, schema.get("items"));
            }
        }
    }

    private static void prune(JsonNode node, JsonNode schema, boolean root) {
        if (node instanceof ObjectNode object) {
            if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    && !schema.has("properties")) {
                return;
            }
            boolean embedded = root || schema.path("x-kubernetes-embedded-resource").asBoolean(false);
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            List<String> remove = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (embedded && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
                    continue;
                }
                if (properties.has(name)) {
                    prune(field.getValue(), properties.get(name), false);
                } else if (additional.isObject()) {
                    prune(field.getValue(), additional, false);
                } else if (!preserve && !additional.asBoolean(false)) {
                    remove.add(name);
                }
            }
            remove.forEach(object::remove);
        } else if (node instanceof ArrayNode array && schema.path("items").isObject()) {
            for (JsonNode item : array) {
                prune(item, schema.get("items"), false);
            }
        }
    }

    private static void validate(JsonNode node, JsonNode schema, String path, FieldErrors errors, boolean root) {
        if (node == null) {
            return;
        }
        if (node.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.invalid(path, "null", path + " in body must be of type " + schema.path("type").asString(
                        "object") + ": \"null\"");
            }
            return;
        }
        String type = schema.path("type").asString("");
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        if (intOrString) {
            if (!node.isIntegralNumber() && !node.isString()) {
                errors.invalid(path, node, path + " in body must be of type integer,string: \"" + jsonType(node)
                        + "\"");
            }
        } else if (!type.isEmpty() && !matchesType(node, type)) {
            errors.invalid(path, shown(node), path + " in body must be of type " + type + ": \"" + jsonType(node)
                    + "\"");
            return;
        }
        checkEnum(node, schema, path, errors);
        if (node.isString()) {
            String value = node.asString();
            if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
                errors.tooLong(path, schema.get("maxLength").asInt());
            }
            if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()) {
                errors.invalid(path, value, path + " in body should be at least " + schema.get("minLength").asInt()
                        + " chars long");
            }
            if (schema.has("pattern")) {
                try {
                    if (!Pattern.compile(schema.get("pattern").asString()).matcher(value).find()) {
                        errors.invalid(path, value, path + " in body should match '" + schema.get("pattern")
                                .asString() + "'");
                    }
                } catch (PatternSyntaxException e) {
                    // an invalid pattern in the CRD does not make objects invalid
                }
            }
        }
        if (node.isNumber()) {
            double value = node.asDouble();
            if (schema.has("minimum")) {
                double min = schema.get("minimum").asDouble();
                boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
                if (exclusive ? value <= min : value < min) {
                    errors.invalid(path, node.numberValue(), path + " in body should be greater than "
                            + (exclusive ? "" : "or equal to ") + number(schema.get("minimum")));
                }
            }
            if (schema.has("maximum")) {
                double max = schema.get("maximum").asDouble();
                boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
                if (exclusive ? value >= max : value > max) {
                    errors.invalid(path, node.numberValue(), path + " in body should be less than "
                            + (exclusive ? "" : "or equal to ") + number(schema.get("maximum")));
                }
            }
        }
        if (node instanceof ObjectNode object) {
            for (JsonNode required : schema.path("required")) {
                if (!object.has(required.asString())) {
                    errors.required(join(path, required.asString()));
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                if (root && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
                    continue;
                }
                if (properties.has(name)) {
                    validate(field.getValue(), properties.get(name), join(path, name), errors, false);
                } else if (additional.isObject()) {
                    validate(field.getValue(), additional, join(path, name), errors, false);
                }
            }
        }
        if (node instanceof ArrayNode array) {
            if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
                errors.add("FieldValueTooMany", "Too many: " + array.size() + ": must have at most "
                        + schema.get("maxItems").asInt() + " items", path);
            }
            if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
                errors.invalid(path, array.size(), path + " in body should have at least "
                        + schema.get("minItems").asInt() + " items");
            }
            if (schema.path("items").isObject()) {
                for (int i = 0; i < array.size(); i++) {
                    validate(array.get(i), schema.get("items"), path + "[" + i + "]", errors, false);
                }
            }
        }
    }

    private static void checkEnum(JsonNode node, JsonNode schema, String path, FieldErrors errors) {
        JsonNode values = schema.path("enum");
        if (!values.isArray() || values.isEmpty()) {
            return;
        }
        for (JsonNode allowed : values) {
            if (allowed.equals(node)) {
                return;
            }
        }
        List<String> supported = new ArrayList<>();
        values.forEach(v -> supported.add(v.asString()));
        errors.notSupported(path, node.isString() ? node.asString() : node.toString(), supported);
    }

    private static boolean matchesType(JsonNode node, String type) {
        return switch (type) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isString();
            case "integer" -> node.isIntegralNumber()
                    || node.isFloatingPointNumber() && node.asDouble() == Math.rint(node.asDouble());
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            default -> true;
        };
    }

    private static String jsonType(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static Object shown(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    private static String number(JsonNode value) {
        double d = value.asDouble();
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static final class ObjectNodeHolder {
        static final JsonNode EMPTY = io.kava.api.json.Json.object().put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
    }
}
