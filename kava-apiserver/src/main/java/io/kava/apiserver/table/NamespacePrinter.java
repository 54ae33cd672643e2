package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** Namespaces: Name, Status (the phase), Age. (k8s {@code printNamespace}) */
final class NamespacePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(Column.NAME,
            Column.string("Status", "The status of the namespace"), Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode namespace, Instant now) {
        return Row.of(Nodes.name(namespace), Nodes.str(namespace, "status", "phase"), Cells.age(namespace, now));
    }
}
