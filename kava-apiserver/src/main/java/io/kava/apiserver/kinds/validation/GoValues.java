package io.kava.apiserver.kinds.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kava.api.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Renders values the way Kubernetes' field errors print them. A 1.33 API server formats a bad value that is neither
 * a string nor a number with Go's {@code %#v} (apimachinery {@code field.Error.ErrorBody}), so kubectl shows, for
 * example, {@code map[string]string{"app":"web"}}. Pass the result to
 * {@link io.kava.apiserver.errors.FieldErrors#invalid}: its {@code toString()} is used unquoted.
 */
public final class GoValues {

    /** A pre-rendered value: {@code toString()} returns the text as is. */
    public record Rendered(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private GoValues() {
    }

    /** {@code map[string]string{"a":"1", "b":"2"}} with sorted keys; {@code map[string]string(nil)} for null. */
    public static Rendered stringMap(Map<String, String> map) {
        if (map == null) {
            return new Rendered("map[string]string(nil)");
        }
        var entries = new ArrayList<String>();
        for (var e : new TreeMap<>(map).entrySet()) {
            entries.add(quote(e.getKey()) + ":" + quote(e.getValue()));
        }
        return new Rendered("map[string]string{" + String.join(", ", entries) + "}");
    }

    /** {@code []string{"a", "b"}}; {@code []string(nil)} for null. */
    public static Rendered stringSlice(List<String> values) {
        if (values == null) {
            return new Rendered("[]string(nil)");
        }
        return new Rendered("[]string{" + String.join(", ", values.stream().map(GoValues::quote).toList()) + "}");
    }

    /** A {@code metav1.LabelSelector} as {@code v1.LabelSelector{MatchLabels:..., MatchExpressions:...}}. */
    public static Rendered labelSelector(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return new Rendered("null");
        }
        String labels = Trees.hasMap(selector, "matchLabels")
                ? stringMap(Trees.stringMap(selector, "matchLabels")).text() : "map[string]string(nil)";
        String expressions;
        var exprs = Trees.objects(selector, "matchExpressions");
        if (Trees.arrayOrNull(selector, "matchExpressions") == null) {
            expressions = "[]v1.LabelSelectorRequirement(nil)";
        } else {
            var items = new ArrayList<String>();
            for (JsonNode expr : exprs) {
                String values = Trees.arrayOrNull(expr, "values") == null ? "[]string(nil)"
                        : stringSlice(Trees.strings(expr, "values")).text();
                items.add("v1.LabelSelectorRequirement{Key:" + quote(Trees.textOrEmpty(expr, "key")) + ", Operator:"
                        + quote(Trees.textOrEmpty(expr, "operator")) + ", Values:" + values + "}");
            }
            expressions = "[]v1.LabelSelectorRequirement{" + String.join(", ", items) + "}";
        }
        return new Rendered("v1.LabelSelector{MatchLabels:" + labels + ", MatchExpressions:" + expressions + "}");
    }

    /**
     * An {@code intstr.IntOrString} as Go prints it ({@code intstr.IntOrString{Type:1, IntVal:0, StrVal:"x"}}).
     */
    public static Rendered intOrString(JsonNode value) {
        if (value != null && value.isNumber()) {
            return new Rendered("intstr.IntOrString{Type:0, IntVal:" + value.asLong() + ", StrVal:\"\"}");
        }
        String text = value == null || value.isNull() ? "" : value.asString();
        return new Rendered("intstr.IntOrString{Type:1, IntVal:0, StrVal:" + quote(text) + "}");
    }

    /**
     * A structured value Kubernetes prints with {@code %#v} of an internal Go type we do not model field by field
     * (for example a whole pod template): rendered as {@code type + JSON}, which names the same content.
     */
    public static Rendered struct(String goType, JsonNode value) {
        return new Rendered(goType + (value == null ? "{}" : Json.string(value)));
    }

    /** A literal to print as is. */
    public static Rendered raw(String text) {
        return new Rendered(text);
    }

    /** Go's {@code %q}: a double-quoted string with backslash escapes. */
    public static String quote(String s) {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
