package io.kava.api.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Go's {@code %v} rendering of decoded JSON, for error texts that quote Kubernetes verbatim. */
final class GoFormat {
  private GoFormat() {}

  static String value(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    append(sb, node);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonNode node) {
    switch (JsonValues.kind(node)) {
      case NULL -> sb.append("<nil>");
      case STRING -> sb.append(node.stringValue());
      case BOOLEAN -> sb.append(node.booleanValue());
      case NUMBER -> sb.append(node.isIntegralNumber()
          ? node.bigIntegerValue().toString()
          : node.decimalValue().stripTrailingZeros().toPlainString());
      case ARRAY -> {
        sb.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          append(sb, node.get(i));
        }
        sb.append(']');
      }
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
        entries.sort(Map.Entry.comparingByKey());
        sb.append("map[");
        for (int i = 0; i < entries.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          sb.append(entries.get(i).getKey()).append(':');
          append(sb, entries.get(i).getValue());
        }
        sb.append(']');
      }
    }
  }
}
