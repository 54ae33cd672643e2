package io.kava.api.patch;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: JSON with single quotes allowed, and JSON-semantic equality assertions. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  private Json() {}

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  static void assertJson(JsonNode actual, String expected) {
    JsonNode e = json(expected);
    assertThat(JsonValues.equal(actual, e))
        .as("expected %s%n     got %s", e, actual)
        .isTrue();
  }
}
