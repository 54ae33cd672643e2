package io.kava.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import tools.jackson.databind.JsonNode;

/** The protobuf OpenAPI v2 document, read back with a minimal wire-format decoder. */
class SwaggerProtoTest {

    private static Message document;

    @BeforeAll
    static void encode() {
        var docs = new OpenApiDocuments(ResourceRegistry.withBuiltins(), new CustomResourceSchemas(), new ModelSchemas());
        document = Message.parse(docs.swaggerProto().bytes());
    }

    @Test
    void documentHasVersionPathsAndDefinitions() {
        assertThat(document.string(1)).isEqualTo("2.0");
        assertThat(document.message(2).string(1)).isEqualTo("Kubernetes");
        List<String> paths = document.message(8).messages(2).stream().map(p -> p.string(1)).toList();
        assertThat(paths).contains("/api/v1/namespaces/{namespace}/pods/{name}",
                "/apis/apps/v1/namespaces/{namespace}/deployments/{name}");
    }

    @Test
    void podDefinitionCarriesItsGvkAndContainerPortsTheirMergeKey() {
        Message pod = definition("io.k8s.api.core.v1.Pod");
        assertThat(pod.message(22).strings(1)).containsExactly("object");
        JsonNode gvk = Json.parse(extension(pod, "x-kubernetes-group-version-kind"));
        assertThat(gvk.get(0).path("kind").asString()).isEqualTo("Pod");
        Message metadata = property(pod, "metadata");
        assertThat(metadata.string(1)).isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        assertThat(metadata.has(22)).isFalse(); // kubectl rejects a $ref with a type

        Message ports = property(definition("io.k8s.api.core.v1.Container"), "ports");
        assertThat(ports.message(22).strings(1)).containsExactly("array");
        assertThat(ports.message(23).messages(1)).hasSize(1);
        assertThat(Json.parse(extension(ports, "x-kubernetes-patch-merge-key")).asString()).isEqualTo("containerPort");
    }

    @Test
    void patchOperationListsItsMediaTypesAndQueryParameters() {
        Message item = document.message(8).messages(2).stream()
                .filter(p -> p.string(1).equals("/apis/apps/v1/namespaces/{namespace}/deployments/{name}"))
                .findFirst().orElseThrow().message(2);
        Message patch = item.message(8);
        assertThat(patch.strings(7)).contains("application/strategic-merge-patch+json");
        List<String> names = new ArrayList<>();
        for (Message param : patch.messages(8)) {
            Message parameter = param.message(1);
            names.add(parameter.has(1) ? parameter.message(1).string(2) : parameter.message(2).message(3).string(4));
        }
        assertThat(names).contains("body", "fieldValidation", "fieldManager");
        assertThat(Json.parse(extension(patch, "x-kubernetes-group-version-kind")).path("kind").asString())
                .isEqualTo("Deployment");
    }

    private static Message definition(String name) {
        return document.message(9).messages(1).stream().filter(d -> d.string(1).equals(name)).findFirst()
                .orElseThrow().message(2);
    }

    private static Message property(Message schema, String name) {
        return schema.message(25).messages(1).stream().filter(p -> p.string(1).equals(name)).findFirst()
                .orElseThrow().message(2);
    }

    /** The YAML text of a vendor extension (field 31 of Schema, 13 of Operation). */
    private static String extension(Message node, String name) {
        for (int field : new int[] {31, 13}) {
            for (Message ext : node.messages(field)) {
                if (ext.string(1).equals(name)) {
                    return ext.message(2).string(2);
                }
            }
        }
        throw new AssertionError("no extension " + name);
    }

    /** A protobuf message decoded without its schema: field number to values (byte[] or Long). */
    private record Message(Map<Integer, List<Object>> fields) {
        static Message parse(byte[] bytes) {
            var fields = new HashMap<Integer, List<Object>>();
            int[] pos = {0};
            while (pos[0] < bytes.length) {
                long tag = varint(bytes, pos);
                int field = (int) (tag >>> 3);
                Object value = switch ((int) (tag & 7)) {
                    case 0 -> varint(bytes, pos);
                    case 1 -> {
                        pos[0] += 8;
                        yield 0L;
                    }
                    case 2 -> {
                        int length = (int) varint(bytes, pos);
                        byte[] sub = java.util.Arrays.copyOfRange(bytes, pos[0], pos[0] + length);
                        pos[0] += length;
                        yield sub;
                    }
                    default -> throw new IllegalStateException("wire type " + (tag & 7));
                };
                fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            }
            return new Message(fields);
        }

        boolean has(int field) {
            return fields.containsKey(field);
        }

        String string(int field) {
            return has(field) ? new String((byte[]) fields.get(field).getFirst(), StandardCharsets.UTF_8) : "";
        }

        List<String> strings(int field) {
            return fields.getOrDefault(field, List.of()).stream()
                    .map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
        }

        Message message(int field) {
            assertThat(has(field)).as("field " + field).isTrue();
            return parse((byte[]) fields.get(field).getFirst());
        }

        List<Message> messages(int field) {
            return fields.getOrDefault(field, List.of()).stream().map(b -> parse((byte[]) b)).toList();
        }

        private static long varint(byte[] bytes, int[] pos) {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[pos[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }
    }
}
