package io.kava.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code TestRequirementConstructor}, {@code TestToString}, {@code TestRequirementSelectorMatching}. */
class RequirementTest {

  @Test
  void constructorRules() {
    assertThatThrownBy(() -> Requirement.of("x1", Operator.IN, List.of()))
        .hasMessage("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set"
            + " can't be empty");
    assertThatThrownBy(() -> Requirement.of("x2", Operator.NOT_IN, List.of()))
        .hasMessageStartingWith("values: Invalid value: []string(nil)");
    Requirement.of("x3", Operator.IN, List.of("foo"));
    Requirement.of("x4", Operator.NOT_IN, List.of("foo"));
    assertThatThrownBy(() -> Requirement.of("x5", Operator.EQUALS, List.of("bar", "foo")))
        .hasMessage("values: Invalid value: []string{\"bar\", \"foo\"}: exact-match compatibility"
            + " requires one single value");
    Requirement.of("x6", Operator.EXISTS, List.of());
    Requirement.of("x7", Operator.DOES_NOT_EXIST, List.of());
    assertThatThrownBy(() -> Requirement.of("x8", Operator.EXISTS, List.of("foo")))
        .hasMessage("values: Invalid value: []string{\"foo\"}: values set must be empty for exists"
            + " and does not exist");
    Requirement.of("x11", Operator.GREATER_THAN, List.of("1"));
    Requirement.of("x12", Operator.LESS_THAN, List.of("6"));
    assertThatThrownBy(() -> Requirement.of("x13", Operator.GREATER_THAN, List.of()))
        .hasMessage("values: Invalid value: []string(nil): for 'Gt', 'Lt' operators, exactly one"
            + " value is required");
    assertThatThrownBy(() -> Requirement.of("x14", Operator.GREATER_THAN, List.of("bar")))
        .hasMessage("values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must"
            + " be an integer");
    assertThatThrownBy(() -> Requirement.of("a".repeat(254), Operator.EXISTS, List.of()))
        .hasMessageStartingWith("key: Invalid value: \"" + "a".repeat(254)
            + "\": name part must be no more than 63 characters");
    assertThatThrownBy(() -> Requirement.of("x17", Operator.EQUALS, List.of("a b")))
        .hasMessageStartingWith("values[0][x17]: Invalid value: \"a b\": a valid label must be");
  }

  @Test
  void severalErrorsAreAggregated() {
    assertThatThrownBy(() -> Requirement.of("-k", Operator.GREATER_THAN, List.of("x")))
        .hasMessageStartingWith("[key: Invalid value: \"-k\": name part must consist")
        .hasMessageContaining(", values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the"
            + " value must be an integer]");
  }

  @Test
  void toStringForms() {
    assertThat(LabelSelector.of(List.of(
            Requirement.of("x", Operator.IN, List.of("def", "abc")),
            Requirement.of("y", Operator.NOT_IN, List.of("jkl")),
            Requirement.of("z", Operator.EXISTS, List.of()))).toString())
        .isEqualTo("x in (abc,def),y notin (jkl),z");
    assertThat(LabelSelector.of(List.of(
            Requirement.of("x", Operator.NOT_IN, List.of("abc", "def")),
            Requirement.of("y", Operator.NOT_EQUALS, List.of("jkl")),
            Requirement.of("z", Operator.DOES_NOT_EXIST, List.of()))).toString())
        .isEqualTo("x notin (abc,def),y!=jkl,!z");
    assertThat(LabelSelector.of(List.of(
            Requirement.of("x", Operator.NOT_IN, List.of("abc")),
            Requirement.of("y", Operator.IN, List.of("jkl", "mno")),
            Requirement.of("z", Operator.NOT_IN, List.of("")))).toString())
        .isEqualTo("x notin (abc),y in (jkl,mno),z notin ()");
    assertThat(LabelSelector.of(List.of(
            Requirement.of("x", Operator.EQUALS, List.of("abc")),
            Requirement.of("y", Operator.DOUBLE_EQUALS, List.of("jkl")),
            Requirement.of("z", Operator.NOT_EQUALS, List.of("a")),
            Requirement.of("z", Operator.EXISTS, List.of()))).toString())
        .isEqualTo("x=abc,y==jkl,z!=a,z");
    assertThat(LabelSelector.of(List.of(
            Requirement.of("x", Operator.GREATER_THAN, List.of("2")),
            Requirement.of("y", Operator.LESS_THAN, List.of("8")),
            Requirement.of("z", Operator.EXISTS, List.of()))).toString())
        .isEqualTo("x>2,y<8,z");
  }

  @Test
  void matching() {
    Map<String, String> xy = Map.of("x", "foo", "y", "baz");
    assertThat(sel(Requirement.of("x", Operator.IN, List.of("foo")),
        Requirement.of("y", Operator.NOT_IN, List.of("alpha"))).matches(xy)).isTrue();
    assertThat(sel(Requirement.of("x", Operator.IN, List.of("foo")),
        Requirement.of("y", Operator.IN, List.of("alpha"))).matches(xy)).isFalse();
    Map<String, String> yEmpty = Map.of("y", "");
    assertThat(sel(Requirement.of("x", Operator.NOT_IN, List.of("")),
        Requirement.of("y", Operator.EXISTS, List.of())).matches(yEmpty)).isTrue();
    assertThat(sel(Requirement.of("x", Operator.DOES_NOT_EXIST, List.of()),
        Requirement.of("y", Operator.EXISTS, List.of())).matches(yEmpty)).isTrue();
    assertThat(sel(Requirement.of("x", Operator.NOT_IN, List.of("")),
        Requirement.of("y", Operator.DOES_NOT_EXIST, List.of())).matches(yEmpty)).isFalse();
    assertThat(sel(Requirement.of("x", Operator.IN, List.of(""))).matches(Map.of("y", "baz")))
        .isFalse();
    assertThat(sel(Requirement.of("z", Operator.GREATER_THAN, List.of("1"))).matches(Map.of("z", "2")))
        .isTrue();
    assertThat(sel(Requirement.of("z", Operator.GREATER_THAN, List.of("1"))).matches(Map.of("z", "v2")))
        .isFalse();
  }

  @Test
  void int64Parsing() {
    assertThat(Requirement.parseInt64("+5")).isEqualTo(5L);
    assertThat(Requirement.parseInt64("-5")).isEqualTo(-5L);
    assertThat(Requirement.parseInt64("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Requirement.parseInt64("9223372036854775808")).isNull();
    assertThat(Requirement.parseInt64("1.0")).isNull();
    assertThat(Requirement.parseInt64("-")).isNull();
    assertThat(Requirement.parseInt64("")).isNull();
  }

  private static LabelSelector sel(Requirement... rs) {
    return LabelSelector.of(List.of(rs));
  }
}
