package io.kava.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code metav1.LabelSelectorAsSelector} semantics over JSON and the fabric8 model. */
class StructuredLabelSelectorTest {
  private static final JsonMapper JSON = JsonMapper.shared();

  private static JsonNode json(String s) {
    return JSON.readTree(s);
  }

  @Test
  void nullSelectsNothingEmptySelectsEverything() {
    assertThat(LabelSelector.fromJson(null).matchesNothing()).isTrue();
    assertThat(LabelSelector.fromJson(json("null")).matchesNothing()).isTrue();
    assertThat(LabelSelector.fromJson(json("{}")).isEmpty()).isTrue();
    assertThat(LabelSelector.fromJson(json("{\"matchLabels\":{},\"matchExpressions\":[]}")).isEmpty())
        .isTrue();
    assertThat(LabelSelector.fromModel(null).matchesNothing()).isTrue();
    assertThat(LabelSelector.fromModel(new LabelSelectorBuilder().build()).isEmpty()).isTrue();
  }

  @Test
  void matchLabelsAndExpressions() {
    LabelSelector s = LabelSelector.fromJson(json("""
        {"matchLabels": {"app": "web", "env": "prod"},
         "matchExpressions": [
           {"key": "tier", "operator": "In", "values": ["b", "a"]},
           {"key": "canary", "operator": "DoesNotExist"},
           {"key": "zone", "operator": "NotIn", "values": ["x"]},
           {"key": "owner", "operator": "Exists", "values": []}]}"""));
    assertThat(s.toString()).isEqualTo("app=web,!canary,env=prod,owner,tier in (a,b),zone notin (x)");
    assertThat(s.matches(Map.of("app", "web", "env", "prod", "tier", "a", "owner", "me"))).isTrue();
    assertThat(s.matches(Map.of("app", "web", "env", "prod", "tier", "c", "owner", "me"))).isFalse();
    assertThat(s.matches(Map.of("app", "web", "env", "prod", "tier", "a", "owner", "me",
        "canary", "1"))).isFalse();
  }

  @Test
  void fabric8ModelGivesTheSameSelector() {
    var model = new LabelSelectorBuilder()
        .addToMatchLabels("app", "web")
        .addNewMatchExpression().withKey("tier").withOperator("In").withValues("b", "a").endMatchExpression()
        .build();
    assertThat(LabelSelector.fromModel(model))
        .isEqualTo(LabelSelector.fromJson(json("""
            {"matchLabels":{"app":"web"},
             "matchExpressions":[{"key":"tier","operator":"In","values":["b","a"]}]}""")));
    assertThat(LabelSelector.fromModel(model).toString()).isEqualTo("app=web,tier in (a,b)");
  }

  @Test
  void invalidOperator() {
    assertThatThrownBy(() -> LabelSelector.fromJson(json(
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Gt\",\"values\":[\"1\"]}]}")))
        .isInstanceOf(SelectorException.class)
        .hasMessage("\"Gt\" is not a valid label selector operator");
  }

  @Test
  void inWithoutValues() {
    assertThatThrownBy(() -> LabelSelector.fromJson(json(
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\"}]}")))
        .hasMessage("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set"
            + " can't be empty");
  }

  @Test
  void existsWithValues() {
    assertThatThrownBy(() -> LabelSelector.fromJson(json(
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Exists\",\"values\":[\"x\"]}]}")))
        .hasMessage("values: Invalid value: []string{\"x\"}: values set must be empty for exists"
            + " and does not exist");
  }

  @Test
  void invalidMatchLabel() {
    assertThatThrownBy(() -> LabelSelector.fromJson(json("{\"matchLabels\":{\"a/b/c\":\"x\"}}")))
        .hasMessageStartingWith("key: Invalid value: \"a/b/c\": a qualified name must consist of")
        .hasMessageEndingWith(" with an optional DNS subdomain prefix and '/' (e.g."
            + " 'example.com/MyName')");
  }

  @Test
  void wrongJsonShapes() {
    assertThatThrownBy(() -> LabelSelector.fromJson(json("[]")))
        .isInstanceOf(SelectorException.class);
    assertThatThrownBy(() -> LabelSelector.fromJson(json("{\"matchLabels\":[]}")))
        .isInstanceOf(SelectorException.class);
    assertThatThrownBy(() -> LabelSelector.fromJson(json("{\"matchLabels\":{\"a\":1}}")))
        .isInstanceOf(SelectorException.class);
  }
}
