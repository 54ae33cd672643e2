package io.kava.api.selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One term of a label selector: a key, an operator and its values ({@code labels.Requirement}).
 * Immutable. Create with {@link #of}, which applies Kubernetes' {@code NewRequirement} rules.
 */
public final class Requirement {
  private final String key;
  private final Operator operator;
  private final List<String> values;

  private Requirement(String key, Operator operator, List<String> values) {
    this.key = key;
    this.operator = operator;
    this.values = values;
  }

  /**
   * Validates and builds a requirement, as {@code labels.NewRequirement}:
   * in/notin need at least one value, =/==/!= exactly one, exists/!exists none, gt/lt exactly one
   * integer; the key must be a qualified name and every value a valid label value.
   *
   * @throws SelectorException with Kubernetes' aggregated field-error text
   */
  public static Requirement of(String key, Operator operator, Collection<String> values) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    List<String> vals = List.copyOf(values == null ? List.of() : values);
    FieldErrors errs = new FieldErrors();
    List<String> keyErrs = LabelValidation.qualifiedNameErrors(key);
    if (!keyErrs.isEmpty()) {
      errs.invalid("key", key, String.join("; ", keyErrs));
    }
    switch (operator) {
      case IN, NOT_IN -> {
        if (vals.isEmpty()) {
          errs.invalid("values", vals, "for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (vals.size() != 1) {
          errs.invalid("values", vals, "exact-match compatibility requires one single value");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!vals.isEmpty()) {
          errs.invalid("values", vals, "values set must be empty for exists and does not exist");
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (vals.size() != 1) {
          errs.invalid("values", vals, "for 'Gt', 'Lt' operators, exactly one value is required");
        }
        for (int i = 0; i < vals.size(); i++) {
          if (parseInt64(vals.get(i)) == null) {
            errs.invalid("values[" + i + "]", vals.get(i),
                "for 'Gt', 'Lt' operators, the value must be an integer");
          }
        }
      }
    }
    for (int i = 0; i < vals.size(); i++) {
      List<String> valueErrs = LabelValidation.labelValueErrors(vals.get(i));
      if (!valueErrs.isEmpty()) {
        errs.invalid("values[" + i + "][" + key + "]", vals.get(i), String.join("; ", valueErrs));
      }
    }
    errs.throwIfAny();
    return new Requirement(key, operator, vals);
  }

  public String key() {
    return key;
  }

  public Operator operator() {
    return operator;
  }

  /** The values in the order given (the parser gives them sorted and de-duplicated). */
  public List<String> values() {
    return values;
  }

  /** Whether a set of labels satisfies this requirement ({@code Requirement.Matches}). */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    boolean present = value != null || labels.containsKey(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> present && values.contains(nullToEmpty(value));
      case NOT_IN, NOT_EQUALS -> !present || !values.contains(nullToEmpty(value));
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GREATER_THAN, LESS_THAN -> {
        if (!present || values.size() != 1) {
          yield false;
        }
        Long actual = parseInt64(nullToEmpty(value));
        Long bound = parseInt64(values.get(0));
        if (actual == null || bound == null) {
          yield false;
        }
        yield operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
      }
    };
  }

  /** Canonical text: {@code key=v}, {@code key in (a,b)}, {@code !key}, {@code key>5}, ... */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (operator == Operator.DOES_NOT_EXIST) {
      sb.append('!');
    }
    sb.append(key);
    switch (operator) {
      case EQUALS -> sb.append('=');
      case DOUBLE_EQUALS -> sb.append("==");
      case NOT_EQUALS -> sb.append("!=");
      case IN -> sb.append(" in ");
      case NOT_IN -> sb.append(" notin ");
      case GREATER_THAN -> sb.append('>');
      case LESS_THAN -> sb.append('<');
      case EXISTS, DOES_NOT_EXIST -> {
        return sb.toString();
      }
    }
    boolean set = operator == Operator.IN || operator == Operator.NOT_IN;
    if (set) {
      sb.append('(');
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    sb.append(String.join(",", sorted));
    if (set) {
      sb.append(')');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Requirement r
        && key.equals(r.key) && operator == r.operator && values.equals(r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, operator, values);
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, decimal digits, 64-bit range. */
  static Long parseInt64(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int start = (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (start == s.length()) {
      return null;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
