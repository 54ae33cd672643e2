package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * PodDisruptionBudgets: Name, Min Available, Max Unavailable, Allowed Disruptions, Age; an unset bound prints
 * {@code N/A}. (k8s {@code printPodDisruptionBudget})
 */
final class PodDisruptionBudgetPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Min Available", "The minimum number of pods that must be available."),
            Column.string("Max Unavailable", "The maximum number of pods that may be unavailable."),
            Column.integer("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode pdb, Instant now) {
        return Row.of(Nodes.name(pdb), bound(pdb, "minAvailable"), bound(pdb, "maxUnavailable"),
                Nodes.integer(pdb, "status", "disruptionsAllowed"), Cells.age(pdb, now));
    }

    private static String bound(ObjectNode pdb, String field) {
        return Nodes.has(pdb, "spec", field) ? Cells.intOrString(Nodes.at(pdb, "spec", field)) : "N/A";
    }
}
