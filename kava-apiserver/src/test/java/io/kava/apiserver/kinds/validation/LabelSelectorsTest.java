package io.kava.apiserver.kinds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.apiserver.errors.FieldErrors;

class LabelSelectorsTest {

    @Test
    void matchesLabelsAndExpressions() {
        var selector = Json.parse("""
                {"matchLabels": {"app": "web"},
                 "matchExpressions": [{"key": "tier", "operator": "In", "values": ["a", "b"]},
                                      {"key": "canary", "operator": "DoesNotExist"}]}""");
        assertThat(LabelSelectors.matches(selector, Map.of("app", "web", "tier", "a"))).isTrue();
        assertThat(LabelSelectors.matches(selector, Map.of("app", "web", "tier", "c"))).isFalse();
        assertThat(LabelSelectors.matches(selector, Map.of("app", "web", "tier", "a", "canary", "x"))).isFalse();
        assertThat(LabelSelectors.matches(null, Map.of())).isFalse();
    }

    @Test
    void validatesOperators() {
        var errors = new FieldErrors();
        LabelSelectors.validate(Json.parse("""
                {"matchExpressions": [{"key": "k", "operator": "In"}, {"key": "k", "operator": "Near"}]}"""),
                "spec.selector", errors);
        assertThat(errors.causes()).extracting(c -> c.field() + ": " + c.message()).containsExactly(
                "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is"
                        + " 'In' or 'NotIn'",
                "spec.selector.matchExpressions[1].operator: Invalid value: \"Near\": not a valid selector operator");
    }

    @Test
    void rendersGoValues() {
        assertThat(GoValues.labelSelector(Json.parse("{\"matchLabels\":{\"b\":\"2\",\"a\":\"1\"}}")).toString())
                .isEqualTo("v1.LabelSelector{MatchLabels:map[string]string{\"a\":\"1\", \"b\":\"2\"},"
                        + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
        assertThat(GoValues.stringMap(null).toString()).isEqualTo("map[string]string(nil)");
    }
}
