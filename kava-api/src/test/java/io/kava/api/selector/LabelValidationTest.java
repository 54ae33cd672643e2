package io.kava.api.selector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Cases from apimachinery {@code pkg/util/validation/validation_test.go}. */
class LabelValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
      "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple",
      "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678",
      "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo",
      "prefix/requests.storage-foo"})
  void goodQualifiedNames(String name) {
    assertThat(LabelValidation.qualifiedNameErrors(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash",
      "Example.com/abc", "example_com/abc", "example.com/", "/simple", "", " ", "a b"})
  void badQualifiedNames(String name) {
    assertThat(LabelValidation.qualifiedNameErrors(name)).isNotEmpty();
  }

  @Test
  void qualifiedNameLength() {
    assertThat(LabelValidation.qualifiedNameErrors("a".repeat(63))).isEmpty();
    assertThat(LabelValidation.qualifiedNameErrors("a".repeat(64)))
        .containsExactly("name part must be no more than 63 characters");
    assertThat(LabelValidation.qualifiedNameErrors("/a")).containsExactly("prefix part must be non-empty");
    assertThat(LabelValidation.qualifiedNameErrors("Example.com/abc")).containsExactly(
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
            + " characters, '-' or '.', and must start and end with an alphanumeric character"
            + " (e.g. 'example.com', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1",
      "1234", "", "Uppercase_Is_OK_123", "a.b_c-d"})
  void goodLabelValues(String value) {
    assertThat(LabelValidation.labelValueErrors(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\",
      "-starts-with-dash", "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", "a b"})
  void badLabelValues(String value) {
    assertThat(LabelValidation.labelValueErrors(value)).isNotEmpty();
  }

  @Test
  void dnsLabels() {
    assertThat(LabelValidation.dns1123LabelErrors("my-name")).isEmpty();
    assertThat(LabelValidation.dns1123LabelErrors("a.b")).containsExactly("must not contain dots");
    assertThat(LabelValidation.dns1123LabelErrors("A")).hasSize(1);
    assertThat(LabelValidation.dns1123SubdomainErrors("a.b.c")).isEmpty();
    assertThat(LabelValidation.dns1123SubdomainErrors("a".repeat(254)))
        .contains("must be no more than 253 characters");
  }
}
