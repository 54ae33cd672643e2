package io.kava.apiserver.openapi;

import java.util.Map;

import io.kava.api.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Encodes the Swagger 2.0 document as the protobuf message kubectl downloads from {@code /openapi/v2}: gnostic's
 * {@code openapi.v2.Document} (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto; field numbers below are
 * that file's). kubectl 1.27 and 1.28 fetch it before any {@code create}/{@code apply} with validation and for
 * {@code explain}; they parse it with kube-openapi's {@code proto.NewOpenAPIData}, which reads definitions (type,
 * properties, items, additionalProperties, $ref, required, description, vendor extensions) and the
 * {@code x-kubernetes-group-version-kind} and {@code consumes} of operations.
 *
 * <p>Vendor extensions and defaults are {@code Any} messages carrying their value as YAML text; JSON is valid YAML.
 * Fields the encoder does not know (security definitions, examples, XML) are left out.
 */
final class SwaggerProto {

    private SwaggerProto() {
    }

    static byte[] encode(JsonNode swagger) {
        var doc = new ProtoWriter().string(1, swagger.path("swagger").asString(""));
        doc.message(2, new ProtoWriter().string(1, swagger.path("info").path("title").asString(""))
                .string(2, swagger.path("info").path("version").asString("")));
        var paths = new ProtoWriter();
        for (Map.Entry<String, JsonNode> path : swagger.path("paths").properties()) {
            paths.message(2, new ProtoWriter().string(1, path.getKey()).message(2, pathItem(path.getValue())));
        }
        doc.message(8, paths);
        var definitions = new ProtoWriter();
        for (Map.Entry<String, JsonNode> definition : swagger.path("definitions").properties()) {
            definitions.message(1, named(definition.getKey(), schema(definition.getValue())));
        }
        doc.message(9, definitions);
        return doc.toByteArray();
    }

    private static ProtoWriter pathItem(JsonNode item) {
        var w = new ProtoWriter();
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            int field = switch (entry.getKey()) {
                case "get" -> 2;
                case "put" -> 3;
                case "post" -> 4;
                case "delete" -> 5;
                case "options" -> 6;
                case "head" -> 7;
                case "patch" -> 8;
                default -> 0;
            };
            if (field != 0) {
                w.message(field, operation(entry.getValue()));
            } else if (entry.getKey().equals("parameters")) {
                entry.getValue().forEach(p -> w.message(9, parametersItem(p)));
            }
        }
        return w;
    }

    private static ProtoWriter operation(JsonNode op) {
        var w = new ProtoWriter();
        op.path("tags").forEach(t -> w.string(1, t.asString()));
        w.string(3, op.path("description").asString(""));
        w.string(5, op.path("operationId").asString(""));
        op.path("produces").forEach(t -> w.string(6, t.asString()));
        op.path("consumes").forEach(t -> w.string(7, t.asString()));
        op.path("parameters").forEach(p -> w.message(8, parametersItem(p)));
        var responses = new ProtoWriter();
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
            var r = new ProtoWriter().string(1, response.getValue().path("description").asString(""));
            if (response.getValue().has("schema")) {
                r.message(2, new ProtoWriter().message(1, schema(response.getValue().get("schema"))));
            }
            responses.message(1, new ProtoWriter().string(1, response.getKey())
                    .message(2, new ProtoWriter().message(1, r)));
        }
        w.message(9, responses);
        op.path("schemes").forEach(s -> w.string(10, s.asString()));
        extensions(op, w, 13);
        return w;
    }

    /** {@code ParametersItem{parameter: Parameter{body_parameter | non_body_parameter{header|formData|query|path}}}}. */
    private static ProtoWriter parametersItem(JsonNode p) {
        String in = p.path("in").asString("");
        var parameter = new ProtoWriter();
        if (in.equals("body")) {
            var body = new ProtoWriter().string(1, p.path("description").asString("")).string(2, p.path("name")
                    .asString("")).string(3, in).bool(4, p.path("required").asBoolean(false));
            if (p.has("schema")) {
                body.message(5, schema(p.get("schema")));
            }
            parameter.message(1, body);
        } else {
            // query and formData number type 6 and uniqueItems 20; header and path 5 and 19
            boolean queryLike = in.equals("query") || in.equals("formData");
            var sub = new ProtoWriter().bool(1, p.path("required").asBoolean(false)).string(2, in)
                    .string(3, p.path("description").asString("")).string(4, p.path("name").asString(""))
                    .string(queryLike ? 6 : 5, p.path("type").asString(""))
                    .string(queryLike ? 7 : 6, p.path("format").asString(""))
                    .bool(queryLike ? 20 : 19, p.path("uniqueItems").asBoolean(false));
            int variant = switch (in) {
                case "header" -> 1;
                case "formData" -> 2;
                case "path" -> 4;
                default -> 3;
            };
            parameter.message(2, new ProtoWriter().message(variant, sub));
        }
        return new ProtoWriter().message(1, parameter);
    }

    /** {@code openapi.v2.Schema}. */
    static ProtoWriter schema(JsonNode s) {
        var w = new ProtoWriter();
        if (!s.isObject()) {
            return w;
        }
        w.string(1, s.path("$ref").asString(""));
        w.string(2, s.path("format").asString(""));
        w.string(3, s.path("title").asString(""));
        w.string(4, s.path("description").asString(""));
        if (s.has("default")) {
            w.message(5, any(s.get("default")));
        }
        w.dbl(6, s.path("multipleOf").asDouble(0));
        w.dbl(7, s.path("maximum").asDouble(0));
        w.bool(8, s.path("exclusiveMaximum").asBoolean(false));
        w.dbl(9, s.path("minimum").asDouble(0));
        w.bool(10, s.path("exclusiveMinimum").asBoolean(false));
        w.int64(11, s.path("maxLength").asLong(0));
        w.int64(12, s.path("minLength").asLong(0));
        w.string(13, s.path("pattern").asString(""));
        w.int64(14, s.path("maxItems").asLong(0));
        w.int64(15, s.path("minItems").asLong(0));
        w.bool(16, s.path("uniqueItems").asBoolean(false));
        w.int64(17, s.path("maxProperties").asLong(0));
        w.int64(18, s.path("minProperties").asLong(0));
        s.path("required").forEach(r -> w.string(19, r.asString()));
        s.path("enum").forEach(e -> w.message(20, any(e)));
        JsonNode additional = s.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            w.message(21, new ProtoWriter().message(1, schema(additional)));
        } else if (additional != null && additional.isBoolean()) {
            w.message(21, new ProtoWriter().bool(2, additional.asBoolean()));
        }
        JsonNode type = s.get("type");
        if (type != null) {
            var types = new ProtoWriter();
            if (type.isArray()) {
                type.forEach(t -> types.string(1, t.asString()));
            } else {
                types.string(1, type.asString());
            }
            w.message(22, types);
        }
        JsonNode items = s.get("items");
        if (items != null) {
            var list = new ProtoWriter();
            if (items.isArray()) {
                items.forEach(i -> list.message(1, schema(i)));
            } else {
                list.message(1, schema(items));
            }
            w.message(23, list);
        }
        s.path("allOf").forEach(a -> w.message(24, schema(a)));
        if (s.has("properties")) {
            var props = new ProtoWriter();
            for (Map.Entry<String, JsonNode> p : s.get("properties").properties()) {
                props.message(1, named(p.getKey(), schema(p.getValue())));
            }
            w.message(25, props);
        }
        w.bool(27, s.path("readOnly").asBoolean(false));
        if (s.has("example")) {
            w.message(30, any(s.get("example")));
        }
        extensions(s, w, 31);
        return w;
    }

    /** {@code x-*} keys as repeated {@code NamedAny} at {@code field}. */
    private static void extensions(JsonNode node, ProtoWriter w, int field) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().startsWith("x-")) {
                w.message(field, new ProtoWriter().string(1, entry.getKey()).message(2, any(entry.getValue())));
            }
        }
    }

    /** {@code openapi.v2.Any{yaml}}: the value as YAML text (its JSON form). */
    private static ProtoWriter any(JsonNode value) {
        return new ProtoWriter().string(2, Json.string(value) + "\n");
    }

    private static ProtoWriter named(String name, ProtoWriter value) {
        return new ProtoWriter().string(1, name).message(2, value);
    }
}
