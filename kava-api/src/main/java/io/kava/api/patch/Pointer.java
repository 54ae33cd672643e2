package io.kava.api.patch;

import java.util.ArrayList;
import java.util.List;

/** An RFC 6901 JSON Pointer: {@code ""} is the whole document, {@code ~1} is '/', {@code ~0} '~'. */
record Pointer(String text, List<String> tokens) {

  static Pointer parse(String text) {
    if (text.isEmpty()) {
      return new Pointer(text, List.of());
    }
    if (text.charAt(0) != '/') {
      throw PatchException.badRequest(
          "invalid JSON pointer \"" + text + "\": must be empty or start with '/'");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      tokens.add(unescape(raw, text));
    }
    return new Pointer(text, List.copyOf(tokens));
  }

  private static String unescape(String raw, String text) {
    if (raw.indexOf('~') < 0) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '~') {
        sb.append(c);
        continue;
      }
      char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
      if (next == '0') {
        sb.append('~');
      } else if (next == '1') {
        sb.append('/');
      } else {
        throw PatchException.badRequest(
            "invalid JSON pointer \"" + text + "\": '~' must be followed by '0' or '1'");
      }
      i++;
    }
    return sb.toString();
  }

  boolean isRoot() {
    return tokens.isEmpty();
  }

  Pointer parent() {
    return new Pointer(text.substring(0, text.lastIndexOf('/')), tokens.subList(0, tokens.size() - 1));
  }

  String last() {
    return tokens.get(tokens.size() - 1);
  }

  /** True if {@code this} names an ancestor of {@code other} (not {@code other} itself). */
  boolean isProperPrefixOf(Pointer other) {
    return tokens.size() < other.tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  @Override
  public String toString() {
    return text;
  }
}
