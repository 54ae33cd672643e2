package io.kava.api.apply;

import io.kava.api.patch.PatchMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How server-side apply treats a list, from its {@link PatchMeta}: associative (keyed by
 * {@code listMapKeys}), a set of primitives (merge strategy, no key) or atomic (everything else).
 */
final class ListTypes {
  enum Kind { ASSOCIATIVE, SET, ATOMIC }

  private ListTypes() {}

  static Kind kind(PatchMeta meta) {
    if (!meta.listMapKeys().isEmpty()) {
      return Kind.ASSOCIATIVE;
    }
    return meta.isSet() ? Kind.SET : Kind.ATOMIC;
  }

  /** The path element naming {@code item} in a non-atomic list. */
  static PathElement element(JsonNode item, PatchMeta meta, Kind kind, FieldPath list) {
    if (kind == Kind.SET) {
      return PathElement.Value.of(item);
    }
    if (!item.isObject()) {
      throw new IllegalArgumentException(
          list + ": associative list elements must be objects, got " + item);
    }
    Map<String, JsonNode> key = new LinkedHashMap<>();
    for (String k : meta.listMapKeys()) {
      JsonNode v = item.get(k);
      if (v == null || v.isNull()) {
        String def = meta.keyDefaults().get(k);
        if (def == null) {
          throw new IllegalArgumentException(list + ": associative list with keys has an element"
              + " that omits key field \"" + k + "\" (and doesn't have default value)");
        }
        v = JsonNodeFactory.instance.stringNode(def);
      }
      key.put(k, v);
    }
    return PathElement.Key.of(key);
  }

  /** Whether {@code item} in a list of this kind is walked field by field. */
  static boolean granularItem(JsonNode item, PatchMeta meta, Kind kind) {
    return kind == Kind.ASSOCIATIVE && item.isObject() && !meta.isAtomic();
  }
}
