package io.kava.api.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The strategic-merge-patch directive keys and the clean-up of patch values that end up in the
 * result.
 *
 * <p>Kubernetes leaves stray directives in such values and relies on decoding into a Go struct
 * to drop them (unknown {@code $...} keys are ignored, {@code null} becomes the zero value). Kava
 * keeps objects as JSON, so it strips them explicitly: the stored object looks like the one
 * Kubernetes would store.
 */
final class Directives {
  static final String PATCH = "$patch";
  static final String DELETE = "delete";
  static final String REPLACE = "replace";
  static final String MERGE = "merge";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

  private Directives() {}

  static boolean isDirectiveKey(String key) {
    return key.equals(PATCH) || key.equals(RETAIN_KEYS)
        || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
  }

  static boolean hasPatchDirective(JsonNode node) {
    return node != null && node.isObject() && node.has(PATCH);
  }

  /** The directive's text, or its Go rendering if it is not a string. */
  static String text(JsonNode directive) {
    return directive.isString() ? directive.stringValue() : GoFormat.value(directive);
  }

  /** {@code $setElementOrder/containers} → {@code containers}; bad forms are 400s. */
  static String extractKey(String key, String prefix) {
    int slash = key.indexOf('/');
    if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
      throw PatchException.badRequest(prefix.equals(DELETE_FROM_PRIMITIVE_LIST)
          ? "invalid patch format of primitive list"
          : "invalid patch format of setElementOrder list");
    }
    return key.substring(slash + 1);
  }

  /**
   * A patch value taken as is because the original has nothing to merge it with
   * ({@code discardNullValuesFromPatch} + {@code removeDirectives}): null members are dropped, and
   * so is any object carrying {@code $patch} (whole field or list element). Returns {@code null}
   * when the value itself is dropped.
   */
  static JsonNode takeNew(JsonNode value) {
    return removeDirectives(discardNulls(value));
  }

  private static JsonNode discardNulls(JsonNode value) {
    if (value instanceof ObjectNode obj) {
      obj.removeIf(JsonNode::isNull);
      for (JsonNode child : obj.values()) {
        discardNulls(child);
      }
    } else if (value instanceof ArrayNode arr) {
      for (JsonNode child : arr) {
        discardNulls(child);
      }
    }
    return value;
  }

  private static JsonNode removeDirectives(JsonNode value) {
    if (value instanceof ObjectNode obj) {
      if (obj.has(PATCH)) {
        return null;
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        if (isDirectiveKey(e.getKey())) {
          continue;
        }
        JsonNode v = removeDirectives(e.getValue());
        if (v != null) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (value instanceof ArrayNode arr) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode child : arr) {
        JsonNode v = removeDirectives(child);
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    return value;
  }

  /**
   * A patch value that replaces the original (replace strategy, {@code $patch: replace}, a new
   * list element): directive keys and null members are removed, everything else kept — what
   * decoding into the Go type and encoding again would give.
   */
  static JsonNode clean(JsonNode value) {
    if (value instanceof ObjectNode obj) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        if (!isDirectiveKey(e.getKey()) && !e.getValue().isNull()) {
          out.set(e.getKey(), clean(e.getValue()));
        }
      }
      return out;
    }
    if (value instanceof ArrayNode arr) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode child : arr) {
        out.add(clean(child));
      }
      return out;
    }
    return value;
  }

  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>(array.size());
    array.forEach(out::add);
    return out;
  }

  static ArrayNode array(List<JsonNode> elements) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    elements.forEach(out::add);
    return out;
  }

  /** Go's {@code reflect.TypeOf} name of a decoded JSON value, for quoted error texts. */
  static String goType(JsonNode node) {
    return switch (JsonValues.kind(node)) {
      case OBJECT -> "map[string]interface {}";
      case ARRAY -> "[]interface {}";
      case STRING -> "string";
      case NUMBER -> node.isIntegralNumber() ? "int64" : "float64";
      case BOOLEAN -> "bool";
      case NULL -> "%!s(<nil>)";
    };
  }
}
