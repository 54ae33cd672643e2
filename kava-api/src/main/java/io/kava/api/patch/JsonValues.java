package io.kava.api.patch;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON value semantics over Jackson trees: equality where {@code 1}, {@code 1.0} and a long
 * {@code 1} are the same number and object member order does not matter. Jackson's own
 * {@code equals} compares node classes, which a patch engine must not.
 */
public final class JsonValues {
  /** The six JSON value kinds. */
  public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  private JsonValues() {}

  /** The kind of a node; Java {@code null} and missing nodes count as {@link Kind#NULL}. */
  public static Kind kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Kind.NULL;
    }
    if (node.isObject()) {
      return Kind.OBJECT;
    }
    if (node.isArray()) {
      return Kind.ARRAY;
    }
    if (node.isNumber()) {
      return Kind.NUMBER;
    }
    if (node.isBoolean()) {
      return Kind.BOOLEAN;
    }
    return Kind.STRING;
  }

  /** JSON equality (see class comment). Java {@code null} equals only {@code null}. */
  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    Kind ka = kind(a);
    if (ka != kind(b)) {
      return false;
    }
    switch (ka) {
      case NULL:
        return true;
      case NUMBER:
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
          return a.bigIntegerValue().equals(b.bigIntegerValue());
        }
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
      case STRING:
        return a.stringValue().equals(b.stringValue());
      case BOOLEAN:
        return a.booleanValue() == b.booleanValue();
      case ARRAY: {
        if (a.size() != b.size()) {
          return false;
        }
        for (int i = 0; i < a.size(); i++) {
          if (!equal(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      case OBJECT: {
        if (a.size() != b.size()) {
          return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          JsonNode other = b.get(e.getKey());
          if (other == null || !equal(e.getValue(), other)) {
            return false;
          }
        }
        return true;
      }
      default:
        return false;
    }
  }

  /** Index of the first element of {@code array} equal to {@code value}, or -1. */
  static int indexOf(Iterable<JsonNode> array, JsonNode value) {
    int i = 0;
    for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); i++) {
      if (equal(it.next(), value)) {
        return i;
      }
    }
    return -1;
  }
}
