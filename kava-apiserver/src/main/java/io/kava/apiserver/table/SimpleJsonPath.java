package io.kava.apiserver.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The subset of Kubernetes JSONPath that CRD printer columns use: {@code .a.b}, {@code [0]} and {@code [-1]},
 * {@code [*]}, {@code ['key.with/dots']}, and equality filters {@code [?(@.type=="Ready")]} (also {@code !=}, with
 * string or number literals). Like the API server's column printer, it yields the first value the path reaches;
 * a path that reaches nothing yields null. Anything else (recursive descent, slices, unions) is not supported:
 * {@link #parse} returns null for it.
 */
final class SimpleJsonPath {

    private sealed interface Step permits Field, Index, Wildcard, Filter {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private record Filter(List<String> path, boolean equal, String literal, boolean quoted) implements Step {
    }

    private static final Pattern FIELD = Pattern.compile("\\.([A-Za-z0-9_$-]+)");
    private static final Pattern INDEX = Pattern.compile("\\[(-?[0-9]+)]");
    private static final Pattern WILDCARD = Pattern.compile("\\.?\\[\\*]|\\.\\*");
    private static final Pattern QUOTED_KEY = Pattern.compile("\\.?\\[(['\"])(.*?)\\1]");
    private static final Pattern FILTER = Pattern.compile(
            "\\[\\?\\(@((?:\\.[A-Za-z0-9_$-]+)+)\\s*(==|!=)\\s*(?:(['\"])(.*?)\\3|(-?[0-9.]+))\\s*\\)]");

    private final List<Step> steps;

    private SimpleJsonPath(List<Step> steps) {
        this.steps = steps;
    }

    /**
     * Parses a CRD column's {@code jsonPath}, with or without the surrounding braces and leading dot.
     *
     * @return the path, or null when it uses syntax outside the supported subset
     */
    static SimpleJsonPath parse(String expression) {
        String text = expression.strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (!text.isEmpty() && text.charAt(0) != '.' && text.charAt(0) != '[') {
            text = "." + text;
        }
        List<Step> steps = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            Matcher m;
            if ((m = match(WILDCARD, text, pos)) != null) {
                steps.add(new Wildcard());
            } else if ((m = match(FIELD, text, pos)) != null) {
                steps.add(new Field(m.group(1)));
            } else if ((m = match(INDEX, text, pos)) != null) {
                steps.add(new Index(Integer.parseInt(m.group(1))));
            } else if ((m = match(QUOTED_KEY, text, pos)) != null) {
                steps.add(new Field(m.group(2)));
            } else if ((m = match(FILTER, text, pos)) != null) {
                List<String> path = List.of(m.group(1).substring(1).split("\\."));
                boolean quoted = m.group(3) != null;
                steps.add(new Filter(path, m.group(2).equals("=="), quoted ? m.group(4) : m.group(5), quoted));
            } else {
                return null;
            }
            pos = m.end();
        }
        return new SimpleJsonPath(List.copyOf(steps));
    }

    private static Matcher match(Pattern pattern, String text, int pos) {
        Matcher m = pattern.matcher(text).region(pos, text.length());
        return m.lookingAt() ? m : null;
    }

    /** The first value the path reaches in the object, or null. A JSON null is a value. */
    JsonNode first(JsonNode root) {
        return first(root, 0);
    }

    private JsonNode first(JsonNode node, int step) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (step == steps.size()) {
            return node;
        }
        return switch (steps.get(step)) {
            case Field f -> node.isObject() ? first(node.get(f.name()), step + 1) : null;
            case Index i -> {
                if (!node.isArray()) {
                    yield null;
                }
                int index = i.index() < 0 ? node.size() + i.index() : i.index();
                yield index >= 0 && index < node.size() ? first(node.get(index), step + 1) : null;
            }
            case Wildcard w -> firstOf(node.isObject() || node.isArray() ? node.values() : List.of(), step + 1);
            case Filter f -> {
                List<JsonNode> kept = new ArrayList<>();
                if (node.isArray()) {
                    node.values().stream().filter(e -> matches(f, e)).forEach(kept::add);
                }
                yield firstOf(kept, step + 1);
            }
        };
    }

    private JsonNode firstOf(Iterable<JsonNode> candidates, int step) {
        for (JsonNode candidate : candidates) {
            JsonNode found = first(candidate, step);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean matches(Filter filter, JsonNode element) {
        JsonNode value = Nodes.at(element, filter.path().toArray(String[]::new));
        if (value.isMissingNode()) {
            return false;
        }
        boolean equal;
        if (filter.quoted()) {
            equal = value.isString() && value.stringValue().equals(filter.literal());
        } else {
            try {
                equal = value.isNumber()
                        && value.decimalValue().compareTo(new java.math.BigDecimal(filter.literal())) == 0;
            } catch (NumberFormatException e) {
                equal = false;
            }
        }
        return equal == filter.equal();
    }
}
