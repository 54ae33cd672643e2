package io.kava.api.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the application half of Kubernetes' own strategic merge patch tests
 * ({@code k8s-strategic-merge-cases.yaml}, transcribed from apimachinery's
 * {@code strategicpatch/patch_test.go}) against {@link StrategicMergePatch}.
 */
class StrategicMergePatchK8sCasesTest {

  /** The {@code MergeItem} Go test type, unrolled to a fixed depth (it is recursive). */
  static final PatchMeta MERGE_ITEM = mergeItem(6);

  private static PatchMeta mergeItem(int depth) {
    PatchMeta.Builder b = PatchMeta.struct("mergeItem");
    if (depth > 0) {
      PatchMeta child = mergeItem(depth - 1);
      b.field("mergingList", PatchMeta.mergeList("name", child))
          .field("nonMergingList", PatchMeta.list(child))
          .field("mergingIntList", PatchMeta.set())
          .field("mergeItemPtr", PatchMeta.mergeList("name", child))
          .field("replacingItem", PatchMeta.NONE.withStrategies(PatchStrategy.REPLACE))
          .field("retainKeysMap", retainKeysMergeItem(child).withStrategies(PatchStrategy.RETAIN_KEYS))
          .field("retainKeysMergingList",
              PatchMeta.mergeList("name", child).withStrategies(PatchStrategy.RETAIN_KEYS));
    }
    return b.build();
  }

  private static PatchMeta retainKeysMergeItem(PatchMeta mergeItem) {
    return PatchMeta.struct("retainKeysMergeItem")
        .field("mergingIntList", PatchMeta.set())
        .field("mergingList", PatchMeta.mergeList("name", mergeItem))
        .field("nonMergingList", PatchMeta.list(mergeItem))
        .build();
  }

  static Stream<Arguments> cases() throws Exception {
    YAMLMapper yaml = YAMLMapper.builder().build();
    try (InputStream in = StrategicMergePatchK8sCasesTest.class
        .getResourceAsStream("k8s-strategic-merge-cases.yaml")) {
      JsonNode all = yaml.readTree(in);
      List<Arguments> out = new ArrayList<>();
      for (JsonNode c : all) {
        out.add(Arguments.of(c.get("name").stringValue(), c));
      }
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void applies(String name, JsonNode c) {
    boolean sorted = c.get("sorted").booleanValue();
    JsonNode original = prepare(c.get("original"), sorted);
    JsonNode patch = prepare(c.get("patch"), sorted);
    if (c.has("error")) {
      assertThatThrownBy(() -> StrategicMergePatch.apply(original, patch, MERGE_ITEM))
          .isInstanceOf(PatchException.class)
          .hasMessageContaining(c.get("error").stringValue());
      return;
    }
    JsonNode originalBefore = original.deepCopy();
    JsonNode patchBefore = patch.deepCopy();
    ObjectNode result = StrategicMergePatch.apply(original, patch, MERGE_ITEM);
    JsonNode expected = prepare(c.get("expected"), sorted);
    assertThat(JsonValues.equal(result, expected))
        .as("%s%n original: %s%n patch:    %s%n expected: %s%n got:      %s",
            name, original, patch, expected, result)
        .isTrue();
    assertThat(original).isEqualTo(originalBefore);
    assertThat(patch).isEqualTo(patchBefore);
  }

  private static JsonNode prepare(JsonNode node, boolean sorted) {
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return sorted ? sortMergeLists(node, MERGE_ITEM) : node;
  }

  /** The upstream test helper {@code sortMergeListsByName}, on trees. */
  static JsonNode sortMergeLists(JsonNode node, PatchMeta schema) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (k.equals("$retainKeys") || k.startsWith("$deleteFromPrimitiveList")) {
        v = Directives.array(sortScalars(Directives.elements(v)));
      } else if (!k.startsWith("$setElementOrder") && !k.equals("$patch")) {
        PatchMeta field = schema.field(k);
        if (v.isObject()) {
          v = sortMergeLists(v, field);
        } else if (v.isArray() && field.has(PatchStrategy.MERGE) && !v.isEmpty()) {
          List<JsonNode> items = Directives.elements(v);
          if (!items.get(0).isObject()) {
            List<JsonNode> unique = new ArrayList<>();
            for (JsonNode i : items) {
              if (JsonValues.indexOf(unique, i) < 0) {
                unique.add(i);
              }
            }
            items = sortScalars(unique);
          } else {
            List<JsonNode> recursed = new ArrayList<>();
            for (JsonNode i : items) {
              recursed.add(sortMergeLists(i, field));
            }
            String key = field.mergeKey();
            recursed.sort(Comparator.comparing(i -> GoFormat.value(i.get(key))));
            items = recursed;
          }
          v = Directives.array(items);
        }
      }
      out.set(k, v);
    }
    return out;
  }

  private static List<JsonNode> sortScalars(List<JsonNode> items) {
    List<JsonNode> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(GoFormat::value));
    return sorted;
  }
}
