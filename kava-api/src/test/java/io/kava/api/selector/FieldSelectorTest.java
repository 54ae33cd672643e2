package io.kava.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from apimachinery {@code pkg/fields/selector_test.go} (v0.33.0). */
class FieldSelectorTest {

  @Test
  void splitTerms() {
    assertThat(FieldSelector.splitTerms("a")).containsExactly("a");
    assertThat(FieldSelector.splitTerms("a=avalue,b=bvalue")).containsExactly("a=avalue", "b=bvalue");
    assertThat(FieldSelector.splitTerms("a=avalue,b==bvalue,c!=cvalue"))
        .containsExactly("a=avalue", "b==bvalue", "c!=cvalue");
    assertThat(FieldSelector.splitTerms("a=a,")).containsExactly("a=a", "");
    assertThat(FieldSelector.splitTerms(",a=a")).containsExactly("", "a=a");
    assertThat(FieldSelector.splitTerms("k=\\,,k2=v2")).containsExactly("k=\\,", "k2=v2");
    assertThat(FieldSelector.splitTerms("k=\\\\,k2=v2")).containsExactly("k=\\\\", "k2=v2");
    assertThat(FieldSelector.splitTerms("k=\\\\\\,,k2=v2")).containsExactly("k=\\\\\\,", "k2=v2");
    assertThat(FieldSelector.splitTerms("k=\\a\\b\\")).containsExactly("k=\\a\\b\\");
    assertThat(FieldSelector.splitTerms("k=\\")).containsExactly("k=\\");
    assertThat(FieldSelector.splitTerms("함=수,목=록")).containsExactly("함=수", "목=록");
  }

  @Test
  void splitTerm() {
    assertThat(FieldSelector.splitTerm("a=value")).containsExactly(1, 1);
    assertThat(FieldSelector.splitTerm("b==value")).containsExactly(1, 2);
    assertThat(FieldSelector.splitTerm("c!=value")).containsExactly(1, 2);
    assertThat(FieldSelector.splitTerm("")).isNull();
    assertThat(FieldSelector.splitTerm("a")).isNull();
    assertThat(FieldSelector.splitTerm("k=\\\\\\a\\b\\=\\,\\")).containsExactly(1, 1);
    assertThat(FieldSelector.splitTerm("함=수")).containsExactly(1, 1);
  }

  @Test
  void escapeRoundTrip() {
    Map<String, String> cases = Map.of(
        "", "", "a", "a", "=", "\\=", ",", "\\,", "\\", "\\\\", "\\=\\,\\", "\\\\\\=\\\\\\,\\\\");
    cases.forEach((raw, escaped) -> {
      assertThat(FieldSelector.escapeValue(raw)).isEqualTo(escaped);
      assertThat(FieldSelector.unescapeValue(escaped)).isEqualTo(raw);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\", "\\\\\\", "\\a"})
  void invalidEscapes(String value) {
    assertThatThrownBy(() -> FieldSelector.unescapeValue(value))
        .isInstanceOf(SelectorException.class)
        .hasMessageStartingWith("invalid field selector: invalid escape sequence: \\");
  }

  @Test
  void unescapedSpecialCharacter() {
    assertThatThrownBy(() -> FieldSelector.parse("x==a==b"))
        .hasMessage("invalid field selector: unescaped character in value: 61");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x=a,y=b,z=c", "", "x!=a,y=b", "x=a||y\\=b", "x=a\\=\\=b"})
  void goodStringsRoundTrip(String in) {
    assertThat(FieldSelector.parse(in).toString()).isEqualTo(in);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x=a||y=b", "x==a==b", "x=a,b", "x in (a)", "x in (a,b,c)", "x"})
  void badStrings(String in) {
    assertThatThrownBy(() -> FieldSelector.parse(in)).isInstanceOf(SelectorException.class);
  }

  @Test
  void cantUnderstandMessage() {
    assertThatThrownBy(() -> FieldSelector.parse("x=a,b"))
        .hasMessage("invalid selector: 'x=a,b'; can't understand 'b'");
  }

  @Test
  void deterministic() {
    assertThat(FieldSelector.parse("x=a,a=x").toString())
        .isEqualTo(FieldSelector.parse("a=x,x=a").toString())
        .isEqualTo("a=x,x=a");
  }

  @Test
  void matches() {
    expectMatch("", Map.of("x", "y"));
    expectMatch("x=y", Map.of("x", "y"));
    expectMatch("x=y,z=w", Map.of("x", "y", "z", "w"));
    expectMatch("x!=y,z!=w", Map.of("x", "z", "z", "a"));
    expectMatch("notin=in", Map.of("notin", "in"));
    expectNoMatch("x=y", Map.of("x", "z"));
    expectNoMatch("x=y,z=w", Map.of("x", "w", "z", "w"));
    expectNoMatch("x!=y,z!=w", Map.of("x", "z", "z", "w"));
    Map<String, String> fields = Map.of("foo", "bar", "baz", "blah", "complex", "=value\\,\\");
    expectMatch("foo=bar", fields);
    expectMatch("baz=blah", fields);
    expectMatch("foo=bar,baz=blah", fields);
    expectMatch("foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\", fields);
    expectNoMatch("foo=blah", fields);
    expectNoMatch("baz=bar", fields);
    expectNoMatch("foo=bar,foobar=bar,baz=blah", fields);
    // A missing field reads as "".
    expectMatch("missing=", Map.of());
    expectMatch("missing!=x", Map.of());
  }

  @Test
  void doubleEqualsIsEquals() {
    FieldSelector s = FieldSelector.parse("metadata.name==web");
    assertThat(s.toString()).isEqualTo("metadata.name=web");
    assertThat(s.requirements())
        .containsExactly(new FieldRequirement("metadata.name", Operator.EQUALS, "web"));
  }

  @Test
  void requiredFieldsAndSupportCheck() {
    FieldSelector s = FieldSelector.parse(
        "involvedObject.name=web,involvedObject.kind=Pod,involvedObject.name!=x");
    assertThat(s.requiredFields()).containsExactly("involvedObject.kind", "involvedObject.name");
    s.requireSupported(Set.of("involvedObject.kind", "involvedObject.name")::contains);
    assertThatThrownBy(() -> FieldSelector.parse("spec.foo=bar,metadata.name=x")
            .requireSupported(Set.of("metadata.name", "metadata.namespace")::contains))
        .isInstanceOf(SelectorException.class)
        .hasMessage("field label not supported: spec.foo");
  }

  @Test
  void requiresExactMatch() {
    assertThat(FieldSelector.parse("").requiresExactMatch("test")).isEmpty();
    assertThat(FieldSelector.parse("a=b").requiresExactMatch("test")).isEmpty();
    assertThat(FieldSelector.parse("test=b").requiresExactMatch("test")).hasValue("b");
    assertThat(FieldSelector.parse("test=").requiresExactMatch("test")).hasValue("");
    assertThat(FieldSelector.parse("test!=b").requiresExactMatch("test")).isEmpty();
    assertThat(FieldSelector.parse("a=,test=b").requiresExactMatch("test")).hasValue("b");
  }

  @Test
  void everythingNothingAndSets() {
    assertThat(FieldSelector.everything().matches(Map.of("x", "y"))).isTrue();
    assertThat(FieldSelector.everything().isEmpty()).isTrue();
    assertThat(FieldSelector.nothing().matches(Map.of())).isFalse();
    assertThat(FieldSelector.fromSet(Map.of()).isEmpty()).isTrue();
    assertThat(FieldSelector.fromSet(Map.of("foo", "bar")).matches(Map.of("foo", "bar", "baz", "blah")))
        .isTrue();
    assertThat(FieldSelector.fromSet(Map.of("foo", "=blah")).matches(Map.of("foo", "bar"))).isFalse();
    assertThat(FieldSelector.fromSet(Map.of("b", "1", "a", "x,y")).toString()).isEqualTo("a=x\\,y,b=1");
    assertThat(FieldSelector.oneTermEqual("x", "y").matches(Map.of("x", "y"))).isTrue();
    assertThat(FieldSelector.oneTermEqual("x", "y").matches(Map.of("x", "z"))).isFalse();
    assertThat(FieldSelector.parse(",,").isEmpty()).isTrue();
  }

  @Test
  void matchesWithAFunction() {
    FieldSelector s = FieldSelector.parse("metadata.name=web,spec.nodeName!=");
    assertThat(s.matches(f -> f.equals("metadata.name") ? "web" : "node-1")).isTrue();
    assertThat(s.matches(f -> f.equals("metadata.name") ? "web" : null)).isFalse();
    assertThat(s.requirements()).extracting(FieldRequirement::field)
        .isEqualTo(List.of("metadata.name", "spec.nodeName"));
  }

  private static void expectMatch(String selector, Map<String, String> fields) {
    assertThat(FieldSelector.parse(selector).matches(fields)).as(selector).isTrue();
  }

  private static void expectNoMatch(String selector, Map<String, String> fields) {
    assertThat(FieldSelector.parse(selector).matches(fields)).as(selector).isFalse();
  }
}
