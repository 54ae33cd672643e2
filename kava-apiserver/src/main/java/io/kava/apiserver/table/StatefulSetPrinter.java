package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** StatefulSets: Name, Ready ({@code ready/desired}), Age | Containers, Images. (k8s {@code printStatefulSet}) */
final class StatefulSetPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Ready", "Number of the pod with ready state"),
            Column.AGE,
            Column.string("Containers", Workloads.CONTAINERS).wide(),
            Column.string("Images", Workloads.IMAGES).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode set, Instant now) {
        String[] containers = Cells.containers(Workloads.podSpec(set));
        return Row.of(Nodes.name(set), Nodes.integer(set, "status", "readyReplicas") + "/" + Workloads.replicas(set),
                Cells.age(set, now), containers[0], containers[1]);
    }
}
