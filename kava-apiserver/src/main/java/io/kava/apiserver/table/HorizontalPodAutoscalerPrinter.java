package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kava.api.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HorizontalPodAutoscalers (autoscaling/v2): Name, Reference ({@code Kind/name}), Targets, MinPods, MaxPods,
 * Replicas, Age. (k8s {@code printHorizontalPodAutoscaler}, {@code formatHPAMetrics})
 *
 * <p>TARGETS shows the first two metrics as {@code current/target}, then {@code + N more...}: resources as
 * {@code cpu: 50%/80%} (or quantities for average-value targets), pods as {@code 1k/2k}, objects and externals as
 * {@code value/target} or {@code value/target (avg)}; an unknown current value prints {@code <unknown>}. The i-th
 * current metric is matched to the i-th spec metric, as Kubernetes does. An HPA without metrics and without
 * {@code minReplicas} prints as the API defaults make it: one CPU metric at 80% utilization, minimum 1.
 */
final class HorizontalPodAutoscalerPrinter implements TablePrinter {

    private static final int MAX = 2;
    private static final String UNKNOWN = "<unknown>";
    /** The target autoscaling/v2 defaulting gives an HPA without metrics. */
    private static final JsonNode DEFAULT_CPU_TARGET =
            Json.object().put("type", "Utilization").put("averageUtilization", 80);

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Reference", SwaggerDocs.HORIZONTAL_POD_AUTOSCALER_SPEC_SCALE_TARGET_REF),
            Column.string("Targets", SwaggerDocs.HORIZONTAL_POD_AUTOSCALER_SPEC_METRICS),
            Column.string("MinPods", SwaggerDocs.HORIZONTAL_POD_AUTOSCALER_SPEC_MIN_REPLICAS),
            Column.string("MaxPods", SwaggerDocs.HORIZONTAL_POD_AUTOSCALER_SPEC_MAX_REPLICAS),
            Column.string("Replicas", SwaggerDocs.HORIZONTAL_POD_AUTOSCALER_STATUS_CURRENT_REPLICAS),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode hpa, Instant now) {
        JsonNode spec = Nodes.at(hpa, "spec");
        String reference = Nodes.str(spec, "scaleTargetRef", "kind") + "/" + Nodes.str(spec, "scaleTargetRef", "name");
        String minPods = Nodes.has(spec, "minReplicas") ? Long.toString(Nodes.integer(spec, "minReplicas")) : "1";
        return Row.of(Nodes.name(hpa), reference, targets(hpa), minPods, Nodes.integer(spec, "maxReplicas"),
                Nodes.integer(hpa, "status", "currentReplicas"), Cells.age(hpa, now));
    }

    private static String targets(JsonNode hpa) {
        List<JsonNode> specs = Nodes.items(hpa, "spec", "metrics");
        List<JsonNode> statuses = Nodes.items(hpa, "status", "currentMetrics");
        List<String> list = new ArrayList<>();
        if (specs.isEmpty()) {
            list.add(resource("cpu", status(statuses, 0, "resource"), DEFAULT_CPU_TARGET));
        }
        for (int i = 0; i < specs.size(); i++) {
            JsonNode spec = specs.get(i);
            list.add(switch (Nodes.str(spec, "type")) {
                case "External" -> valueOrAverage(Nodes.at(spec, "external", "target"),
                        status(statuses, i, "external"));
                case "Object" -> valueOrAverage(Nodes.at(spec, "object", "target"), status(statuses, i, "object"));
                case "Pods" -> {
                    JsonNode current = status(statuses, i, "pods");
                    String value = current == null ? UNKNOWN : quantity(current, "current", "averageValue");
                    yield value + "/" + quantity(spec, "pods", "target", "averageValue");
                }
                case "Resource" -> resource(Nodes.str(spec, "resource", "name"), status(statuses, i, "resource"),
                        Nodes.at(spec, "resource", "target"));
                case "ContainerResource" -> resource(Nodes.str(spec, "containerResource", "name"),
                        status(statuses, i, "containerResource"), Nodes.at(spec, "containerResource", "target"));
                default -> "<unknown type>";
            });
        }
        if (list.size() > MAX) {
            return String.join(", ", list.subList(0, MAX)) + " + " + (list.size() - MAX) + " more...";
        }
        return String.join(", ", list);
    }

    /** Object and External metrics: {@code current/target (avg)} for average-value targets, else by value. */
    private static String valueOrAverage(JsonNode target, JsonNode current) {
        if (Nodes.has(target, "averageValue")) {
            String value = current != null && Nodes.has(current, "current", "averageValue")
                    ? quantity(current, "current", "averageValue") : UNKNOWN;
            return value + "/" + quantity(target, "averageValue") + " (avg)";
        }
        String value = current == null ? UNKNOWN : quantity(current, "current", "value");
        return value + "/" + quantity(target, "value");
    }

    /** Resource and ContainerResource metrics: {@code name: current/target}, utilization as percentages. */
    private static String resource(String name, JsonNode current, JsonNode target) {
        if (Nodes.has(target, "averageValue")) {
            String value = current == null ? UNKNOWN : quantity(current, "current", "averageValue");
            return name + ": " + value + "/" + quantity(target, "averageValue");
        }
        String value = current != null && Nodes.has(current, "current", "averageUtilization")
                ? Nodes.integer(current, "current", "averageUtilization") + "%" : UNKNOWN;
        String goal = Nodes.has(target, "averageUtilization")
                ? Nodes.integer(target, "averageUtilization") + "%" : "<auto>";
        return name + ": " + value + "/" + goal;
    }

    /** The i-th current metric's source of the given kind, or null. */
    private static JsonNode status(List<JsonNode> statuses, int i, String source) {
        if (i >= statuses.size() || !Nodes.has(statuses.get(i), source)) {
            return null;
        }
        return Nodes.at(statuses.get(i), source);
    }

    /** A canonical quantity; {@code <nil>} when unset, as Go prints a nil {@code *Quantity}. */
    private static String quantity(JsonNode node, String... path) {
        String value = Nodes.strOrNull(node, path);
        return value == null ? "<nil>" : Quantity.format(value);
    }
}
