package io.kava.api.patch;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7386 JSON merge patch: objects merge recursively, {@code null} deletes a member, every other
 * value (arrays included) replaces. A patch that is not an object replaces the whole target.
 */
public final class JsonMergePatch {
  private JsonMergePatch() {}

  /** Returns {@code target} with {@code patch} merged in; neither input is modified. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? JsonNodeFactory.instance.nullNode() : patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject()
        ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    merge(result, (ObjectNode) patch);
    return result;
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (value.isObject()) {
        JsonNode existing = target.get(e.getKey());
        ObjectNode child = existing != null && existing.isObject()
            ? (ObjectNode) existing
            : JsonNodeFactory.instance.objectNode();
        merge(child, (ObjectNode) value);
        target.set(e.getKey(), child);
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    }
  }
}
