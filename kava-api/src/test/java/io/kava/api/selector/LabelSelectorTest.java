package io.kava.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from apimachinery {@code pkg/labels/selector_test.go} (v0.33.0) plus message checks. */
class LabelSelectorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"})
  void goodStringsRoundTripWithoutSpaces(String in) {
    assertThat(LabelSelector.parse(in).toString()).isEqualTo(in.replace(" ", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x=a||y=b", "x==a==b", "!x=a", "x<a"})
  void badStringsAreRejected(String in) {
    assertThatThrownBy(() -> LabelSelector.parse(in)).isInstanceOf(SelectorException.class);
  }

  @Test
  void parseIsDeterministic() {
    assertThat(LabelSelector.parse("x=a,a=x").toString())
        .isEqualTo(LabelSelector.parse("a=x,x=a").toString())
        .isEqualTo("a=x,x=a");
  }

  @Test
  void everythingAndNothing() {
    assertThat(LabelSelector.everything().matches(Map.of("x", "y"))).isTrue();
    assertThat(LabelSelector.everything().isEmpty()).isTrue();
    assertThat(LabelSelector.nothing().matches(Map.of())).isFalse();
    assertThat(LabelSelector.nothing().isEmpty()).isFalse();
    assertThat(LabelSelector.nothing().matchesNothing()).isTrue();
    assertThat(LabelSelector.parse("").isEmpty()).isTrue();
    assertThat(LabelSelector.fromSet(null).isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @CsvSource(delimiter = '|', value = {
      "''|x=y",
      "x=y|x=y",
      "x=y,z=w|x=y;z=w",
      "x!=y,z!=w|x=z;z=a",
      "notin=in|notin=in",
      "x|x=z",
      "!x|y=z",
      "x>1|x=2",
      "x<1|x=0",
      "foo=bar|foo=bar;baz=blah",
      "baz=blah|foo=bar;baz=blah",
      "foo=bar,baz=blah|foo=bar;baz=blah",
      "x in (a,b)|x=b",
      "x notin (a,b)|y=a",
      "x notin (a,b)|x=c",
      "x in (a,)|x=''",
      "x>5|x=10",
      "x=|x=''",
  })
  void matches(String selector, String labels) {
    assertThat(LabelSelector.parse(selector).matches(labels(labels))).isTrue();
  }

  @ParameterizedTest(name = "{0} does not match {1}")
  @CsvSource(delimiter = '|', value = {
      "x=z|''",
      "x=y|x=z",
      "x=y,z=w|x=w;z=w",
      "x!=y,z!=w|x=z;z=w",
      "x|y=z",
      "!x|x=z",
      "x>1|x=0",
      "x<1|x=2",
      "foo=blah|foo=bar;baz=blah",
      "baz=bar|foo=bar;baz=blah",
      "foo=bar,foobar=bar,baz=blah|foo=bar;baz=blah",
      "x in (a,b)|y=a",
      "x notin (a,b)|x=a",
      "x>1|x=v2",
      "x>1|y=5",
      "x=|y=''",
  })
  void doesNotMatch(String selector, String labels) {
    assertThat(LabelSelector.parse(selector).matches(labels(labels))).isFalse();
  }

  /** {@code TestSetSelectorParser}: inputs, canonical output, validity. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''|''",
      "'\rx'|x",
      "this-is-a-dns.domain.com/key-with-dash|this-is-a-dns.domain.com/key-with-dash",
      "this-is-another-dns.domain.com/key-with-dash in (so,what)|this-is-another-dns.domain.com/key-with-dash in (so,what)",
      "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)|0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
      "'foo  in\t (abc)'|foo in (abc)",
      "'x notin\n (abc)'|x notin (abc)",
      "'x  notin\t\t(abc,def)'|x notin (abc,def)",
      "x in (abc,def)|x in (abc,def)",
      "x in (abc,)|x in (,abc)",
      "x in ()|x in ()",
      "x notin (abc,,def),bar,z in (),w|bar,w,x notin (,abc,def),z in ()",
      "x,y in (a)|x,y in (a)",
      "x=a|x=a",
      "x>1|x>1",
      "x<7|x<7",
      "x=a,y!=b|x=a,y!=b",
      "x=a,y!=b,z in (h,i,j)|x=a,y!=b,z in (h,i,j)",
      "x notin ( )|x notin ()",
      "'x notin (, a)'|x notin (,a)",
      "'a '|a",
      "'a in (x,y,notin, z,in)'|a in (in,notin,x,y,z)",
  })
  void setSelectorParser(String in, String out) {
    assertThat(LabelSelector.parse(in).toString()).isEqualTo(out);
  }

  @Test
  void parsedRequirementsCarryOperatorsAndSortedValues() {
    LabelSelector s = LabelSelector.parse("z in (h,j,i),x==a,!y");
    assertThat(s.requirements()).containsExactly(
        Requirement.of("x", Operator.DOUBLE_EQUALS, List.of("a")),
        Requirement.of("y", Operator.DOES_NOT_EXIST, List.of()),
        Requirement.of("z", Operator.IN, List.of("h", "i", "j")));
    assertThat(s.toString()).isEqualTo("x==a,!y,z in (h,i,j)");
  }

  /** Exact Kubernetes error texts for the invalid inputs of {@code TestSetSelectorParser} & co. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x,,y|found ',', expected: identifier after ','",
      ",x,y|found ',', expected: !, identifier, or 'end of string'",
      "x nott in (y)|unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
      "'a in (xyz),'|found '', expected: identifier after ','",
      "a in (xyz)b notin ()|found 'b', expected: ',' or 'end of string'",
      "a in (xyz abc)|unable to parse requirement: found 'abc', expected: ',' or ')'",
      "a notin(|unable to parse requirement: found '', expected: ',', ')' or identifier",
      "a (|unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
      "(|found '(', expected: !, identifier, or 'end of string'",
      "x in|unable to parse requirement: found '' expected: '('",
      "x==a==b|found '==', expected: ',' or 'end of string'",
      "!x=a|found '=', expected: ',' or 'end of string'",
      "x<a|unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
      "x<=5|unable to parse requirement: found '=', expected: identifier",
      "x=(a)|unable to parse requirement: found '(', expected: identifier",
      "!|unable to parse requirement: found '', expected: identifier",
      "x in (a,b|unable to parse requirement: found '', expected: ',' or ')'",
      "x=a=b|found '=', expected: ',' or 'end of string'",
  })
  void errorMessages(String in, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(in))
        .isInstanceOf(SelectorException.class)
        .hasMessage(message);
  }

  @Test
  void invalidValueMessage() {
    assertThatThrownBy(() -> LabelSelector.parse("x=a||y=b"))
        .hasMessage("unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid"
            + " label must be an empty string or consist of alphanumeric characters, '-', '_' or"
            + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
            + " 'my_value',  or '12345', regex used for validation is"
            + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }

  @Test
  void invalidKeyMessageUsesNilPath() {
    assertThatThrownBy(() -> LabelSelector.parse("-a=b"))
        .hasMessage("unable to parse requirement: <nil>: Invalid value: \"-a\": name part must"
            + " consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
            + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used"
            + " for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }

  @Test
  void tooLongValue() {
    String v = "a".repeat(64);
    assertThatThrownBy(() -> LabelSelector.parse("k=" + v))
        .hasMessageStartingWith("unable to parse requirement: values[0][k]: Invalid value: \""
            + v + "\": must be no more than 63 characters");
  }

  @Test
  void requiresExactMatch() {
    assertThat(LabelSelector.parse("x=value").requiresExactMatch("x")).hasValue("value");
    assertThat(LabelSelector.parse("x==value").requiresExactMatch("x")).hasValue("value");
    assertThat(LabelSelector.parse("x in (value)").requiresExactMatch("x")).hasValue("value");
    assertThat(LabelSelector.parse("x in (a,b)").requiresExactMatch("x")).isEmpty();
    assertThat(LabelSelector.parse("x!=value").requiresExactMatch("x")).isEmpty();
    assertThat(LabelSelector.parse("y=value").requiresExactMatch("x")).isEmpty();
    assertThat(LabelSelector.parse("x").requiresExactMatch("x")).isEmpty();
  }

  @Test
  void fromSetValidatesAndSorts() {
    assertThat(LabelSelector.fromSet(Map.of("b", "2", "a", "1")).toString()).isEqualTo("a=1,b=2");
    assertThatThrownBy(() -> LabelSelector.fromSet(Map.of("a", "b c")))
        .hasMessageStartingWith("values[0][a]: Invalid value: \"b c\": a valid label");
  }

  @Test
  void andAddsRequirements() {
    LabelSelector s = LabelSelector.parse("b=1").and(Requirement.of("a", Operator.EXISTS, List.of()));
    assertThat(s.toString()).isEqualTo("a,b=1");
    assertThat(LabelSelector.nothing().and(Requirement.of("a", Operator.EXISTS, List.of())).matchesNothing())
        .isTrue();
  }

  @Test
  void nullLabelsAreEmpty() {
    assertThat(LabelSelector.parse("!a").matches(null)).isTrue();
    assertThat(LabelSelector.parse("a").matches(null)).isFalse();
  }

  static Map<String, String> labels(String spec) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    if (spec.isEmpty()) {
      return m;
    }
    for (String kv : spec.split(";")) {
      int eq = kv.indexOf('=');
      String v = kv.substring(eq + 1);
      m.put(kv.substring(0, eq), v.equals("''") ? "" : v);
    }
    return m;
  }
}
