package io.kava.api.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kava.api.patch.JsonValues;
import io.kava.api.patch.PatchMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Scenarios from sigs.k8s.io/structured-merge-diff {@code merge/set_test.go},
 * {@code merge/key_test.go} and {@code merge/multiple_appliers_test.go}: sequences of applies
 * and updates with the expected final object, owned fields and conflicts.
 */
class StructuredMergeDiffCasesTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** {@code sets}: a list of strings with "associative" relationship (a set). */
  private static final PatchMeta SETS = PatchMeta.struct("sets").field("list", PatchMeta.set()).build();

  /** {@code associativeList} keyed by {@code name}, elements {@code {name, value}}. */
  private static final PatchMeta KEYED = PatchMeta.struct("type")
      .field("list", PatchMeta.mergeList("name", PatchMeta.struct("myElement").build()))
      .build();

  /** Runs a scenario and returns the state; operations are "apply"/"update"/"force". */
  private static final class Scenario {
    private final FieldManager fm;
    private ObjectNode live;

    Scenario(PatchMeta meta) {
      this.fm = new FieldManager(meta);
    }

    Scenario apply(String manager, String yaml) {
      live = fm.apply(live, object(yaml), manager, false, "").object();
      return this;
    }

    Scenario force(String manager, String yaml) {
      live = fm.apply(live, object(yaml), manager, true, "").object();
      return this;
    }

    Scenario update(String manager, String yaml) {
      live = fm.update(live, object(yaml), manager, "").object();
      return this;
    }

    void expectConflict(String manager, String yaml, String message) {
      ObjectNode before = live.deepCopy();
      assertThatThrownBy(() -> fm.apply(live, object(yaml), manager, false, ""))
          .isInstanceOf(ApplyConflictException.class)
          .hasMessage(message);
      assertThat(live).isEqualTo(before);
    }

    void expectObject(String yaml) {
      ObjectNode actual = live.deepCopy();
      ((ObjectNode) actual.get("metadata")).remove("managedFields");
      if (actual.get("metadata").isEmpty()) {
        actual.remove("metadata");
      }
      actual.remove("apiVersion");
      JsonNode expected = YAML.readTree(yaml);
      assertThat(JsonValues.equal(actual, expected)).as("expected %s%n     got %s", expected, actual)
          .isTrue();
    }

    void expectManaged(String manager, String... paths) {
      Map<String, List<String>> owned = new LinkedHashMap<>();
      for (ManagedFieldsEntry e : ManagedFields.read(live)) {
        owned.computeIfAbsent(e.manager(), k -> new ArrayList<>())
            .addAll(e.fields().paths().stream().map(FieldPath::toString).toList());
      }
      assertThat(owned.getOrDefault(manager, List.of())).as(manager).containsExactlyInAnyOrder(paths);
    }

    void expectManagers(String... managers) {
      assertThat(ManagedFields.read(live)).extracting(ManagedFieldsEntry::manager)
          .containsExactlyInAnyOrder(managers);
    }

    private static ObjectNode object(String yaml) {
      ObjectNode o = (ObjectNode) YAML.readTree(yaml);
      o.put("apiVersion", "v1");
      return o;
    }
  }

  @Test
  void setApplyTwice() {
    Scenario s = new Scenario(SETS)
        .apply("default", "list: [a, c]")
        .apply("default", "list: [a, b, c, d]");
    s.expectObject("list: [a, b, c, d]");
    s.expectManaged("default", ".list[=\"a\"]", ".list[=\"b\"]", ".list[=\"c\"]", ".list[=\"d\"]");
  }

  @Test
  void setApplyUpdateApplyNoOverlap() {
    Scenario s = new Scenario(SETS)
        .apply("default", "list: [a, c]")
        .update("controller", "list: [a, b, c, d]")
        .apply("default", "list: [a, aprime, c, cprime]");
    s.expectObject("list: [a, b, aprime, c, d, cprime]");
    s.expectManaged("default",
        ".list[=\"a\"]", ".list[=\"aprime\"]", ".list[=\"c\"]", ".list[=\"cprime\"]");
    s.expectManaged("controller", ".list[=\"b\"]", ".list[=\"d\"]");
  }

  @Test
  void setApplyUpdateApplyWithOverlap() {
    Scenario s = new Scenario(SETS)
        .apply("default", "list: [a, c]")
        .update("controller", "list: [a, b, c, d]")
        .apply("default", "list: [a, b, c]");
    s.expectObject("list: [a, b, c, d]");
    s.expectManaged("default", ".list[=\"a\"]", ".list[=\"b\"]", ".list[=\"c\"]");
    s.expectManaged("controller", ".list[=\"b\"]", ".list[=\"d\"]");
  }

  @Test
  void removingObsoleteAppliedStructs() {
    Scenario s = new Scenario(KEYED)
        .apply("default", "list: [{name: a, value: 1}]")
        .apply("default", "list: [{name: b, value: 2}]");
    s.expectObject("list: [{name: b, value: 2}]");
    s.expectManaged("default",
        ".list[name=\"b\"]", ".list[name=\"b\"].name", ".list[name=\"b\"].value");
  }

  @Test
  void multipleAppliersRemoveOne() {
    Scenario s = new Scenario(KEYED)
        .apply("apply-one", "list: [{name: a}, {name: b}]")
        .apply("apply-two", "list: [{name: c}]")
        .apply("apply-one", "list: [{name: a}]");
    s.expectObject("list: [{name: a}, {name: c}]");
    s.expectManaged("apply-one", ".list[name=\"a\"]", ".list[name=\"a\"].name");
    s.expectManaged("apply-two", ".list[name=\"c\"]", ".list[name=\"c\"].name");
  }

  @Test
  void multipleAppliersSameValueNoConflict() {
    Scenario s = new Scenario(KEYED)
        .apply("apply-one", "list: [{name: a, value: 0}]")
        .apply("apply-two", "list: [{name: a, value: 0}]");
    s.expectObject("list: [{name: a, value: 0}]");
    String[] all = {".list[name=\"a\"]", ".list[name=\"a\"].name", ".list[name=\"a\"].value"};
    s.expectManaged("apply-one", all);
    s.expectManaged("apply-two", all);
  }

  @Test
  void multipleAppliersChangeValueConflicts() {
    Scenario s = new Scenario(KEYED).apply("apply-one", "list: [{name: a, value: 0}]");
    s.expectConflict("apply-two", "list: [{name: a, value: 1}]",
        "Apply failed with 1 conflict: conflict with \"apply-one\": .list[name=\"a\"].value");
    s.expectObject("list: [{name: a, value: 0}]");
    s.expectManagers("apply-one");
  }

  @Test
  void multipleAppliersRemoveOneKeepOne() {
    Scenario s = new Scenario(KEYED)
        .apply("apply-one", "list: [{name: a}, {name: b}, {name: c}]")
        .apply("apply-two", "list: [{name: c}, {name: d}]")
        .apply("apply-one", "list: [{name: a}]");
    s.expectObject("list: [{name: a}, {name: c}, {name: d}]");
    s.expectManaged("apply-one", ".list[name=\"a\"]", ".list[name=\"a\"].name");
    s.expectManaged("apply-two",
        ".list[name=\"c\"]", ".list[name=\"c\"].name", ".list[name=\"d\"]", ".list[name=\"d\"].name");
  }

  @Test
  void forcedChangeMovesOwnershipOfTheValueOnly() {
    Scenario s = new Scenario(KEYED)
        .apply("apply-one", "list: [{name: a, value: 0}]")
        .force("apply-two", "list: [{name: a, value: 1}]");
    s.expectObject("list: [{name: a, value: 1}]");
    s.expectManaged("apply-one", ".list[name=\"a\"]", ".list[name=\"a\"].name");
    s.expectManaged("apply-two",
        ".list[name=\"a\"]", ".list[name=\"a\"].name", ".list[name=\"a\"].value");
  }
}
