package io.kava.api.selector;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * An immutable label selector: a conjunction of {@link Requirement}s, kept sorted by key so that
 * {@link #toString()} is canonical ({@code labels.Selector}).
 *
 * <p>Three shapes exist, as in Kubernetes: {@link #everything()} (no requirements, matches all
 * label sets), {@link #nothing()} (matches none; what a missing structured selector means) and a
 * list of requirements.
 */
public final class LabelSelector {
  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<Requirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /** The selector that matches every label set (also what {@code ""} parses to). */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** The selector that matches no label set (a {@code null} structured selector). */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * Parses the string form used in {@code ?labelSelector=} and by {@code kubectl -l}.
   *
   * @throws SelectorException with Kubernetes' message, e.g.
   *     {@code unable to parse requirement: found '', expected: '('}
   */
  public static LabelSelector parse(String selector) {
    if (selector == null) {
      return EVERYTHING;
    }
    return of(LabelSelectorParser.parse(selector));
  }

  /** A selector from requirements (sorted by key, stably). */
  public static LabelSelector of(List<Requirement> requirements) {
    if (requirements.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    return new LabelSelector(List.copyOf(sorted), false);
  }

  /** {@code key=value} for every entry, validated ({@code labels.ValidatedSelectorFromSet}). */
  public static LabelSelector fromSet(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, List.of(v))));
    return of(reqs);
  }

  /**
   * The structured {@code metav1.LabelSelector} JSON ({@code matchLabels} +
   * {@code matchExpressions}), as {@code metav1.LabelSelectorAsSelector}: {@code null} or a
   * missing node selects nothing, {@code {}} selects everything.
   */
  public static LabelSelector fromJson(JsonNode selector) {
    if (selector == null || selector.isNull() || selector.isMissingNode()) {
      return NOTHING;
    }
    if (!selector.isObject()) {
      throw new SelectorException("label selector must be an object, got " + selector.getNodeType());
    }
    List<Requirement> reqs = new ArrayList<>();
    JsonNode matchLabels = selector.path("matchLabels");
    if (matchLabels.isObject()) {
      TreeMap<String, String> labels = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : matchLabels.properties()) {
        labels.put(e.getKey(), text(e.getValue(), "matchLabels." + e.getKey()));
      }
      labels.forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, List.of(v))));
    } else if (!matchLabels.isMissingNode() && !matchLabels.isNull()) {
      throw new SelectorException("matchLabels must be an object");
    }
    JsonNode expressions = selector.path("matchExpressions");
    if (expressions.isArray()) {
      for (JsonNode expr : expressions) {
        String key = text(expr.path("key"), "matchExpressions.key");
        String op = text(expr.path("operator"), "matchExpressions.operator");
        List<String> values = new ArrayList<>();
        JsonNode vals = expr.path("values");
        if (vals.isArray()) {
          for (JsonNode v : vals) {
            values.add(text(v, "matchExpressions.values"));
          }
        } else if (!vals.isMissingNode() && !vals.isNull()) {
          throw new SelectorException("matchExpressions.values must be an array");
        }
        reqs.add(expression(key, op, values));
      }
    } else if (!expressions.isMissingNode() && !expressions.isNull()) {
      throw new SelectorException("matchExpressions must be an array");
    }
    return of(reqs);
  }

  /** The fabric8 model form; same rules as {@link #fromJson}. */
  public static LabelSelector fromModel(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      new TreeMap<>(selector.getMatchLabels())
          .forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, List.of(v == null ? "" : v))));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement expr : selector.getMatchExpressions()) {
        reqs.add(expression(
            expr.getKey() == null ? "" : expr.getKey(),
            expr.getOperator() == null ? "" : expr.getOperator(),
            expr.getValues() == null ? List.of() : expr.getValues()));
      }
    }
    return of(reqs);
  }

  private static Requirement expression(String key, String op, List<String> values) {
    Operator operator = switch (op) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> throw new SelectorException(
          GoText.quote(op) + " is not a valid label selector operator");
    };
    return Requirement.of(key, operator, values);
  }

  private static String text(JsonNode node, String what) {
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isNull() || node.isMissingNode()) {
      return "";
    }
    throw new SelectorException(what + " must be a string");
  }

  /** Adds requirements, returning a new selector. Adding to {@link #nothing()} yields nothing. */
  public LabelSelector and(Requirement... more) {
    if (nothing) {
      return this;
    }
    List<Requirement> all = new ArrayList<>(requirements);
    all.addAll(List.of(more));
    return of(all);
  }

  /** Whether every requirement holds for these labels ({@code null} = no labels). */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    Map<String, String> ls = labels == null ? Map.of() : labels;
    for (Requirement r : requirements) {
      if (!r.matches(ls)) {
        return false;
      }
    }
    return true;
  }

  /** True for {@link #everything()}: the selector does not restrict anything. */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  /** True only for {@link #nothing()}. */
  public boolean matchesNothing() {
    return nothing;
  }

  /** The requirements, sorted by key. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /**
   * The single value {@code key} must have, if the selector pins it ({@code key=v}, {@code key==v}
   * or {@code key in (v)}); lets a caller use an index instead of scanning.
   */
  public Optional<String> requiresExactMatch(String key) {
    for (Requirement r : requirements) {
      if (r.key().equals(key)) {
        return switch (r.operator()) {
          case EQUALS, DOUBLE_EQUALS, IN ->
              r.values().size() == 1 ? Optional.of(r.values().get(0)) : Optional.empty();
          default -> Optional.empty();
        };
      }
    }
    return Optional.empty();
  }

  /** Canonical string form: requirements sorted by key, joined by {@code ","}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Requirement r : requirements) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(r);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector s && nothing == s.nothing && requirements.equals(s.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + (nothing ? 1 : 0);
  }
}
