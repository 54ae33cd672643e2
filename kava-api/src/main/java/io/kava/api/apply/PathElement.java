package io.kava.api.apply;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of a {@link FieldPath} ({@code fieldpath.PathElement}): a struct/map field, the key of
 * an associative-list element, the value of a set element, or a list index. Equality is by
 * canonical JSON, so {@code 80} and {@code 80.0} are the same key.
 */
public sealed interface PathElement extends Comparable<PathElement>
    permits PathElement.Field, PathElement.Key, PathElement.Value, PathElement.Index {

  /** {@code f:<name>} / {@code .name}. */
  record Field(String name) implements PathElement {
    @Override
    public String serialize() {
      return "f:" + name;
    }

    @Override
    public String toString() {
      return "." + name;
    }
  }

  /** {@code k:{"name":"x"}} / {@code [name="x"]}: key fields of an associative-list element. */
  record Key(SortedMap<String, JsonNode> fields, String json) implements PathElement {
    /** Sorts the fields by name, as Kubernetes does, and derives {@code json} from them. */
    public Key {
      TreeMap<String, JsonNode> sorted = new TreeMap<>(fields);
      ObjectNode obj = JsonNodeFactory.instance.objectNode();
      sorted.forEach(obj::set);
      fields = Collections.unmodifiableSortedMap(sorted);
      json = GoJson.write(obj);
    }

    public static Key of(Map<String, JsonNode> fields) {
      return new Key(new TreeMap<>(fields), null);
    }

    @Override
    public String serialize() {
      return "k:" + json;
    }

    /** {@code [name="nginx"]}, {@code [containerPort=80,protocol="TCP"]}. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("[");
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(e.getKey()).append('=').append(valueString(e.getValue()));
      }
      return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && json.equals(k.json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }
  }

  /** {@code v:"foo"} / {@code [="foo"]}: an element of a set-like list. */
  record Value(JsonNode value, String json) implements PathElement {
    /** Derives {@code json} from the value. */
    public Value {
      json = GoJson.write(value);
    }

    public static Value of(JsonNode value) {
      return new Value(value, null);
    }

    @Override
    public String serialize() {
      return "v:" + json;
    }

    @Override
    public String toString() {
      return "[=" + valueString(value) + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Value v && json.equals(v.json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }
  }

  /** {@code i:3} / {@code [3]}: a position in an atomic-by-index list. */
  record Index(int index) implements PathElement {
    @Override
    public String serialize() {
      return "i:" + index;
    }

    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** The FieldsV1 key form. */
  String serialize();

  /** Parses a FieldsV1 key ({@code f:}, {@code k:}, {@code v:}, {@code i:}). */
  static PathElement parse(String s) {
    if (s.length() < 2 || s.charAt(1) != ':') {
      throw new IllegalArgumentException("invalid field path element: " + s);
    }
    String body = s.substring(2);
    return switch (s.charAt(0)) {
      case 'f' -> new Field(body);
      case 'k' -> {
        JsonNode obj = GoJson.read(body);
        if (!obj.isObject()) {
          throw new IllegalArgumentException("invalid key field path element: " + s);
        }
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        obj.forEachEntry(fields::put);
        yield Key.of(fields);
      }
      case 'v' -> Value.of(GoJson.read(body));
      case 'i' -> {
        try {
          yield new Index(Integer.parseInt(body));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("invalid index field path element: " + s, e);
        }
      }
      default -> throw new IllegalArgumentException("unknown field path element type: " + s);
    };
  }

  /** Order: fields, then keys, then values, then indices; within a type by name/JSON/number. */
  @Override
  default int compareTo(PathElement o) {
    int c = Integer.compare(typeRank(this), typeRank(o));
    return c != 0 ? c : sortKey(this).compareTo(sortKey(o));
  }

  private static int typeRank(PathElement e) {
    return switch (e) {
      case Field f -> 0;
      case Key k -> 1;
      case Value v -> 2;
      case Index i -> 3;
    };
  }

  private static String sortKey(PathElement e) {
    return switch (e) {
      case Field f -> f.name();
      case Key k -> k.json();
      case Value v -> v.json();
      case Index i -> String.format("%010d", i.index());
    };
  }

  /** smd's {@code value.ToString}: strings quoted, numbers and booleans bare. */
  private static String valueString(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isString()) {
      return GoJson.write(v);
    }
    if (v.isNumber()) {
      return GoJson.number(v);
    }
    return GoJson.write(v);
  }
}
