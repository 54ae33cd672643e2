package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** Leases: Name, Holder, Age. (k8s {@code printLease}) */
final class LeasePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(Column.NAME,
            Column.string("Holder", SwaggerDocs.LEASE_SPEC_HOLDER_IDENTITY), Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode lease, Instant now) {
        return Row.of(Nodes.name(lease), Nodes.str(lease, "spec", "holderIdentity"), Cells.age(lease, now));
    }
}
