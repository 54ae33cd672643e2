package io.kava.apiserver.openapi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.kava.api.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAPI v3 component schemas generated from the fabric8 model classes: one component per class, properties from
 * the Jackson-annotated fields, {@code $ref}s between components, {@code x-kubernetes-group-version-kind} on kinds,
 * and the patch/list extensions of {@link FieldRules}. A class is introspected once, the first time a kind needs it
 * (reflection is fine here: this runs at start-up and when a new kind is asked for, never per request).
 *
 * <p>Thread-safe. Components, once made, are never modified: documents may share them.
 */
final class ModelSchemas {

    /** The special encodings of types fabric8 (de)serializes by hand. */
    private static final Map<String, String> SCALARS = Map.of(
            "io.k8s.apimachinery.pkg.api.resource.Quantity", "quantity",
            "io.k8s.apimachinery.pkg.util.intstr.IntOrString", "int-or-string",
            "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime", "date-time",
            "io.k8s.apimachinery.pkg.apis.meta.v1.Duration", "duration");

    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<String, ObjectNode> components = new HashMap<>();

    /** The component of a kind's fabric8 class, made on first use; null when fabric8 has no class for it. */
    synchronized String kind(String group, String version, String kind) {
        Class<?> type = ModelClasses.find(group, version, kind);
        return type == null ? null : component(type);
    }

    /** The component of a model class, made on first use. */
    synchronized String component(Class<?> type) {
        String name = names.get(type);
        if (name != null) {
            return name;
        }
        name = ComponentNames.of(type);
        if (components.containsKey(name)) {
            name = type.getName(); // two classes claim one Kubernetes name: keep both, apart
        }
        names.put(type, name);
        components.put(name, Json.object()); // placeholder: recursive types refer to it while it is made
        components.put(name, describe(type, name));
        return name;
    }

    /** A component made by {@link #component}, or null. */
    synchronized ObjectNode get(String name) {
        return components.get(name);
    }

    private ObjectNode describe(Class<?> type, String name) {
        ObjectNode schema = Json.object().put("description", Descriptions.ofType(name));
        String scalar = SCALARS.get(name);
        if (scalar != null) {
            return scalar(schema, scalar);
        }
        if (hasCustomSerializer(type)) {
            return schema; // any JSON value: fabric8 writes these by hand (JSONSchemaPropsOrArray and friends)
        }
        List<Field> fields = jsonFields(type);
        schema.put("type", "object");
        if (fields.isEmpty()) {
            return schema; // FieldsV1 and other free-form objects
        }
        String owner = type.getSimpleName();
        var properties = new TreeMap<String, ObjectNode>();
        for (Field field : fields) {
            String json = jsonName(field);
            properties.put(json, property(owner, json, field.getGenericType()));
        }
        List<String> required = FieldRules.required(owner).stream().filter(properties::containsKey).toList();
        if (!required.isEmpty()) {
            strings(schema.putArray("required"), required);
        }
        ObjectNode props = schema.putObject("properties");
        properties.forEach(props::set);
        String[] gv = ModelClasses.groupVersion(type);
        if (gv != null) {
            schema.putArray("x-kubernetes-group-version-kind").add(gvk(gv[0], gv[1], owner));
        }
        return schema;
    }

    private static ObjectNode scalar(ObjectNode schema, String encoding) {
        switch (encoding) {
            case "quantity" -> {
                ArrayNode oneOf = schema.putArray("oneOf");
                oneOf.addObject().put("type", "string");
                oneOf.addObject().put("type", "number");
            }
            case "int-or-string" -> {
                schema.put("format", "int-or-string");
                ArrayNode oneOf = schema.putArray("oneOf");
                oneOf.addObject().put("type", "integer");
                oneOf.addObject().put("type", "string");
            }
            case "date-time" -> schema.put("type", "string").put("format", "date-time");
            default -> schema.put("type", "string");
        }
        return schema;
    }

    private ObjectNode property(String owner, String json, Type type) {
        FieldRules.Rule rule = FieldRules.of(owner, json, isListOfObjectsWithType(type));
        ObjectNode schema = Json.object().put("description", Descriptions.ofField(owner, json, label(type), rule));
        schema.setAll(schema(type));
        if (FieldRules.isTime(json) && "string".equals(schema.path("type").asString(""))) {
            schema.put("format", "date-time");
        }
        if (rule != null) {
            if (!rule.mapKeys().isEmpty()) {
                strings(schema.putArray("x-kubernetes-list-map-keys"), rule.mapKeys());
            }
            if (rule.listType() != null) {
                schema.put("x-kubernetes-list-type", rule.listType());
            }
            if (rule.mergeKey() != null) {
                schema.put("x-kubernetes-patch-merge-key", rule.mergeKey());
            }
            if (rule.patchStrategy() != null) {
                schema.put("x-kubernetes-patch-strategy", rule.patchStrategy());
            }
        }
        return schema;
    }

    /** The schema of a Java field type, without description. */
    private ObjectNode schema(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = Json.object().put("type", "array");
                array.set("items", schema(args[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = Json.object().put("type", "object");
                ObjectNode values = schema(args[1]);
                if ("string".equals(values.path("type").asString(""))) {
                    values.put("default", "");
                }
                map.set("additionalProperties", values);
                return map;
            }
            return schema(raw);
        }
        if (!(type instanceof Class<?> c)) {
            return any();
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return Json.object().put("type", "string");
        }
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class || c == Byte.class
                || c == byte.class) {
            return Json.object().put("type", "integer").put("format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return Json.object().put("type", "integer").put("format", "int64");
        }
        if (c == Boolean.class || c == boolean.class) {
            return Json.object().put("type", "boolean");
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class || c == Number.class
                || c == BigDecimal.class) {
            return Json.object().put("type", "number").put("format", "double");
        }
        if (c == byte[].class) {
            return Json.object().put("type", "string").put("format", "byte");
        }
        if (c.isArray()) {
            ObjectNode array = Json.object().put("type", "array");
            array.set("items", schema(c.getComponentType()));
            return array;
        }
        if (c.isEnum()) {
            ObjectNode e = Json.object().put("type", "string");
            ArrayNode values = e.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(constant.toString());
            }
            return e;
        }
        if (Map.class.isAssignableFrom(c)) {
            return Json.object().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        }
        if (c == Object.class || JsonNode.class.isAssignableFrom(c) || c.isInterface()
                || Modifier.isAbstract(c.getModifiers()) || c.getName().startsWith("java.")) {
            return any();
        }
        String component = component(c);
        ObjectNode ref = Json.object();
        if ("object".equals(components.get(component).path("type").asString(""))
                || components.get(component).isEmpty()) {
            ref.putObject("default"); // Kubernetes' v3 documents default embedded structs to {}
        }
        ref.putArray("allOf").addObject().put("$ref", ComponentNames.ref(component));
        return ref;
    }

    /** How {@code kubectl explain} would print a type: {@code string}, {@code []Container}, {@code map[string]string}. */
    private static String label(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return "[]" + label(args[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "map[string]" + label(args[1]);
            }
            return label(raw);
        }
        if (!(type instanceof Class<?> c)) {
            return "Object";
        }
        if (c == String.class) {
            return "string";
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return "integer";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return "number";
        }
        if (c == Object.class || c.getName().startsWith("java.") || JsonNode.class.isAssignableFrom(c)) {
            return "Object";
        }
        return c.getSimpleName();
    }

    private static boolean isListOfObjectsWithType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && p.getActualTypeArguments()[0] instanceof Class<?> item) {
            return jsonFields(item).stream().anyMatch(f -> jsonName(f).equals("type"));
        }
        return false;
    }

    /** The fields Jackson writes: annotated with {@code @JsonProperty}, not ignored, superclasses first. */
    private static List<Field> jsonFields(Class<?> type) {
        var chain = new ArrayList<Class<?>>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.addFirst(c);
        }
        var fields = new LinkedHashMap<String, Field>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                        || field.isAnnotationPresent(JsonIgnore.class)
                        || !field.isAnnotationPresent(JsonProperty.class)) {
                    continue;
                }
                fields.put(jsonName(field), field);
            }
        }
        return List.copyOf(fields.values());
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? field.getName() : property.value();
    }

    private static boolean hasCustomSerializer(Class<?> type) {
        JsonSerialize serialize = type.getAnnotation(JsonSerialize.class);
        return serialize != null && serialize.using() != tools.jackson.databind.ValueSerializer.None.class;
    }

    private static ObjectNode any() {
        return Json.object().put("x-kubernetes-preserve-unknown-fields", true);
    }

    static ObjectNode gvk(String group, String version, String kind) {
        return Json.object().put("group", group).put("kind", kind).put("version", version);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
