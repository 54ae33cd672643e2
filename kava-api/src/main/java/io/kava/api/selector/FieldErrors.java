package io.kava.api.selector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Renders validation errors the way {@code k8s.io/apimachinery/pkg/util/validation/field} does
 * ({@code values[0][app]: Invalid value: "a b": <detail>}) and aggregates several of them
 * ({@code [e1, e2]}).
 */
final class FieldErrors {
  private final List<String> errors = new ArrayList<>();

  /** {@code field.Invalid(path, value, detail)} with a string value. */
  void invalid(String path, String value, String detail) {
    errors.add(path + ": Invalid value: " + GoText.quote(value) + ": " + detail);
  }

  /** {@code field.Invalid(path, values, detail)} with a {@code []string} value. */
  void invalid(String path, List<String> values, String detail) {
    errors.add(path + ": Invalid value: " + GoText.stringSlice(values) + ": " + detail);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Go's {@code utilerrors.Aggregate} text: one error as is, several as {@code [a, b]}. */
  String message() {
    LinkedHashSet<String> unique = new LinkedHashSet<>(errors);
    if (unique.size() == 1) {
      return unique.iterator().next();
    }
    return "[" + String.join(", ", unique) + "]";
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new SelectorException(message());
    }
  }
}
