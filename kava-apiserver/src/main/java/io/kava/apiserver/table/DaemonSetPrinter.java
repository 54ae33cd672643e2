package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DaemonSets: Name, Desired, Current, Ready, Up-to-date, Available, Node Selector, Age | Containers, Images,
 * Selector. (k8s {@code printDaemonSet})
 */
final class DaemonSetPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.integer("Desired", SwaggerDocs.DAEMON_SET_STATUS_DESIRED_NUMBER_SCHEDULED),
            Column.integer("Current", SwaggerDocs.DAEMON_SET_STATUS_CURRENT_NUMBER_SCHEDULED),
            Column.integer("Ready", SwaggerDocs.DAEMON_SET_STATUS_NUMBER_READY),
            Column.integer("Up-to-date", SwaggerDocs.DAEMON_SET_STATUS_UPDATED_NUMBER_SCHEDULED),
            Column.integer("Available", SwaggerDocs.DAEMON_SET_STATUS_NUMBER_AVAILABLE),
            Column.string("Node Selector", SwaggerDocs.POD_SPEC_NODE_SELECTOR),
            Column.AGE,
            Column.string("Containers", Workloads.CONTAINERS).wide(),
            Column.string("Images", Workloads.IMAGES).wide(),
            Column.string("Selector", SwaggerDocs.DAEMON_SET_SPEC_SELECTOR).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode set, Instant now) {
        JsonNode status = Nodes.at(set, "status");
        JsonNode podSpec = Workloads.podSpec(set);
        String[] containers = Cells.containers(podSpec);
        return Row.of(Nodes.name(set), Nodes.integer(status, "desiredNumberScheduled"),
                Nodes.integer(status, "currentNumberScheduled"), Nodes.integer(status, "numberReady"),
                Nodes.integer(status, "updatedNumberScheduled"), Nodes.integer(status, "numberAvailable"),
                Cells.labels(Nodes.stringMap(podSpec, "nodeSelector")), Cells.age(set, now),
                containers[0], containers[1], Selectors.format(Nodes.at(set, "spec", "selector")));
    }
}
