package io.kava.api.apply;

import io.kava.api.patch.PatchMeta;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes the fields of a {@link FieldSet} from an object ({@code TypedValue.RemoveItems}).
 * Removing a list element's path removes the element; a map or list that becomes empty because
 * of removals disappears too, as it does in Kubernetes (it decodes to an unset field).
 */
final class FieldRemover {
  private FieldRemover() {}

  static ObjectNode remove(ObjectNode object, FieldSet toRemove, PatchMeta meta) {
    if (toRemove.isEmpty()) {
      return object;
    }
    ObjectNode out = removeFromMap(object, toRemove, meta);
    return out == null ? JsonNodeFactory.instance.objectNode() : out;
  }

  private static ObjectNode removeFromMap(JsonNode map, FieldSet set, PatchMeta meta) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      PathElement pe = new PathElement.Field(e.getKey());
      if (set.hasMember(pe)) {
        continue;
      }
      FieldSet below = set.child(pe);
      if (below.isEmpty()) {
        out.set(e.getKey(), e.getValue());
        continue;
      }
      JsonNode v = removeFrom(e.getValue(), below, meta.field(e.getKey()));
      if (v != null) {
        out.set(e.getKey(), v);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static JsonNode removeFrom(JsonNode v, FieldSet set, PatchMeta meta) {
    if (v.isObject()) {
      return meta.isAtomic() ? v : removeFromMap(v, set, meta);
    }
    if (!v.isArray()) {
      return v;
    }
    ListTypes.Kind kind = ListTypes.kind(meta);
    if (kind == ListTypes.Kind.ATOMIC) {
      return v;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode item : v) {
      PathElement pe = ListTypes.element(item, meta, kind, new FieldPath(List.of()));
      if (set.hasMember(pe)) {
        continue;
      }
      FieldSet below = set.child(pe);
      JsonNode kept = item;
      if (!below.isEmpty() && ListTypes.granularItem(item, meta, kind)) {
        kept = removeFromMap(item, below, meta);
      }
      if (kept != null) {
        out.add(kept);
      }
    }
    return out.isEmpty() ? null : out;
  }
}
