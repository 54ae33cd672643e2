package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * PriorityClasses: Name, Value, Global-Default, Age, PreemptionPolicy (a priority-0 column Kubernetes fills only
 * when printing wide, which the server always does). An unset policy prints as the API default,
 * {@code PreemptLowerPriority}. (k8s {@code printPriorityClass})
 */
final class PriorityClassPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.integer("Value", SwaggerDocs.PRIORITY_CLASS_VALUE),
            Column.bool("Global-Default", SwaggerDocs.PRIORITY_CLASS_GLOBAL_DEFAULT),
            Column.AGE,
            Column.string("PreemptionPolicy", SwaggerDocs.PRIORITY_CLASS_PREEMPTION_POLICY));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode priorityClass, Instant now) {
        String policy = Nodes.str(priorityClass, "preemptionPolicy");
        return Row.of(Nodes.name(priorityClass), Nodes.integer(priorityClass, "value"),
                Nodes.bool(priorityClass, "globalDefault"), Cells.age(priorityClass, now),
                policy.isEmpty() ? "PreemptLowerPriority" : policy);
    }
}
