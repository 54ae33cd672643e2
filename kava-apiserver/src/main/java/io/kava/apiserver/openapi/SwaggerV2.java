package io.kava.apiserver.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.kava.api.json.Json;
import io.kava.apiserver.http.NonResourceEndpoints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Swagger 2.0 form of the group-version documents, merged into one ({@code /openapi/v2}): request bodies become
 * {@code body} parameters and {@code consumes}, answer media types become {@code produces}, component {@code $ref}s point
 * to {@code #/definitions/}, and the OpenAPI 3 constructs Swagger 2.0 lacks ({@code allOf}-wrapped references,
 * {@code oneOf}) take the forms kube-apiserver's v2 document uses.
 */
final class SwaggerV2 {

    private static final String DEFINITIONS = "#/definitions/";

    private SwaggerV2() {
    }

    static ObjectNode merge(List<ObjectNode> v3Documents) {
        ObjectNode doc = Json.object().put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", NonResourceEndpoints.KUBERNETES_VERSION);
        var paths = new TreeMap<String, ObjectNode>();
        var definitions = new TreeMap<String, JsonNode>();
        for (ObjectNode v3 : v3Documents) {
            for (Map.Entry<String, JsonNode> path : v3.path("paths").properties()) {
                paths.put(path.getKey(), pathItem((ObjectNode) path.getValue()));
            }
            for (Map.Entry<String, JsonNode> schema : v3.path("components").path("schemas").properties()) {
                definitions.putIfAbsent(schema.getKey(), schema(schema.getValue()));
            }
        }
        ObjectNode p = doc.putObject("paths");
        paths.forEach(p::set);
        ObjectNode d = doc.putObject("definitions");
        definitions.forEach(d::set);
        doc.putObject("securityDefinitions").putObject("BearerToken").put("description",
                "Bearer Token authentication").put("type", "apiKey").put("name", "authorization").put("in", "header");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    private static ObjectNode pathItem(ObjectNode v3) {
        ObjectNode item = Json.object();
        for (Map.Entry<String, JsonNode> entry : v3.properties()) {
            if (entry.getKey().equals("parameters")) {
                item.set("parameters", parameters(entry.getValue()));
            } else {
                item.set(entry.getKey(), operation((ObjectNode) entry.getValue()));
            }
        }
        return item;
    }

    private static ObjectNode operation(ObjectNode v3) {
        ObjectNode op = Json.object();
        Set<String> produces = new LinkedHashSet<>();
        for (JsonNode response : v3.path("responses")) {
            response.path("content").propertyNames().forEach(produces::add);
        }
        for (Map.Entry<String, JsonNode> entry : v3.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "parameters", "requestBody" -> {
                    // written together below
                }
                case "responses" -> {
                    ObjectNode responses = op.putObject("responses");
                    for (Map.Entry<String, JsonNode> response : value.properties()) {
                        ObjectNode r = responses.putObject(response.getKey())
                                .put("description", response.getValue().path("description").asString(""));
                        JsonNode content = response.getValue().path("content");
                        if (!content.isEmpty()) {
                            r.set("schema", schema(content.iterator().next().path("schema")));
                        }
                    }
                }
                default -> op.set(key, value.deepCopy());
            }
        }
        JsonNode body = v3.get("requestBody");
        if (body != null) {
            ArrayNode consumes = op.putArray("consumes");
            body.path("content").propertyNames().forEach(consumes::add);
        }
        if (!produces.isEmpty()) {
            ArrayNode p = op.putArray("produces");
            produces.forEach(p::add);
        }
        op.putArray("schemes").add("https");
        ArrayNode params = parameters(v3.path("parameters"));
        if (body != null) {
            ObjectNode param = params.insertObject(0).put("name", "body").put("in", "body");
            if (body.path("required").asBoolean(false)) {
                param.put("required", true);
            }
            param.set("schema", schema(body.path("content").iterator().next().path("schema")));
        }
        op.set("parameters", params);
        return op;
    }

    private static ArrayNode parameters(JsonNode v3) {
        ArrayNode params = Json.array();
        for (JsonNode param : v3) {
            ObjectNode p = Json.object();
            for (Map.Entry<String, JsonNode> field : param.properties()) {
                if (field.getKey().equals("schema")) {
                    p.setAll((ObjectNode) field.getValue());
                } else {
                    p.set(field.getKey(), field.getValue());
                }
            }
            params.add(p);
        }
        return params;
    }

    /** A copy of a v3 schema in Swagger 2.0 form. */
    static JsonNode schema(JsonNode v3) {
        if (v3.isArray()) {
            ArrayNode out = Json.array();
            v3.forEach(item -> out.add(schema(item)));
            return out;
        }
        if (!v3.isObject()) {
            return v3;
        }
        ObjectNode out = Json.object();
        JsonNode allOf = v3.get("allOf");
        boolean unwrapRef = allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref");
        for (Map.Entry<String, JsonNode> field : v3.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "$ref" -> out.put("$ref", value.asString().replace(ComponentNames.REF_PREFIX, DEFINITIONS));
                case "allOf" -> {
                    if (unwrapRef) {
                        out.put("$ref", allOf.get(0).get("$ref").asString()
                                .replace(ComponentNames.REF_PREFIX, DEFINITIONS));
                    } else {
                        out.set(key, schema(value));
                    }
                }
                case "default" -> {
                    if (!unwrapRef) {
                        out.set(key, value.deepCopy());
                    }
                }
                case "oneOf" -> {
                    if (!v3.has("type")) {
                        out.put("type", "string"); // Quantity, IntOrString: strings in Swagger 2.0
                    }
                }
                case "nullable" -> {
                }
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    value.properties().forEach(p -> props.set(p.getKey(), schema(p.getValue())));
                }
                case "items", "additionalProperties", "not" -> out.set(key, schema(value));
                default -> out.set(key, value.deepCopy());
            }
        }
        return out;
    }
}
