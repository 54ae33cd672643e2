package io.kava.apiserver.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.kava.api.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Custom resources, printed from their CRD version's {@code additionalPrinterColumns}: Name, then one column per
 * entry (name, type, format, description, priority as declared). A version declaring no columns gets Name and Age,
 * Age being a {@code date} column over {@code .metadata.creationTimestamp}; as in Kubernetes, a version declaring
 * columns gets no Age unless it declares one. (apiextensions-apiserver {@code pkg/registry/customresource/
 * tableconvertor}, {@code pkg/apiserver/helpers.go serveDefaultColumnsIfEmpty})
 *
 * <p>Cells take the first value the column's JSONPath reaches (see {@link SimpleJsonPath} for the supported
 * subset), null when none: {@code integer} and {@code number} cells are numbers, {@code boolean} cells booleans,
 * {@code date} cells human ages ({@code <invalid>} for text that is no timestamp), {@code string} cells the value's
 * text (maps and lists as compact JSON); a value of the wrong JSON type gives null. A path outside the supported
 * subset prints null too.
 */
public final class CustomColumnsPrinter implements TablePrinter {

    private final List<Column> columns;
    private final List<SimpleJsonPath> paths;

    private CustomColumnsPrinter(List<Column> columns, List<SimpleJsonPath> paths) {
        this.columns = List.copyOf(columns);
        this.paths = paths;
    }

    /**
     * The printer of one version of a CustomResourceDefinition.
     *
     * @param crd     an {@code apiextensions.k8s.io/v1} CustomResourceDefinition
     * @param version the name of one of its {@code spec.versions}
     * @return the version's printer; the default Name and Age columns when the version is not found
     */
    public static CustomColumnsPrinter forVersion(ObjectNode crd, String version) {
        for (JsonNode v : Nodes.items(crd, "spec", "versions")) {
            if (Nodes.str(v, "name").equals(version)) {
                return of(Nodes.at(v, "additionalPrinterColumns"));
            }
        }
        return of(Json.array());
    }

    /**
     * A printer for a list of {@code CustomResourceColumnDefinition}s.
     *
     * @param definitions an array of {@code {name, type, format, description, priority, jsonPath}}; empty or
     *                    missing for the default Age column
     */
    public static CustomColumnsPrinter of(JsonNode definitions) {
        List<Column> columns = new ArrayList<>(List.of(Column.NAME));
        List<SimpleJsonPath> paths = new ArrayList<>();
        if (!definitions.isArray() || definitions.isEmpty()) {
            columns.add(new Column("Age", "date", "", SwaggerDocs.OBJECT_META_CREATION_TIMESTAMP, 0));
            paths.add(SimpleJsonPath.parse(".metadata.creationTimestamp"));
        } else {
            for (JsonNode definition : definitions.values()) {
                String jsonPath = Nodes.str(definition, "jsonPath");
                String description = Nodes.str(definition, "description");
                if (description.isEmpty()) {
                    description = "Custom resource definition column (in JSONPath format): " + jsonPath;
                }
                columns.add(new Column(Nodes.str(definition, "name"), Nodes.str(definition, "type"),
                        Nodes.str(definition, "format"), description, (int) Nodes.integer(definition, "priority")));
                paths.add(SimpleJsonPath.parse(jsonPath));
            }
        }
        return new CustomColumnsPrinter(columns, paths);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row print(ObjectNode object, Instant now) {
        List<Object> cells = new ArrayList<>();
        cells.add(Nodes.name(object));
        for (int i = 0; i < paths.size(); i++) {
            JsonNode value = paths.get(i) == null ? null : paths.get(i).first(object);
            cells.add(value == null || value.isNull() ? null : cell(columns.get(i + 1).type(), value, now));
        }
        return new Row(cells, List.of());
    }

    /** {@code cellForJSONValue}, and the JSONPath text printing of {@code string} columns. */
    private static Object cell(String type, JsonNode value, Instant now) {
        return switch (type) {
            case "integer" -> value.isNumber() ? (Object) Nodes.toLong(value) : null;
            case "number" -> value.isNumber() ? (Object) value.doubleValue() : null;
            case "boolean" -> value.isBoolean() ? (Object) value.booleanValue() : null;
            case "date" -> value.isString() ? date(value.stringValue(), now) : null;
            case "string" -> text(value);
            default -> null;
        };
    }

    private static String date(String text, Instant now) {
        if (text.isEmpty() || text.equals("null")) {
            return "<unknown>";
        }
        return HumanDuration.parse(text) == null ? "<invalid>" : HumanDuration.since(text, now);
    }

    /** How Kubernetes' JSONPath printer writes one value: text as is, Go's {@code %v} for scalars, JSON else. */
    private static String text(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        } else if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            return goFloat(value.doubleValue());
        }
        return Json.string(sorted(value));
    }

    /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 and from 1e6 up ({@code 1e+06}). */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        } else if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = Integer.toString(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
        }
        return sign + shortest.toPlainString();
    }

    /** Go marshals maps with sorted keys. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.object();
            var entries = new TreeMap<String, JsonNode>();
            node.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
            entries.forEach((k, v) -> out.set(k, sorted(v)));
            return out;
        } else if (node.isArray()) {
            var out = Json.array();
            node.values().forEach(v -> out.add(sorted(v)));
            return out;
        }
        return node;
    }
}
