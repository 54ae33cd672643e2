package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/** Cell renderings shared by several printers, each named after the Kubernetes helper it reproduces. */
final class Cells {

    /** What Kubernetes prints for an empty list or unset reference. */
    static final String NONE = "<none>";
    /** What Kubernetes prints for an unset optional field in newer printers. */
    static final String UNSET = "<unset>";

    private Cells() {
    }

    /** The Age cell: {@code translateTimestampSince(obj.CreationTimestamp)}. */
    static String age(JsonNode object, Instant now) {
        return HumanDuration.since(Nodes.created(object), now);
    }

    /**
     * {@code layoutContainerCells}: the names and the images of a pod spec's containers, each comma-separated.
     *
     * @param podSpec a {@code PodSpec} node (may be missing)
     * @return {names, images}
     */
    static String[] containers(JsonNode podSpec) {
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode container : Nodes.items(podSpec, "containers")) {
            names.add(Nodes.str(container, "name"));
            images.add(Nodes.str(container, "image"));
        }
        return new String[] {String.join(",", names), String.join(",", images)};
    }

    /** {@code labels.FormatLabels}: {@code k=v} pairs sorted by key, comma-separated; {@code <none>} when empty. */
    static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return NONE;
        }
        var pairs = new ArrayList<String>();
        new TreeMap<>(labels).forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }

    /** {@code printBool}: {@code True} or {@code False}. */
    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /**
     * {@code listWithMoreString}: the first {@code max} items, then {@code + N more...}; {@code <unset>} when empty.
     */
    static String listWithMore(List<String> items, int max) {
        if (items.size() > max) {
            return String.join(",", items.subList(0, max)) + " + " + (items.size() - max) + " more...";
        }
        return items.isEmpty() ? UNSET : String.join(",", items);
    }

    /** {@code intstr.IntOrString.String()}: the number or the string as written. */
    static String intOrString(JsonNode value) {
        return value.isNumber() ? Long.toString(value.asLong()) : value.asString("");
    }
}
