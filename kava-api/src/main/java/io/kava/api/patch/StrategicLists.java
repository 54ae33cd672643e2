package io.kava.api.patch;

import static io.kava.api.patch.Directives.DELETE;
import static io.kava.api.patch.Directives.MERGE;
import static io.kava.api.patch.Directives.PATCH;
import static io.kava.api.patch.Directives.REPLACE;

import io.kava.api.patch.JsonValues.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * List merging and ordering of the strategic merge patch ({@code mergeSlice},
 * {@code normalizeElementOrder} and friends in {@code strategicpatch/patch.go}).
 *
 * <p>Order rule: elements named in the patch (or in {@code $setElementOrder}) come in patch
 * order; elements only the server has keep their relative order and are interleaved where the
 * original list had them.
 */
final class StrategicLists {
  private StrategicLists() {}

  /** Result of partitioning a merged list into patch items and server-only items. */
  record Partition(List<JsonNode> patchItems, List<JsonNode> serverOnly) {}

  /**
   * A merged list, plus the live order a caller that goes on to apply {@code $setElementOrder}
   * must use. In Go, {@code mergeSlice} deletes elements from the original slice in place and
   * appends new elements into the same backing array, so the caller's view of "the original
   * list" becomes the post-delete list followed by the new elements, cut to the original length.
   * Kubernetes' expected results depend on that, so it is reproduced here.
   */
  record Merged(List<JsonNode> items, List<JsonNode> liveOrderSeenByCaller) {}

  /**
   * Merges {@code patch} into {@code original} for a list with merge strategy (or a
   * {@code $deleteFromPrimitiveList} deletion list). {@code element} describes map elements.
   */
  static List<JsonNode> mergeSlice(List<JsonNode> original, List<JsonNode> patch,
      PatchMeta element, String mergeKey, boolean isDeleteList) {
    return mergeSliceTracked(original, patch, element, mergeKey, isDeleteList).items();
  }

  static Merged mergeSliceTracked(List<JsonNode> original, List<JsonNode> patch,
      PatchMeta element, String mergeKey, boolean isDeleteList) {
    List<JsonNode> seenByCaller = original;
    if (original.isEmpty() && patch.isEmpty()) {
      return new Merged(original, seenByCaller);
    }
    Kind kind = elementKind(original, patch);
    boolean isMap = kind == Kind.OBJECT;
    List<JsonNode> merged;
    if (!isMap) {
      if (isDeleteList) {
        return new Merged(deleteFromSlice(original, patch), seenByCaller);
      }
      merged = new ArrayList<>();
      for (JsonNode v : concat(original, patch)) {
        if (JsonValues.indexOf(merged, v) < 0) {
          merged.add(v);
        }
      }
    } else {
      if (mergeKey.isEmpty()) {
        throw PatchException.internal("cannot merge lists without merge key for " + element.name());
      }
      List<JsonNode> patchItems = new ArrayList<>();
      boolean replace = false;
      for (JsonNode v : patch) {
        JsonNode directive = v.get(PATCH);
        if (directive == null) {
          patchItems.add(v);
          continue;
        }
        switch (Directives.text(directive)) {
          case DELETE -> {
            JsonNode keyValue = v.get(mergeKey);
            if (keyValue == null) {
              throw noMergeKey(v, mergeKey);
            }
            original = deleteMatching(original, mergeKey, keyValue);
          }
          case REPLACE -> replace = true;
          case MERGE -> throw PatchException.internal(
              "merging lists cannot yet be specified in the patch");
          default -> throw PatchException.internal("unknown patch type: "
              + GoFormat.value(directive) + " in map: " + GoFormat.value(v));
        }
      }
      List<JsonNode> afterDeletes = original;
      if (replace) {
        original = new ArrayList<>();
        for (JsonNode v : patchItems) {
          original.add(Directives.clean(v));
        }
        patch = List.of();
      } else {
        patch = patchItems;
      }
      merged = new ArrayList<>(original);
      List<JsonNode> appended = new ArrayList<>();
      for (JsonNode v : patch) {
        JsonNode keyValue = v.get(mergeKey);
        if (keyValue == null) {
          throw noMergeKey(v, mergeKey);
        }
        int i = findByKey(merged, mergeKey, keyValue);
        if (i >= 0) {
          merged.set(i, StrategicMergePatch.mergeMap((ObjectNode) merged.get(i), (ObjectNode) v, element));
        } else {
          JsonNode added = Directives.clean(v);
          merged.add(added);
          appended.add(added);
        }
      }
      if (afterDeletes.size() < seenByCaller.size()) {
        List<JsonNode> view = new ArrayList<>(afterDeletes);
        view.addAll(appended);
        seenByCaller = view.subList(0, Math.min(view.size(), seenByCaller.size()));
      }
    }
    Partition p = partition(merged, patch, mergeKey, isMap);
    return new Merged(
        normalizeElementOrder(p.patchItems(), p.serverOnly(), patch, original, mergeKey, isMap),
        seenByCaller);
  }

  /** Splits {@code merged} into the elements present in {@code by} and the others. */
  static Partition partition(List<JsonNode> merged, List<JsonNode> by, String mergeKey, boolean isMap) {
    List<JsonNode> patchItems = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode v : merged) {
      boolean present;
      if (isMap && !mergeKey.isEmpty()) {
        if (!v.isObject()) {
          throw badArgType("map[string]interface {}", v);
        }
        JsonNode keyValue = v.get(mergeKey);
        if (keyValue == null) {
          throw noMergeKey(v, mergeKey);
        }
        present = findByKey(by, mergeKey, keyValue) >= 0;
      } else {
        present = JsonValues.indexOf(by, v) >= 0;
      }
      (present ? patchItems : serverOnly).add(v);
    }
    return new Partition(patchItems, serverOnly);
  }

  /**
   * Sorts patch items by {@code patchOrder} and server-only items by {@code serverOrder}, then
   * interleaves them ({@code normalizeElementOrder}).
   */
  static List<JsonNode> normalizeElementOrder(List<JsonNode> patch, List<JsonNode> serverOnly,
      List<JsonNode> patchOrder, List<JsonNode> serverOrder, String mergeKey, boolean isMap) {
    List<JsonNode> p = normalizeSliceOrder(patch, patchOrder, mergeKey, isMap);
    List<JsonNode> s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
    return mergeSortedSlice(s, p, serverOrder, mergeKey, isMap);
  }

  private static List<JsonNode> normalizeSliceOrder(List<JsonNode> toSort, List<JsonNode> order,
      String mergeKey, boolean isMap) {
    List<JsonNode> keep = new ArrayList<>();
    List<JsonNode> toDelete = new ArrayList<>();
    if (isMap) {
      validateMergeKeyInLists(mergeKey, toSort, order);
      for (JsonNode v : toSort) {
        JsonNode d = v.get(PATCH);
        (d != null && d.isString() && d.stringValue().equals(DELETE) ? toDelete : keep).add(v);
      }
    } else {
      keep.addAll(toSort);
    }
    keep.sort(Comparator.comparingInt(v -> {
      int i = index(order, v, mergeKey, isMap);
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    keep.addAll(toDelete);
    return keep;
  }

  /**
   * Inserts each server-only item ({@code left}) into the patch items ({@code right}) before the
   * first patch item the live list had after it ({@code mergeSortedSlice}).
   */
  private static List<JsonNode> mergeSortedSlice(List<JsonNode> left, List<JsonNode> right,
      List<JsonNode> serverOrder, String mergeKey, boolean isMap) {
    List<JsonNode> out = new ArrayList<>(left.size() + right.size());
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      if (i >= left.size()) {
        out.add(right.get(j++));
      } else if (j >= right.size()) {
        out.add(left.get(i++));
      } else {
        int li = index(serverOrder, left.get(i), mergeKey, isMap);
        int ri = index(serverOrder, right.get(j), mergeKey, isMap);
        if (li >= 0 && ri >= 0 && li < ri) {
          out.add(left.get(i++));
        } else {
          out.add(right.get(j++));
        }
      }
    }
    return out;
  }

  /** Position of {@code value} in {@code list}: by merge key value for maps, by value otherwise. */
  private static int index(List<JsonNode> list, JsonNode value, String mergeKey, boolean isMap) {
    if (!isMap) {
      return JsonValues.indexOf(list, value);
    }
    JsonNode key = value.isObject() ? value.get(mergeKey) : null;
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      JsonNode itemKey = item.isObject() ? item.get(mergeKey) : null;
      if (JsonValues.equal(key, itemKey)) {
        return i;
      }
    }
    return -1;
  }

  private static void validateMergeKeyInLists(String mergeKey, List<JsonNode> a, List<JsonNode> b) {
    for (List<JsonNode> list : List.of(a, b)) {
      for (JsonNode v : list) {
        if (!v.isObject()) {
          throw badArgType("map[string]interface {}", v);
        }
        if (!v.has(mergeKey)) {
          throw noMergeKey(v, mergeKey);
        }
      }
    }
  }

  /** Index of the first map whose {@code key} equals {@code value}; every element must be a map. */
  static int findByKey(List<JsonNode> list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      if (!v.isObject()) {
        throw PatchException.internal("value for key " + i + " is not a map");
      }
      JsonNode candidate = v.get(key);
      if (candidate != null && JsonValues.equal(candidate, value)) {
        return i;
      }
    }
    return -1;
  }

  private static List<JsonNode> deleteMatching(List<JsonNode> original, String key, JsonNode value) {
    List<JsonNode> out = new ArrayList<>(original);
    for (int i = findByKey(out, key, value); i >= 0; i = findByKey(out, key, value)) {
      out.remove(i);
    }
    return out;
  }

  private static List<JsonNode> deleteFromSlice(List<JsonNode> current, List<JsonNode> toDelete) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode v : current) {
      if (JsonValues.indexOf(toDelete, v) < 0) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The common kind of all elements ({@code sliceElementType}): lists of lists and mixed lists
   * are errors, as is having no element at all.
   */
  static Kind elementKind(List<JsonNode> a, List<JsonNode> b) {
    Kind kind = null;
    for (JsonNode v : concat(a, b)) {
      Kind k = JsonValues.kind(v);
      if (kind == null) {
        if (k == Kind.ARRAY) {
          throw PatchException.unprocessable("lists of lists are not supported");
        }
        kind = k;
      } else if (k != kind) {
        throw PatchException.internal("list element types are not identical: ["
            + GoFormat.value(Directives.array(a)) + " " + GoFormat.value(Directives.array(b)) + "]");
      }
    }
    if (kind == null) {
      throw PatchException.internal("no elements in any of the given slices");
    }
    return kind;
  }

  static PatchException noMergeKey(JsonNode map, String mergeKey) {
    return PatchException.internal("map: " + GoFormat.value(map)
        + " does not contain declared merge key: " + mergeKey);
  }

  static PatchException badArgType(String expected, JsonNode actual) {
    return PatchException.internal(
        "expected a " + expected + ", but received a " + Directives.goType(actual));
  }

  private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> all = new ArrayList<>(a.size() + (b == null ? 0 : b.size()));
    all.addAll(a);
    if (b != null) {
      all.addAll(b);
    }
    return all;
  }
}
