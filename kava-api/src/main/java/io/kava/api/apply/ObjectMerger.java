package io.kava.api.apply;

import io.kava.api.patch.PatchMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges an applied configuration into a live object ({@code TypedValue.Merge}): maps merge
 * field by field, associative and set lists merge element by element, everything else (scalars,
 * atomic lists and maps) takes the configuration's value. A {@code null} in the configuration
 * removes the field.
 */
final class ObjectMerger {
  private ObjectMerger() {}

  static ObjectNode merge(JsonNode live, ObjectNode config, PatchMeta meta) {
    ObjectNode lhs = live != null && live.isObject()
        ? (ObjectNode) live : JsonNodeFactory.instance.objectNode();
    return mergeMap(lhs, config, meta, new FieldPath(List.of()));
  }

  private static JsonNode merge(JsonNode lhs, JsonNode rhs, PatchMeta meta, FieldPath path) {
    if (rhs == null) {
      return lhs;
    }
    if (rhs.isNull()) {
      return null;
    }
    if (lhs == null || lhs.isNull()) {
      return withoutNulls(rhs);
    }
    if (lhs.isObject() && rhs.isObject() && !meta.isAtomic()) {
      return mergeMap((ObjectNode) lhs, (ObjectNode) rhs, meta, path);
    }
    if (lhs.isArray() && rhs.isArray()) {
      ListTypes.Kind kind = ListTypes.kind(meta);
      if (kind != ListTypes.Kind.ATOMIC) {
        return mergeList(lhs, rhs, meta, kind, path);
      }
    }
    return withoutNulls(rhs);
  }

  private static ObjectNode mergeMap(ObjectNode lhs, ObjectNode rhs, PatchMeta meta, FieldPath path) {
    ObjectNode out = lhs.deepCopy();
    for (Map.Entry<String, JsonNode> e : rhs.properties()) {
      String k = e.getKey();
      JsonNode merged = merge(lhs.get(k), e.getValue(), meta.field(k), path.child(new PathElement.Field(k)));
      if (merged == null) {
        out.remove(k);
      } else {
        out.set(k, merged);
      }
    }
    return out;
  }

  /**
   * The element order of {@code mergingWalker.visitListItems}: live elements stay where they
   * are, configured elements come in configuration order, shared elements are placed where the
   * configuration puts them.
   */
  private static JsonNode mergeList(JsonNode lhs, JsonNode rhs, PatchMeta meta,
      ListTypes.Kind kind, FieldPath path) {
    List<PathElement> rhsPEs = new ArrayList<>();
    Map<PathElement, JsonNode> observedRhs = new LinkedHashMap<>();
    for (JsonNode item : rhs) {
      PathElement pe = ListTypes.element(item, meta, kind, path);
      if (observedRhs.putIfAbsent(pe, item) != null) {
        throw new IllegalArgumentException(path + ": duplicate entries for key " + pe);
      }
      rhsPEs.add(pe);
    }
    List<PathElement> lhsPEs = new ArrayList<>();
    Map<PathElement, JsonNode> observedLhs = new LinkedHashMap<>();
    for (JsonNode item : lhs) {
      PathElement pe = ListTypes.element(item, meta, kind, path);
      if (observedLhs.containsKey(pe)) {
        observedLhs.put(pe, null); // duplicated live items are not merged
      } else {
        observedLhs.put(pe, item);
      }
      lhsPEs.add(pe);
    }
    List<PathElement> sharedOrder = new ArrayList<>();
    for (PathElement pe : rhsPEs) {
      if (observedLhs.containsKey(pe)) {
        sharedOrder.add(pe);
      }
    }
    int shared = 0;
    PathElement nextShared = sharedOrder.isEmpty() ? null : sharedOrder.get(shared++);
    Set<PathElement> mergedRhs = new HashSet<>();
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int li = 0;
    int ri = 0;
    while (li < lhsPEs.size() || ri < rhsPEs.size()) {
      if (li < lhsPEs.size() && ri < rhsPEs.size()) {
        PathElement pe = lhsPEs.get(li);
        if (pe.equals(rhsPEs.get(ri))) {
          mergedRhs.add(pe);
          addItem(out, observedLhs.get(pe), observedRhs.get(pe), meta, kind, path.child(pe));
          li++;
          ri++;
          nextShared = shared < sharedOrder.size() ? sharedOrder.get(shared++) : null;
          continue;
        }
        if (observedRhs.containsKey(pe) && nextShared != null && !nextShared.equals(pe)) {
          li++;
          continue;
        }
      }
      if (li < lhsPEs.size()) {
        PathElement pe = lhsPEs.get(li);
        if (!observedRhs.containsKey(pe)) {
          addItem(out, lhs.get(li), null, meta, kind, path.child(pe));
          li++;
          continue;
        } else if (mergedRhs.contains(pe)) {
          li++;
        }
      }
      if (ri < rhsPEs.size()) {
        PathElement pe = rhsPEs.get(ri);
        mergedRhs.add(pe);
        addItem(out, observedLhs.get(pe), observedRhs.get(pe), meta, kind, path.child(pe));
        ri++;
        if (nextShared != null && nextShared.equals(pe)) {
          nextShared = shared < sharedOrder.size() ? sharedOrder.get(shared++) : null;
        }
      }
    }
    return out;
  }

  private static void addItem(ArrayNode out, JsonNode lhs, JsonNode rhs, PatchMeta meta,
      ListTypes.Kind kind, FieldPath path) {
    JsonNode item;
    if (rhs == null) {
      item = lhs;
    } else if (lhs != null && ListTypes.granularItem(lhs, meta, kind) && rhs.isObject()) {
      item = mergeMap((ObjectNode) lhs, (ObjectNode) rhs, meta, path);
    } else {
      item = withoutNulls(rhs);
    }
    if (item != null) {
      out.add(item);
    }
  }

  /** A copy of a configured value without {@code null} members (they mean "unset"). */
  static JsonNode withoutNulls(JsonNode v) {
    if (v.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      v.forEachEntry((k, child) -> {
        if (!child.isNull()) {
          out.set(k, withoutNulls(child));
        }
      });
      return out;
    }
    if (v.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      v.forEach(child -> out.add(withoutNulls(child)));
      return out;
    }
    return v.deepCopy();
  }
}
