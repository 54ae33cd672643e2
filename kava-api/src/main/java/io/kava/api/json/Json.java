package io.kava.api.json;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one JSON (and YAML) codec of Kava. Objects travel as Jackson trees ({@link ObjectNode}): the API server reads,
 * defaults, validates, patches and stores trees, and writes their bytes straight to the wire.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses JSON bytes into a tree. Throws {@link JacksonException} on malformed input. */
    public static JsonNode parse(byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    public static JsonNode parse(InputStream in) {
        return MAPPER.readTree(in);
    }

    /** Parses YAML (one document) into a tree. */
    public static JsonNode parseYaml(byte[] bytes) {
        return YAML.readTree(bytes);
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    public static String string(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static String yaml(JsonNode node) {
        return YAML.writeValueAsString(node);
    }

    /** Converts a fabric8 model object (or any POJO) into a tree. */
    public static ObjectNode toTree(Object pojo) {
        return MAPPER.valueToTree(pojo);
    }

    /** Converts a tree into a fabric8 model object (or any POJO). */
    public static <T> T fromTree(JsonNode node, Class<T> type) {
        return MAPPER.treeToValue(node, type);
    }
}
