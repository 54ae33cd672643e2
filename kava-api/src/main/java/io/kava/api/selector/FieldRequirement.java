package io.kava.api.selector;

import java.util.Objects;

/**
 * One term of a field selector: {@code field=value} ({@link Operator#EQUALS}; {@code ==} is the
 * same) or {@code field!=value} ({@link Operator#NOT_EQUALS}). The value is unescaped.
 */
public record FieldRequirement(String field, Operator operator, String value) {
  public FieldRequirement {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    if (operator != Operator.EQUALS && operator != Operator.NOT_EQUALS) {
      throw new IllegalArgumentException("field selectors support only = and !=, not " + operator);
    }
  }

  /** {@code fields.Fields.Get} semantics: a missing field reads as the empty string. */
  public boolean matches(String actual) {
    String v = actual == null ? "" : actual;
    return operator == Operator.EQUALS ? v.equals(value) : !v.equals(value);
  }

  @Override
  public String toString() {
    return field + (operator == Operator.EQUALS ? "=" : "!=") + FieldSelector.escapeValue(value);
  }
}
