package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** PodTemplates: Name, Containers, Images, Pod Labels; no age. (k8s {@code printPodTemplate}) */
final class PodTemplatePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Containers", Workloads.CONTAINERS),
            Column.string("Images", Workloads.IMAGES),
            Column.string("Pod Labels", "The labels for the pod template."));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode template, Instant now) {
        String[] containers = Cells.containers(Nodes.at(template, "template", "spec"));
        return Row.of(Nodes.name(template), containers[0], containers[1],
                Cells.labels(Nodes.stringMap(template, "template", "metadata", "labels")));
    }
}
