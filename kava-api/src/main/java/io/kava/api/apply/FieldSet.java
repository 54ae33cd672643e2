package io.kava.api.apply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable set of {@link FieldPath}s stored as a trie, with the {@code FieldsV1} JSON form
 * Kubernetes writes into {@code managedFields[].fieldsV1} ({@code fieldpath.Set}).
 *
 * <p>At each level, {@code members} are the paths that end here and {@code children} the subsets
 * below a prefix. In JSON a member is {@code "f:x": {}}; a prefix that is also a member carries
 * {@code ".": {}} among its children.
 */
public final class FieldSet {
  private static final FieldSet EMPTY =
      new FieldSet(Collections.emptyNavigableSet(), Collections.emptyNavigableMap());

  private final NavigableSet<PathElement> members;
  private final NavigableMap<PathElement, FieldSet> children;

  private FieldSet(NavigableSet<PathElement> members, NavigableMap<PathElement, FieldSet> children) {
    this.members = members;
    this.children = children;
  }

  public static FieldSet empty() {
    return EMPTY;
  }

  public static FieldSet of(FieldPath... paths) {
    return of(List.of(paths));
  }

  public static FieldSet of(Collection<FieldPath> paths) {
    Builder b = new Builder();
    paths.forEach(b::insert);
    return b.build();
  }

  /** Parses a {@code fieldsV1} object. */
  public static FieldSet fromJson(JsonNode fieldsV1) {
    if (fieldsV1 == null || fieldsV1.isNull() || fieldsV1.isMissingNode()) {
      return EMPTY;
    }
    if (!fieldsV1.isObject()) {
      throw new IllegalArgumentException("fieldsV1 must be an object");
    }
    return parseLevel(fieldsV1);
  }

  private static FieldSet parseLevel(JsonNode node) {
    TreeSet<PathElement> members = new TreeSet<>();
    TreeMap<PathElement, FieldSet> children = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equals(".")) {
        continue;
      }
      PathElement pe = PathElement.parse(e.getKey());
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        throw new IllegalArgumentException("fieldsV1 value for " + e.getKey() + " must be an object");
      }
      if (v.isEmpty() || v.has(".")) {
        members.add(pe);
      }
      FieldSet child = parseLevel(v);
      if (!child.isEmpty()) {
        children.put(pe, child);
      }
    }
    return make(members, children);
  }

  /** The {@code fieldsV1} object. */
  public ObjectNode toJson() {
    return toJson(false);
  }

  private ObjectNode toJson(boolean includeSelf) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (includeSelf && !isEmpty()) {
      out.putObject(".");
    }
    TreeSet<PathElement> all = new TreeSet<>(members);
    all.addAll(children.keySet());
    for (PathElement pe : all) {
      FieldSet child = children.get(pe);
      out.set(pe.serialize(), child == null
          ? JsonNodeFactory.instance.objectNode()
          : child.toJson(members.contains(pe)));
    }
    return out;
  }

  public boolean isEmpty() {
    return members.isEmpty() && children.isEmpty();
  }

  /** Whether {@code path} itself is in the set (not merely a prefix of something in it). */
  public boolean contains(FieldPath path) {
    FieldSet level = this;
    List<PathElement> es = path.elements();
    for (int i = 0; i < es.size() - 1; i++) {
      level = level.children.get(es.get(i));
      if (level == null) {
        return false;
      }
    }
    return !es.isEmpty() && level.members.contains(es.get(es.size() - 1));
  }

  /** Whether {@code pe} ends a path at this level. */
  public boolean hasMember(PathElement pe) {
    return members.contains(pe);
  }

  /** The subset below {@code pe} (paths with {@code pe} stripped), possibly empty. */
  public FieldSet child(PathElement pe) {
    return children.getOrDefault(pe, EMPTY);
  }

  public FieldSet union(FieldSet o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    TreeSet<PathElement> m = new TreeSet<>(members);
    m.addAll(o.members);
    TreeMap<PathElement, FieldSet> c = new TreeMap<>(children);
    o.children.forEach((pe, set) -> c.merge(pe, set, FieldSet::union));
    return make(m, c);
  }

  public FieldSet intersection(FieldSet o) {
    TreeSet<PathElement> m = new TreeSet<>(members);
    m.retainAll(o.members);
    TreeMap<PathElement, FieldSet> c = new TreeMap<>();
    children.forEach((pe, set) -> {
      FieldSet other = o.children.get(pe);
      if (other != null) {
        FieldSet i = set.intersection(other);
        if (!i.isEmpty()) {
          c.put(pe, i);
        }
      }
    });
    return make(m, c);
  }

  /** Paths in this set that are not in {@code o}. */
  public FieldSet difference(FieldSet o) {
    if (o.isEmpty() || isEmpty()) {
      return this;
    }
    TreeSet<PathElement> m = new TreeSet<>(members);
    m.removeAll(o.members);
    TreeMap<PathElement, FieldSet> c = new TreeMap<>();
    children.forEach((pe, set) -> {
      FieldSet other = o.children.get(pe);
      FieldSet d = other == null ? set : set.difference(other);
      if (!d.isEmpty()) {
        c.put(pe, d);
      }
    });
    return make(m, c);
  }

  /**
   * Paths in this set that neither are in {@code prefixes} nor lie below a path in it
   * ({@code Set.RecursiveDifference}); used for reset/ignored fields such as {@code status}.
   */
  public FieldSet withoutPrefixes(FieldSet prefixes) {
    if (prefixes.isEmpty() || isEmpty()) {
      return this;
    }
    TreeSet<PathElement> m = new TreeSet<>(members);
    m.removeAll(prefixes.members);
    TreeMap<PathElement, FieldSet> c = new TreeMap<>();
    children.forEach((pe, set) -> {
      if (prefixes.members.contains(pe)) {
        return;
      }
      FieldSet other = prefixes.children.get(pe);
      FieldSet d = other == null ? set : set.withoutPrefixes(other);
      if (!d.isEmpty()) {
        c.put(pe, d);
      }
    });
    return make(m, c);
  }

  /** Every path, depth first in element order. */
  public List<FieldPath> paths() {
    List<FieldPath> out = new ArrayList<>();
    collect(new ArrayList<>(), out);
    return out;
  }

  private void collect(List<PathElement> prefix, List<FieldPath> out) {
    TreeSet<PathElement> all = new TreeSet<>(members);
    all.addAll(children.keySet());
    for (PathElement pe : all) {
      prefix.add(pe);
      if (members.contains(pe)) {
        out.add(new FieldPath(prefix));
      }
      FieldSet child = children.get(pe);
      if (child != null) {
        child.collect(prefix, out);
      }
      prefix.remove(prefix.size() - 1);
    }
  }

  public int size() {
    int n = members.size();
    for (FieldSet c : children.values()) {
      n += c.size();
    }
    return n;
  }

  private static FieldSet make(TreeSet<PathElement> members, TreeMap<PathElement, FieldSet> children) {
    if (members.isEmpty() && children.isEmpty()) {
      return EMPTY;
    }
    return new FieldSet(Collections.unmodifiableNavigableSet(members),
        Collections.unmodifiableNavigableMap(children));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet s && members.equals(s.members) && children.equals(s.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(members, children);
  }

  /** The FieldsV1 JSON text. */
  @Override
  public String toString() {
    return toJson().toString();
  }

  /** Mutable accumulator used while walking objects. */
  static final class Builder {
    private final TreeSet<PathElement> members = new TreeSet<>();
    private final TreeMap<PathElement, Builder> children = new TreeMap<>();

    Builder insert(FieldPath path) {
      List<PathElement> es = path.elements();
      if (es.isEmpty()) {
        return this;
      }
      Builder level = this;
      for (int i = 0; i < es.size() - 1; i++) {
        level = level.children.computeIfAbsent(es.get(i), k -> new Builder());
      }
      level.members.add(es.get(es.size() - 1));
      return this;
    }

    FieldSet build() {
      TreeMap<PathElement, FieldSet> c = new TreeMap<>();
      children.forEach((pe, b) -> {
        FieldSet s = b.build();
        if (!s.isEmpty()) {
          c.put(pe, s);
        }
      });
      return make(new TreeSet<>(members), c);
    }
  }
}
