package io.kava.api.selector;

import java.util.List;

/** Go {@code fmt} renderings that Kubernetes messages contain ({@code %q}, {@code %#v}). */
final class GoText {
  private GoText() {}

  /** Go's {@code %q} for a string. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
            sb.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Go's {@code %#v} for a {@code []string}; an empty list prints as the nil slice. */
  static String stringSlice(List<String> values) {
    if (values.isEmpty()) {
      return "[]string(nil)";
    }
    StringBuilder sb = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(quote(values.get(i)));
    }
    return sb.append('}').toString();
  }
}
