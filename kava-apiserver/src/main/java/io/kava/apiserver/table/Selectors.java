package io.kava.apiserver.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Label selectors as Kubernetes prints them ({@code metav1.LabelSelectorAsSelector(...).String()}): requirements
 * sorted by key, {@code k=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, comma-separated.
 */
final class Selectors {

    private Selectors() {
    }

    /**
     * {@code metav1.FormatLabelSelector}: the selector string, {@code <none>} when it selects everything or is absent,
     * {@code <error>} when an operator is unknown.
     */
    static String format(JsonNode selector) {
        String text = render(selector);
        if (text == null) {
            return "<error>";
        }
        return text.isEmpty() ? Cells.NONE : text;
    }

    /**
     * The bare selector string as {@code printDeployment} prints it: empty when the selector is absent or empty,
     * {@code <invalid>} when an operator is unknown.
     */
    static String string(JsonNode selector) {
        String text = render(selector);
        return text == null ? "<invalid>" : text;
    }

    /** The selector string, {@code ""} for an absent or empty selector, null for an invalid one. */
    private static String render(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return "";
        }
        record Requirement(String key, String text) {
        }
        var requirements = new ArrayList<Requirement>();
        for (Map.Entry<String, String> label : Nodes.stringMap(selector, "matchLabels").entrySet()) {
            requirements.add(new Requirement(label.getKey(), label.getKey() + "=" + label.getValue()));
        }
        for (JsonNode expression : Nodes.items(selector, "matchExpressions")) {
            String key = Nodes.str(expression, "key");
            List<String> values = new ArrayList<>();
            Nodes.items(expression, "values").forEach(v -> values.add(v.asString("")));
            String text = switch (Nodes.str(expression, "operator")) {
                case "In" -> key + " in (" + valueList(values) + ")";
                case "NotIn" -> key + " notin (" + valueList(values) + ")";
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                default -> null;
            };
            if (text == null) {
                return null;
            }
            requirements.add(new Requirement(key, text));
        }
        requirements.sort(Comparator.comparing(Requirement::key));
        var parts = new ArrayList<String>();
        requirements.forEach(r -> parts.add(r.text()));
        return String.join(",", parts);
    }

    /** Values in sorted order, as {@code Requirement.String()} normalises them. */
    private static String valueList(List<String> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return String.join(",", sorted);
    }
}
