package io.kava.api.apply;

import static io.kava.api.apply.FieldSetTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kava.api.apply.FieldManager.Result;
import io.kava.api.apply.ManagedFieldsEntry.Operation;
import io.kava.api.patch.BuiltinPatchMeta;
import io.kava.api.patch.JsonValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FieldManagerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);
  private final FieldManager fm = new FieldManager(BuiltinPatchMeta.DEPLOYMENT,
      FieldSet.of(FieldPath.fields("status")), CLOCK);

  private static JsonNode deployment(String specJson) {
    return json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
        + "\"spec\":" + specJson + "}");
  }

  private static final String BASE_SPEC = """
      {"replicas":3,"selector":{"matchLabels":{"app":"web"}},
       "template":{"metadata":{"labels":{"app":"web"}},
        "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}""";

  private Result create() {
    return fm.apply(null, deployment(BASE_SPEC), "kubectl", false, "");
  }

  private static ManagedFieldsEntry entry(Result r, String manager) {
    return r.managedFields().stream().filter(e -> e.manager().equals(manager)).findFirst().orElseThrow();
  }

  @Test
  void applyCreatesAndRecordsTheAppliedFields() {
    Result r = create();
    assertThat(r.changed()).isTrue();
    assertThat(r.object().at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(r.managedFields()).hasSize(1);
    ManagedFieldsEntry e = r.managedFields().get(0);
    assertThat(e.manager()).isEqualTo("kubectl");
    assertThat(e.operation()).isEqualTo(Operation.APPLY);
    assertThat(e.apiVersion()).isEqualTo("apps/v1");
    assertThat(e.time()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(e.fields().toJson()).isEqualTo(json("""
        {"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
         "f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}"""));
    JsonNode wire = r.object().at("/metadata/managedFields/0");
    assertThat(wire.get("fieldsType").stringValue()).isEqualTo("FieldsV1");
    assertThat(wire.get("operation").stringValue()).isEqualTo("Apply");
  }

  @Test
  void reapplyingOwnFieldsNeverConflicts() {
    Result first = create();
    Result second = fm.apply(first.object(), deployment(BASE_SPEC.replace("\"replicas\":3", "\"replicas\":5")),
        "kubectl", false, "");
    assertThat(second.object().at("/spec/replicas").intValue()).isEqualTo(5);
    assertThat(second.managedFields()).hasSize(1);
  }

  @Test
  void noOpApplyReportsNoChange() {
    Result first = create();
    Result again = fm.apply(first.object(), deployment(BASE_SPEC), "kubectl", false, "");
    assertThat(again.changed()).isFalse();
    assertThat(JsonValues.equal(again.object(), first.object())).isTrue();
  }

  @Test
  void conflictWithAnotherApplier() {
    Result first = create();
    JsonNode other = deployment("{\"replicas\":7}");
    assertThatThrownBy(() -> fm.apply(first.object(), other, "ci", false, ""))
        .isInstanceOf(ApplyConflictException.class)
        .hasMessage("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas")
        .satisfies(e -> {
          Conflict c = ((ApplyConflictException) e).conflicts().get(0);
          assertThat(c.message()).isEqualTo("conflict with \"kubectl\"");
          assertThat(c.field()).isEqualTo(".spec.replicas");
          assertThat(((ApplyConflictException) e).code()).isEqualTo(409);
        });
  }

  @Test
  void conflictWithAnUpdaterNamesItsApiVersion() {
    Result created = create();
    ObjectNode scaled = created.object().deepCopy();
    ((ObjectNode) scaled.get("spec")).put("replicas", 10);
    Result afterScale = fm.update(created.object(), scaled, "hpa-controller", "");
    assertThat(entry(afterScale, "hpa-controller").fields().paths())
        .extracting(FieldPath::toString).containsExactly(".spec.replicas");
    assertThat(entry(afterScale, "kubectl").fields().contains(FieldPath.fields("spec", "replicas")))
        .isFalse();

    JsonNode config = deployment(BASE_SPEC.replace("\"replicas\":3", "\"replicas\":4"));
    assertThatThrownBy(() -> fm.apply(afterScale.object(), config, "kubectl", false, ""))
        .hasMessage("Apply failed with 1 conflict: conflict with \"hpa-controller\" using apps/v1:"
            + " .spec.replicas");
  }

  @Test
  void forceTakesOwnership() {
    Result first = create();
    Result forced = fm.apply(first.object(), deployment("{\"replicas\":7}"), "ci", true, "");
    assertThat(forced.object().at("/spec/replicas").intValue()).isEqualTo(7);
    assertThat(entry(forced, "ci").fields().paths()).extracting(FieldPath::toString)
        .containsExactly(".spec.replicas");
    assertThat(entry(forced, "kubectl").fields().contains(FieldPath.fields("spec", "replicas")))
        .isFalse();
    // kubectl still owns its other fields, and the object keeps them.
    assertThat(forced.object().at("/spec/template/spec/containers/0/image").stringValue())
        .isEqualTo("nginx:1.27");
  }

  @Test
  void sameValueIsSharedOwnership() {
    Result first = create();
    Result shared = fm.apply(first.object(), deployment("{\"replicas\":3}"), "ci", false, "");
    assertThat(entry(shared, "ci").fields().contains(FieldPath.fields("spec", "replicas"))).isTrue();
    assertThat(entry(shared, "kubectl").fields().contains(FieldPath.fields("spec", "replicas"))).isTrue();
    // Now kubectl stops applying replicas: ci still owns it, so it stays.
    Result dropped = fm.apply(shared.object(), deployment(BASE_SPEC.replace("\"replicas\":3,", "")),
        "kubectl", false, "");
    assertThat(dropped.object().at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void fieldsNoLongerAppliedAreRemoved() {
    Result first = create();
    Result second = fm.apply(first.object(), deployment(BASE_SPEC.replace("\"replicas\":3,", "")),
        "kubectl", false, "");
    assertThat(second.object().at("/spec").has("replicas")).isFalse();
    assertThat(second.changed()).isTrue();
  }

  @Test
  void keyedListElementsMergeAndPrune() {
    String twoContainers = BASE_SPEC.replace("[{\"name\":\"nginx\",\"image\":\"nginx:1.27\"}]",
        "[{\"name\":\"nginx\",\"image\":\"nginx:1.27\"},{\"name\":\"log\",\"image\":\"busybox\"}]");
    Result first = fm.apply(null, deployment(twoContainers), "kubectl", false, "");
    // Someone adds a container with an update; then kubectl drops "log" from its config.
    ObjectNode withSidecar = first.object().deepCopy();
    ((tools.jackson.databind.node.ArrayNode) withSidecar.at("/spec/template/spec/containers"))
        .add(json("{\"name\":\"mesh\",\"image\":\"envoy\"}"));
    Result injected = fm.update(first.object(), withSidecar, "injector", "");
    Result pruned = fm.apply(injected.object(), deployment(BASE_SPEC), "kubectl", false, "");
    assertThat(pruned.object().at("/spec/template/spec/containers"))
        .extracting(c -> c.get("name").stringValue()).containsExactly("nginx", "mesh");
  }

  @Test
  void listMergeKeepsLiveOnlyElementsAndConfigOrder() {
    JsonNode live = deployment("{\"template\":{\"spec\":{\"containers\":["
        + "{\"name\":\"a\",\"image\":\"1\"},{\"name\":\"b\",\"image\":\"1\"},{\"name\":\"c\",\"image\":\"1\"}]}}}");
    Result r = fm.apply(live, deployment("{\"template\":{\"spec\":{\"containers\":["
        + "{\"name\":\"c\",\"image\":\"2\"},{\"name\":\"a\"}]}}}"), "x", true, "");
    assertThat(r.object().at("/spec/template/spec/containers"))
        .extracting(c -> c.get("name").stringValue() + c.get("image").stringValue())
        .containsExactly("b1", "c2", "a1");
  }

  @Test
  void firstApplyToAnUntrackedObjectConflictsWithBeforeFirstApply() {
    JsonNode legacy = deployment(BASE_SPEC);
    assertThatThrownBy(() -> fm.apply(legacy, deployment("{\"replicas\":1}"), "kubectl", false, ""))
        .hasMessage("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1:"
            + " .spec.replicas");
    Result ok = fm.apply(legacy, deployment("{\"replicas\":3}"), "kubectl", false, "");
    assertThat(ok.managedFields()).extracting(ManagedFieldsEntry::manager)
        .containsExactly("kubectl", FieldManager.BEFORE_FIRST_APPLY);
  }

  @Test
  void severalConflictsAreGroupedByManager() {
    Result first = create();
    ObjectNode edited = first.object().deepCopy();
    ((ObjectNode) edited.at("/spec/template/spec/containers/0")).put("image", "nginx:edited");
    Result afterEdit = fm.update(first.object(), edited, "kubectl-edit", "");
    JsonNode config = deployment("{\"replicas\":9,\"template\":{\"spec\":{\"containers\":"
        + "[{\"name\":\"nginx\",\"image\":\"nginx:9\"}]}}}");
    assertThatThrownBy(() -> fm.apply(afterEdit.object(), config, "ci", false, ""))
        .hasMessage("Apply failed with 2 conflicts: conflicts with \"kubectl\":\n"
            + "- .spec.replicas\n"
            + "conflicts with \"kubectl-edit\" using apps/v1:\n"
            + "- .spec.template.spec.containers[name=\"nginx\"].image");
  }

  @Test
  void managedFieldsInTheConfigurationAreRejected() {
    JsonNode config = json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
        + "\"metadata\":{\"name\":\"web\",\"managedFields\":[]}}");
    assertThatThrownBy(() -> fm.apply(null, config, "kubectl", false, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata.managedFields must be nil");
  }

  @Test
  void resetFieldsAreNeverOwned() {
    JsonNode config = json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
        + "\"spec\":{\"replicas\":1},\"status\":{\"replicas\":1}}");
    Result r = fm.apply(null, config, "kubectl", false, "");
    assertThat(r.managedFields().get(0).fields().paths()).extracting(FieldPath::toString)
        .containsExactly(".spec.replicas");
  }

  @Test
  void updateOnCreateTracksEverythingTheCreatorWrote() {
    Result r = fm.update(null, deployment(BASE_SPEC), "kubectl-create", "");
    ManagedFieldsEntry e = r.managedFields().get(0);
    assertThat(e.operation()).isEqualTo(Operation.UPDATE);
    assertThat(e.fields().contains(FieldPath.fields("spec", "replicas"))).isTrue();
    assertThat(e.fields().contains(FieldPath.fields("metadata", "name"))).isFalse();
    assertThat(e.fields().contains(FieldPath.fields("spec", "template", "metadata", "labels"))).isTrue();
  }

  @Test
  void updateMovesChangedFieldsAndDropsRemovedOnes() {
    Result created = fm.update(null, deployment(BASE_SPEC), "kubectl-create", "");
    ObjectNode changed = created.object().deepCopy();
    ((ObjectNode) changed.get("spec")).put("replicas", 2);
    ((ObjectNode) changed.at("/spec/template/metadata/labels")).remove("app");
    Result r = fm.update(created.object(), changed, "editor", "");
    FieldSet creator = entry(r, "kubectl-create").fields();
    assertThat(creator.contains(FieldPath.fields("spec", "replicas"))).isFalse();
    assertThat(creator.contains(FieldPath.fields("spec", "template", "metadata", "labels", "app")))
        .isFalse();
    assertThat(entry(r, "editor").fields().paths()).extracting(FieldPath::toString)
        .containsExactly(".spec.replicas");
  }

  @Test
  void updateWithoutChangesKeepsEntries() {
    Result created = fm.update(null, deployment(BASE_SPEC), "kubectl-create", "");
    ObjectNode same = created.object().deepCopy();
    ((ObjectNode) same.get("metadata")).put("resourceVersion", "42");
    Result r = fm.update(created.object(), same, "other", "");
    assertThat(r.managedFields()).extracting(ManagedFieldsEntry::manager).containsExactly("kubectl-create");
  }

  @Test
  void untrackedObjectsStayUntrackedAndResetClears() {
    JsonNode legacy = deployment(BASE_SPEC);
    Result r = fm.update(legacy, deployment("{\"replicas\":1}"), "x", "");
    assertThat(r.managedFields()).isEmpty();
    assertThat(r.object().at("/metadata").has("managedFields")).isFalse();

    Result created = fm.update(null, deployment(BASE_SPEC), "kubectl-create", "");
    ObjectNode reset = created.object().deepCopy();
    ((ObjectNode) reset.get("metadata")).set("managedFields", json("[{}]"));
    assertThat(fm.update(created.object(), reset, "x", "").managedFields()).isEmpty();
  }

  @Test
  void subresourceEntriesAreSeparate() {
    FieldManager status = new FieldManager(BuiltinPatchMeta.DEPLOYMENT,
        FieldSet.of(FieldPath.fields("spec")), CLOCK);
    Result created = fm.apply(null, deployment(BASE_SPEC), "kubectl", false, "");
    ObjectNode withStatus = created.object().deepCopy();
    withStatus.set("status", json("{\"readyReplicas\":3}"));
    Result r = status.update(created.object(), withStatus, "kube-controller-manager", "status");
    ManagedFieldsEntry e = entry(r, "kube-controller-manager");
    assertThat(e.subresource()).isEqualTo("status");
    assertThat(e.identity().display())
        .isEqualTo("\"kube-controller-manager\" with subresource \"status\" using apps/v1");
    assertThat(r.object().at("/metadata/managedFields/1/subresource").stringValue()).isEqualTo("status");
  }

  @Test
  void managedFieldsRoundTripThroughJson() {
    Result r = create();
    List<ManagedFieldsEntry> read = ManagedFields.read(r.object());
    assertThat(read).isEqualTo(r.managedFields());
    assertThat(ManagedFieldsEntry.fromJson(read.get(0).toJson())).isEqualTo(read.get(0));
  }

  /** The ConfigMap example of the Kubernetes "Server-Side Apply" documentation page. */
  @Test
  void configMapExampleFromTheDocs() {
    FieldManager generic = new FieldManager(BuiltinPatchMeta.GENERIC);
    Result r = generic.apply(null, json("""
        {"apiVersion":"v1","kind":"ConfigMap",
         "metadata":{"name":"test-cm","namespace":"default","labels":{"test-label":"test"}},
         "data":{"key":"some value"}}"""), "kubectl", false, "");
    ManagedFieldsEntry e = r.managedFields().get(0);
    assertThat(e.manager()).isEqualTo("kubectl");
    assertThat(e.apiVersion()).isEqualTo("v1");
    assertThat(e.fields().toJson())
        .isEqualTo(json("{\"f:metadata\":{\"f:labels\":{\"f:test-label\":{}}},\"f:data\":{\"f:key\":{}}}"));
  }

  @Test
  void updateNoErrorsClearsManagedFieldsInsteadOfFailing() {
    Result created = fm.update(null, deployment(BASE_SPEC), "kubectl-create", "");
    ObjectNode broken = created.object().deepCopy();
    ((ObjectNode) broken.at("/spec/template/spec/containers/0")).remove("name");
    assertThatThrownBy(() -> fm.update(created.object(), broken, "x", ""))
        .isInstanceOf(IllegalArgumentException.class);
    Result r = fm.updateNoErrors(created.object(), broken, "x", "");
    assertThat(r.managedFields()).isEmpty();
    assertThat(r.changed()).isTrue();
  }
}
