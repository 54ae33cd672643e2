package io.kava.api.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An immutable field selector ({@code fields.Selector}): a conjunction of {@code field=value} /
 * {@code field!=value} terms. Values may escape {@code \}, {@code ,} and {@code =} with a
 * backslash; field names are taken literally (no whitespace trimming, as in Kubernetes).
 *
 * <p>Which fields a resource supports is the resource's business: the API server calls
 * {@link #requireSupported} (or reads {@link #requiredFields()}) before listing, and evaluates
 * {@link #matches} with a function that reads a field of one object.
 */
public final class FieldSelector {
  private static final FieldSelector EVERYTHING = new FieldSelector(List.of(), false);
  private static final FieldSelector NOTHING = new FieldSelector(List.of(), true);

  private final List<FieldRequirement> requirements;
  private final boolean nothing;

  private FieldSelector(List<FieldRequirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  public static FieldSelector everything() {
    return EVERYTHING;
  }

  public static FieldSelector nothing() {
    return NOTHING;
  }

  /**
   * Parses {@code ?fieldSelector=} text ({@code fields.ParseSelector}). Terms are sorted as
   * strings before parsing, so {@link #toString()} is canonical.
   *
   * @throws SelectorException e.g. {@code invalid selector: 'x'; can't understand 'x'}
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isEmpty()) {
      return EVERYTHING;
    }
    List<String> parts = splitTerms(selector);
    Collections.sort(parts);
    List<FieldRequirement> reqs = new ArrayList<>();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      int[] split = splitTerm(part);
      if (split == null) {
        throw new SelectorException(
            "invalid selector: '" + selector + "'; can't understand '" + part + "'");
      }
      String lhs = part.substring(0, split[0]);
      String rhs = unescapeValue(part.substring(split[0] + split[1]));
      boolean notEqual = split[1] == 2 && part.startsWith("!=", split[0]);
      reqs.add(new FieldRequirement(lhs, notEqual ? Operator.NOT_EQUALS : Operator.EQUALS, rhs));
    }
    return reqs.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(reqs), false);
  }

  /** {@code field=value} for every entry ({@code fields.SelectorFromSet}), sorted by field. */
  public static FieldSelector fromSet(Map<String, String> fields) {
    if (fields == null || fields.isEmpty()) {
      return EVERYTHING;
    }
    List<FieldRequirement> reqs = new ArrayList<>();
    new TreeMap<>(fields).forEach((f, v) -> reqs.add(new FieldRequirement(f, Operator.EQUALS, v)));
    return new FieldSelector(List.copyOf(reqs), false);
  }

  /** Shortcut for {@code metadata.name=<name>}-style single terms. */
  public static FieldSelector oneTermEqual(String field, String value) {
    return new FieldSelector(List.of(new FieldRequirement(field, Operator.EQUALS, value)), false);
  }

  /**
   * Whether the object satisfies every term. {@code fieldValue} returns a field's value, or
   * {@code null} (= empty string) for a field the object does not have.
   */
  public boolean matches(Function<String, String> fieldValue) {
    if (nothing) {
      return false;
    }
    for (FieldRequirement r : requirements) {
      if (!r.matches(fieldValue.apply(r.field()))) {
        return false;
      }
    }
    return true;
  }

  /** Same as {@link #matches(Function)} over a map of field values. */
  public boolean matches(Map<String, String> fields) {
    return matches(fields::get);
  }

  public List<FieldRequirement> requirements() {
    return requirements;
  }

  /** The distinct field names the terms refer to, sorted. */
  public SortedSet<String> requiredFields() {
    TreeSet<String> out = new TreeSet<>();
    for (FieldRequirement r : requirements) {
      out.add(r.field());
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Rejects terms on fields the resource cannot select on, with the message Kubernetes uses for
   * the 400 answer: {@code field label not supported: <field>}.
   */
  public FieldSelector requireSupported(Predicate<String> supported) {
    for (FieldRequirement r : requirements) {
      if (!supported.test(r.field())) {
        throw new SelectorException("field label not supported: " + r.field());
      }
    }
    return this;
  }

  /** The value a term pins {@code field} to ({@code field=v}), if any. */
  public Optional<String> requiresExactMatch(String field) {
    for (FieldRequirement r : requirements) {
      if (r.field().equals(field) && r.operator() == Operator.EQUALS) {
        return Optional.of(r.value());
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  public boolean matchesNothing() {
    return nothing;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (FieldRequirement r : requirements) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(r);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector s && nothing == s.nothing && requirements.equals(s.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + (nothing ? 1 : 0);
  }

  // ---- escaping -------------------------------------------------------------------------

  /** Escapes {@code \}, {@code ,} and {@code =} in a value ({@code fields.EscapeValue}). */
  public static String escapeValue(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == ',' || c == '=') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Reverses {@link #escapeValue}; an unknown escape, a trailing backslash or an unescaped
   * {@code ,}/{@code =} is an error ({@code fields.UnescapeValue}).
   */
  public static String unescapeValue(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf(',') < 0 && s.indexOf('=') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean inSlash = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (inSlash) {
        if (c == '\\' || c == ',' || c == '=') {
          sb.appendCodePoint(c);
        } else {
          throw new SelectorException("invalid field selector: invalid escape sequence: \\"
              + new String(Character.toChars(c)));
        }
        inSlash = false;
        continue;
      }
      switch (c) {
        case '\\' -> inSlash = true;
        case ',', '=' -> throw new SelectorException(
            "invalid field selector: unescaped character in value: " + c);
        default -> sb.appendCodePoint(c);
      }
    }
    if (inSlash) {
      throw new SelectorException("invalid field selector: invalid escape sequence: \\");
    }
    return sb.toString();
  }

  /** Splits on commas that are not backslash-escaped; keeps escapes in the terms. */
  static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    int start = 0;
    boolean inSlash = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (inSlash) {
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  /**
   * Finds the first operator ({@code !=}, then {@code ==}, then {@code =} at each position);
   * returns {index, operator length} or null.
   */
  static int[] splitTerm(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (term.startsWith("!=", i) || term.startsWith("==", i)) {
        return new int[] {i, 2};
      }
      if (term.charAt(i) == '=') {
        return new int[] {i, 1};
      }
    }
    return null;
  }
}
