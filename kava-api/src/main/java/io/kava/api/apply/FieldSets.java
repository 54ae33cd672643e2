package io.kava.api.apply;

import io.kava.api.patch.PatchMeta;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The set of fields an object (typically an applied configuration) specifies
 * ({@code TypedValue.ToFieldSet}): every scalar, every atomic list or map, every {@code null} or
 * empty-map field, and every element of an associative or set list.
 */
final class FieldSets {
  private FieldSets() {}

  static FieldSet of(JsonNode object, PatchMeta meta) {
    FieldSet.Builder b = new FieldSet.Builder();
    if (object != null && object.isObject()) {
      walkMap(object, meta, new FieldPath(List.of()), b);
    }
    return b.build();
  }

  private static void walkMap(JsonNode map, PatchMeta meta, FieldPath path, FieldSet.Builder b) {
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      FieldPath p = path.child(new PathElement.Field(e.getKey()));
      JsonNode v = e.getValue();
      walk(v, meta.field(e.getKey()), p, b);
      if (v.isNull() || (v.isObject() && v.isEmpty())) {
        b.insert(p);
      }
    }
  }

  private static void walk(JsonNode v, PatchMeta meta, FieldPath p, FieldSet.Builder b) {
    if (v.isNull()) {
      return;
    }
    if (v.isObject()) {
      if (meta.isAtomic()) {
        b.insert(p);
      } else {
        walkMap(v, meta, p, b);
      }
      return;
    }
    if (!v.isArray()) {
      b.insert(p);
      return;
    }
    ListTypes.Kind kind = ListTypes.kind(meta);
    if (kind == ListTypes.Kind.ATOMIC) {
      b.insert(p);
      return;
    }
    Map<PathElement, JsonNode> items = new LinkedHashMap<>();
    Set<PathElement> duplicates = new HashSet<>();
    for (JsonNode item : v) {
      PathElement pe = ListTypes.element(item, meta, kind, p);
      if (items.putIfAbsent(pe, item) != null) {
        duplicates.add(pe);
      }
    }
    for (Map.Entry<PathElement, JsonNode> e : items.entrySet()) {
      FieldPath itemPath = p.child(e.getKey());
      if (!duplicates.contains(e.getKey()) && ListTypes.granularItem(e.getValue(), meta, kind)) {
        walkMap(e.getValue(), meta, itemPath, b);
      }
      b.insert(itemPath);
    }
  }
}
