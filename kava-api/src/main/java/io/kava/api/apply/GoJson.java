package io.kava.api.apply;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact JSON as Go's {@code encoding/json} writes it (HTML-safe string escapes, integral
 * numbers without a fraction), so {@code k:}/{@code v:} keys match the ones Kubernetes writes.
 */
final class GoJson {
  private static final JsonMapper MAPPER = JsonMapper.shared();

  private GoJson() {}

  static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(sb, node);
    return sb.toString();
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("invalid JSON in field path element: " + json, e);
    }
  }

  static void write(StringBuilder sb, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isString()) {
      string(sb, node.stringValue());
    } else if (node.isBoolean()) {
      sb.append(node.booleanValue());
    } else if (node.isNumber()) {
      sb.append(number(node));
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, node.get(i));
      }
      sb.append(']');
    } else {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, e.getKey());
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    }
  }

  static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    BigDecimal d = node.decimalValue().stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
