package io.kava.api.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from the object root to a field, list element or set value
 * ({@code fieldpath.Path}). {@link #toString()} is the form Kubernetes prints in apply conflicts:
 * {@code .spec.template.spec.containers[name="nginx"].image}.
 */
public record FieldPath(List<PathElement> elements) implements Comparable<FieldPath> {
  public FieldPath {
    elements = List.copyOf(elements);
  }

  public static FieldPath of(PathElement... elements) {
    return new FieldPath(List.of(elements));
  }

  /** A path of field names only: {@code FieldPath.fields("spec", "replicas")}. */
  public static FieldPath fields(String... names) {
    List<PathElement> out = new ArrayList<>();
    for (String n : names) {
      out.add(new PathElement.Field(n));
    }
    return new FieldPath(out);
  }

  public FieldPath child(PathElement e) {
    List<PathElement> out = new ArrayList<>(elements.size() + 1);
    out.addAll(elements);
    out.add(e);
    return new FieldPath(out);
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  @Override
  public int compareTo(FieldPath o) {
    int n = Math.min(elements.size(), o.elements.size());
    for (int i = 0; i < n; i++) {
      int c = elements.get(i).compareTo(o.elements.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(elements.size(), o.elements.size());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (PathElement e : elements) {
      sb.append(e);
    }
    return sb.toString();
  }
}
