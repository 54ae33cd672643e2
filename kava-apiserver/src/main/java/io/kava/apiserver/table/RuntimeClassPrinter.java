package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * RuntimeClasses: Name, Handler, Age. (k8s {@code printRuntimeClass}; the Handler column's description is empty
 * because Kubernetes looks it up in the ObjectMeta docs, which have no such field.)
 */
final class RuntimeClassPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(Column.NAME, Column.string("Handler", ""), Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode runtimeClass, Instant now) {
        return Row.of(Nodes.name(runtimeClass), Nodes.str(runtimeClass, "handler"), Cells.age(runtimeClass, now));
    }
}
