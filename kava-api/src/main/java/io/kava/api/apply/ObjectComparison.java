package io.kava.api.apply;

import io.kava.api.patch.JsonValues;
import io.kava.api.patch.PatchMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two versions of an object ({@code TypedValue.Compare}): leaves (scalars,
 * atomic values) that differ are <em>modified</em>; nodes only in the new version, with
 * everything below them, are <em>added</em>; nodes only in the old one are <em>removed</em>.
 */
record ObjectComparison(FieldSet added, FieldSet modified, FieldSet removed) {

  boolean isSame() {
    return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
  }

  static ObjectComparison of(JsonNode lhs, JsonNode rhs, PatchMeta meta) {
    Walker w = new Walker();
    w.compareMap(lhs, rhs, meta, new FieldPath(List.of()));
    return new ObjectComparison(w.added.build(), w.modified.build(), w.removed.build());
  }

  private static final class Walker {
    final FieldSet.Builder added = new FieldSet.Builder();
    final FieldSet.Builder modified = new FieldSet.Builder();
    final FieldSet.Builder removed = new FieldSet.Builder();

    void compareMap(JsonNode lhs, JsonNode rhs, PatchMeta meta, FieldPath path) {
      Set<String> keys = new LinkedHashSet<>();
      if (lhs != null) {
        keys.addAll(lhs.propertyNames());
      }
      if (rhs != null) {
        keys.addAll(rhs.propertyNames());
      }
      for (String k : keys) {
        compare(lhs == null ? null : lhs.get(k), rhs == null ? null : rhs.get(k), meta.field(k),
            path.child(new PathElement.Field(k)), false);
      }
    }

    void compare(JsonNode lhs, JsonNode rhs, PatchMeta meta, FieldPath path, boolean listItem) {
      JsonNode any = lhs != null ? lhs : rhs;
      boolean sameKind = lhs == null || rhs == null
          || JsonValues.kind(lhs) == JsonValues.kind(rhs);
      boolean leaf;
      if (!sameKind || any.isValueNode()) {
        leaf = true;
      } else if (any.isObject()) {
        leaf = listItem ? !ListTypes.granularItem(any, meta, ListTypes.kind(meta)) : meta.isAtomic();
      } else {
        leaf = ListTypes.kind(meta) == ListTypes.Kind.ATOMIC;
      }
      if (leaf) {
        if (lhs == null) {
          added.insert(path);
        } else if (rhs == null) {
          removed.insert(path);
        } else if (!JsonValues.equal(lhs, rhs)) {
          modified.insert(path);
        }
        return;
      }
      if (any.isObject()) {
        compareMap(lhs, rhs, meta, path);
      } else {
        compareList(lhs, rhs, meta, path);
      }
      if (lhs == null) {
        added.insert(path);
      } else if (rhs == null) {
        removed.insert(path);
      }
    }

    private void compareList(JsonNode lhs, JsonNode rhs, PatchMeta meta, FieldPath path) {
      ListTypes.Kind kind = ListTypes.kind(meta);
      Map<PathElement, List<JsonNode>> lValues = index(lhs, meta, kind, path);
      Map<PathElement, List<JsonNode>> rValues = index(rhs, meta, kind, path);
      Set<PathElement> all = new LinkedHashSet<>(lValues.keySet());
      all.addAll(rValues.keySet());
      for (PathElement pe : all) {
        List<JsonNode> l = lValues.getOrDefault(pe, List.of());
        List<JsonNode> r = rValues.getOrDefault(pe, List.of());
        FieldPath itemPath = path.child(pe);
        if (l.size() <= 1 && r.size() <= 1) {
          compare(l.isEmpty() ? null : l.get(0), r.isEmpty() ? null : r.get(0), meta, itemPath, true);
        } else if (l.size() >= 2 && r.size() >= 2) {
          if (!sameItems(l, r)) {
            modified.insert(itemPath);
          }
        } else if (l.size() >= 2) {
          if (!r.isEmpty()) {
            compare(null, r.get(0), meta, itemPath, true);
          }
          removed.insert(itemPath);
        } else {
          if (!l.isEmpty()) {
            compare(l.get(0), null, meta, itemPath, true);
          }
          added.insert(itemPath);
        }
      }
    }

    private static Map<PathElement, List<JsonNode>> index(JsonNode list, PatchMeta meta,
        ListTypes.Kind kind, FieldPath path) {
      Map<PathElement, List<JsonNode>> out = new LinkedHashMap<>();
      if (list != null) {
        for (JsonNode item : list) {
          out.computeIfAbsent(ListTypes.element(item, meta, kind, path), k -> new ArrayList<>()).add(item);
        }
      }
      return out;
    }

    private static boolean sameItems(List<JsonNode> l, List<JsonNode> r) {
      if (l.size() != r.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!JsonValues.equal(l.get(i), r.get(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
