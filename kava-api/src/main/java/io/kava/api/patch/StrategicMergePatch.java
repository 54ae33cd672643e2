package io.kava.api.patch;

import static io.kava.api.patch.Directives.DELETE;
import static io.kava.api.patch.Directives.DELETE_FROM_PRIMITIVE_LIST;
import static io.kava.api.patch.Directives.PATCH;
import static io.kava.api.patch.Directives.REPLACE;
import static io.kava.api.patch.Directives.RETAIN_KEYS;
import static io.kava.api.patch.Directives.SET_ELEMENT_ORDER;

import io.kava.api.patch.JsonValues.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' strategic merge patch, applied the way the API server applies it
 * ({@code strategicpatch.StrategicMergeMapPatchUsingLookupPatchMeta}).
 *
 * <ul>
 *   <li>Maps merge recursively; {@code null} deletes a field.
 *   <li>Lists are replaced, unless their {@link PatchMeta} has {@link PatchStrategy#MERGE}: then
 *       maps are merged by the merge key and primitives are unioned.
 *   <li>Directives: {@code $patch: replace|delete} in a map; {@code {"$patch": "replace"}} and
 *       {@code {"<key>": v, "$patch": "delete"}} as list elements; {@code $retainKeys};
 *       {@code $setElementOrder/<list>}; {@code $deleteFromPrimitiveList/<list>}.
 *       ({@code $patch: merge} is rejected, as Kubernetes does.)
 * </ul>
 *
 * <p>Differences from Kubernetes, all about leftovers Kubernetes drops when it decodes the result
 * into a Go struct: directive keys and {@code null} members inside values that are taken whole
 * (replaced maps, replaced lists, new list elements) are removed here. Patch keys are processed
 * in document order with {@code $setElementOrder} first (Kubernetes iterates a Go map).
 */
public final class StrategicMergePatch {
  private StrategicMergePatch() {}

  /**
   * Applies {@code patch} to {@code original} (either may be {@code null} = {@code {}}) and
   * returns the result; the inputs are not modified.
   *
   * @throws PatchException 400 if either is not a JSON object or a directive is malformed; 422 or
   *     500 for the failures Kubernetes answers with those codes
   */
  public static ObjectNode apply(JsonNode original, JsonNode patch, PatchMeta meta) {
    ObjectNode o = asObject(original);
    ObjectNode p = asObject(patch);
    return mergeMap(o, p, meta == null ? PatchMeta.NONE : meta);
  }

  private static ObjectNode asObject(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw PatchException.badRequest("invalid JSON document");
    }
    return ((ObjectNode) node).deepCopy();
  }

  /** Merges {@code patch} into {@code original}; both are owned (mutated) by this call. */
  static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, PatchMeta schema) {
    JsonNode directive = patch.get(PATCH);
    if (directive != null) {
      return switch (Directives.text(directive)) {
        case REPLACE -> {
          patch.remove(PATCH);
          yield (ObjectNode) Directives.clean(patch);
        }
        case DELETE -> JsonNodeFactory.instance.objectNode();
        default -> throw PatchException.internal("unknown patch type: " + GoFormat.value(directive)
            + " in map: " + GoFormat.value(patch));
      };
    }
    if (original == null) {
      original = JsonNodeFactory.instance.objectNode();
    }
    applyRetainKeys(original, patch);
    mergeSetElementOrder(original, patch, schema);

    for (Map.Entry<String, JsonNode> entry : new ArrayList<>(patch.properties())) {
      String key = entry.getKey();
      JsonNode patchValue = entry.getValue();
      boolean isDeleteList = key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
      if (isDeleteList) {
        key = Directives.extractKey(key, DELETE_FROM_PRIMITIVE_LIST);
      }
      if (patchValue.isNull()) {
        original.remove(key);
        continue;
      }
      JsonNode originalValue = original.get(key);
      Kind kind = JsonValues.kind(patchValue);
      if (originalValue == null || JsonValues.kind(originalValue) != kind) {
        if (!isDeleteList) {
          putNew(original, key, patchValue);
        }
        continue;
      }
      PatchMeta field = schema.field(key);
      switch (kind) {
        case OBJECT -> original.set(key, field.has(PatchStrategy.REPLACE)
            ? Directives.clean(patchValue)
            : mergeMap((ObjectNode) originalValue, (ObjectNode) patchValue, field));
        case ARRAY -> original.set(key, mergeList(originalValue, patchValue, field, isDeleteList));
        default -> original.set(key, patchValue);
      }
    }
    return original;
  }

  private static void putNew(ObjectNode target, String key, JsonNode value) {
    JsonNode kept = Directives.takeNew(value);
    if (kept == null) {
      target.remove(key);
    } else {
      target.set(key, kept);
    }
  }

  /** {@code mergeSliceHandler}: merge lists, or take the patch list for non-merge lists. */
  private static JsonNode mergeList(JsonNode original, JsonNode patch, PatchMeta field,
      boolean isDeleteList) {
    if (field.has(PatchStrategy.MERGE) || isDeleteList) {
      return Directives.array(StrategicLists.mergeSlice(Directives.elements(original),
          Directives.elements(patch), field, field.mergeKey(), isDeleteList));
    }
    return Directives.clean(patch);
  }

  /**
   * {@code $retainKeys: [...]}: drop every original key not listed; every non-null patch key must
   * be listed (400 otherwise).
   */
  private static void applyRetainKeys(ObjectNode original, ObjectNode patch) {
    JsonNode retain = patch.remove(RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw PatchException.badRequest("invalid patch format of retainKeys");
    }
    Set<String> keep = new HashSet<>();
    for (JsonNode k : retain) {
      if (k.isString()) {
        keep.add(k.stringValue());
      }
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String k = e.getKey();
      if (e.getValue().isNull() || k.startsWith(DELETE_FROM_PRIMITIVE_LIST)
          || k.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      if (!keep.contains(k)) {
        throw PatchException.badRequest("invalid patch format of retainKeys");
      }
    }
    original.retain(keep);
  }

  /**
   * {@code $setElementOrder/<list>}: merges the list (if patched) and then orders it: listed
   * elements in the given order, server-only elements interleaved where they were
   * ({@code mergePatchIntoOriginal}).
   */
  private static void mergeSetElementOrder(ObjectNode original, ObjectNode patch, PatchMeta schema) {
    for (String directiveKey : new ArrayList<>(patch.propertyNames())) {
      if (!directiveKey.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      JsonNode orderNode = patch.remove(directiveKey);
      if (!orderNode.isArray()) {
        throw StrategicLists.badArgType("[]interface {}", orderNode);
      }
      List<JsonNode> order = Directives.elements(orderNode);
      String key = Directives.extractKey(directiveKey, SET_ELEMENT_ORDER);
      JsonNode originalList = original.get(key);
      JsonNode patchList = patch.get(key);
      if (originalList != null && !originalList.isArray()) {
        throw StrategicLists.badArgType("[]interface {}", originalList);
      }
      if (patchList != null && !patchList.isArray()) {
        throw StrategicLists.badArgType("[]interface {}", patchList);
      }
      List<JsonNode> originalItems = originalList == null ? List.of() : Directives.elements(originalList);
      List<JsonNode> patchItems = patchList == null ? List.of() : Directives.elements(patchList);
      PatchMeta field = schema.field(key);
      String mergeKey = field.mergeKey();
      validateAgainstOrder(patchItems, order, mergeKey);

      List<JsonNode> merged;
      List<JsonNode> liveOrder = originalItems;
      if (originalList != null && patchList == null) {
        merged = originalItems;
      } else if (originalList == null && patchList != null) {
        merged = Directives.elements(Directives.takeNew(patchList));
      } else if (originalList != null) {
        if (field.has(PatchStrategy.MERGE)) {
          StrategicLists.Merged m = StrategicLists.mergeSliceTracked(
              originalItems, patchItems, field, mergeKey, false);
          merged = m.items();
          liveOrder = m.liveOrderSeenByCaller();
        } else {
          merged = Directives.elements(Directives.clean(patchList));
        }
      } else {
        continue;
      }
      boolean isMap = StrategicLists.elementKind(originalItems, patchItems) == Kind.OBJECT;
      StrategicLists.Partition p = StrategicLists.partition(merged, order, mergeKey, isMap);
      original.set(key, Directives.array(StrategicLists.normalizeElementOrder(
          p.patchItems(), p.serverOnly(), order, liveOrder, mergeKey, isMap)));
      patch.remove(key);
    }
  }

  /**
   * The patch list must name its elements in the same relative order as the
   * {@code $setElementOrder} list and be a subset of it ({@code validatePatchWithSetOrderList}).
   */
  private static void validateAgainstOrder(List<JsonNode> patchList, List<JsonNode> order,
      String mergeKey) {
    if (order.isEmpty() || patchList.isEmpty()) {
      return;
    }
    List<JsonNode> nonDelete = new ArrayList<>();
    for (JsonNode v : patchList) {
      if (!mergeKey.isEmpty()) {
        if (!v.isObject()) {
          throw StrategicLists.badArgType("map[string]interface {}", v);
        }
        JsonNode d = v.get(PATCH);
        if (d != null && d.isString() && d.stringValue().equals(DELETE)) {
          continue;
        }
      }
      nonDelete.add(v);
    }
    int pi = 0;
    int oi = 0;
    while (pi < nonDelete.size() && oi < order.size()) {
      JsonNode item = nonDelete.get(pi);
      if (Directives.hasPatchDirective(item)) {
        pi++;
        continue;
      }
      if (sameElement(item, order.get(oi), mergeKey)) {
        pi++;
      }
      oi++;
    }
    if (pi < nonDelete.size() && oi >= order.size()) {
      throw PatchException.internal("The order in patch list:\n"
          + GoFormat.value(Directives.array(patchList)) + "\n doesn't match "
          + SET_ELEMENT_ORDER + " list:\n" + GoFormat.value(Directives.array(order)) + "\n");
    }
  }

  private static boolean sameElement(JsonNode left, JsonNode right, String mergeKey) {
    if (mergeKey.isEmpty()) {
      return JsonValues.equal(left, right);
    }
    if (!left.isObject()) {
      throw StrategicLists.badArgType("map[string]interface {}", left);
    }
    if (!right.isObject()) {
      throw StrategicLists.badArgType("map[string]interface {}", right);
    }
    JsonNode l = left.get(mergeKey);
    if (l == null) {
      throw StrategicLists.noMergeKey(left, mergeKey);
    }
    JsonNode r = right.get(mergeKey);
    if (r == null) {
      throw StrategicLists.noMergeKey(right, mergeKey);
    }
    return JsonValues.equal(l, r);
  }
}
