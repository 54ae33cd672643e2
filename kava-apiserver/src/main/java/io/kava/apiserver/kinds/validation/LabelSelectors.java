package io.kava.apiserver.kinds.validation;

import java.util.Map;

import io.kava.apiserver.errors.FieldErrors;
import tools.jackson.databind.JsonNode;

/**
 * {@code metav1.LabelSelector}: validation (apimachinery {@code ValidateLabelSelector}) and matching against a label
 * set ({@code LabelSelectorAsSelector(...).Matches}). A null selector matches nothing; an empty one matches
 * everything.
 */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** Does the selector have neither matchLabels nor matchExpressions? */
    public static boolean isEmpty(JsonNode selector) {
        return Trees.stringMap(selector, "matchLabels").isEmpty()
                && Trees.objects(selector, "matchExpressions").isEmpty();
    }

    /** Can the selector be turned into a label query (every operator known, In/NotIn with values)? */
    public static boolean isConvertible(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return true;
        }
        for (JsonNode expr : Trees.objects(selector, "matchExpressions")) {
            String op = Trees.textOrEmpty(expr, "operator");
            int values = Trees.strings(expr, "values").size();
            switch (op) {
                case "In", "NotIn" -> {
                    if (values == 0) {
                        return false;
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (values > 0) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Does {@code selector} select {@code labels}? A missing selector selects nothing. */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector == null || !selector.isObject()) {
            return false;
        }
        for (var e : Trees.stringMap(selector, "matchLabels").entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : Trees.objects(selector, "matchExpressions")) {
            String key = Trees.textOrEmpty(expr, "key");
            var values = Trees.strings(expr, "values");
            boolean ok = switch (Trees.textOrEmpty(expr, "operator")) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Validates a selector's keys, values and operators under {@code path}. */
    public static void validate(JsonNode selector, String path, FieldErrors errors) {
        if (selector == null || !selector.isObject()) {
            return;
        }
        Checks.labels(Trees.stringMap(selector, "matchLabels"), path + ".matchLabels", errors);
        var exprs = Trees.objects(selector, "matchExpressions");
        for (int i = 0; i < exprs.size(); i++) {
            JsonNode expr = exprs.get(i);
            String p = path + ".matchExpressions[" + i + "]";
            String op = Trees.textOrEmpty(expr, "operator");
            var values = Trees.strings(expr, "values");
            switch (op) {
                case "In", "NotIn" -> {
                    if (values.isEmpty()) {
                        errors.required(p + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values.isEmpty()) {
                        errors.forbidden(p + ".values",
                                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    }
                }
                default -> errors.invalid(p + ".operator", op, "not a valid selector operator");
            }
            String key = Trees.textOrEmpty(expr, "key");
            for (String msg : Names.qualifiedName(key)) {
                errors.invalid(p + ".key", key, msg);
            }
            for (int v = 0; v < values.size(); v++) {
                for (String msg : Names.labelValue(values.get(v))) {
                    errors.invalid(p + ".values[" + v + "]", values.get(v), msg);
                }
            }
        }
    }
}
