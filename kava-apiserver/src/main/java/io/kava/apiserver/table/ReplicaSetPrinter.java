package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ReplicaSets and ReplicationControllers: Name, Desired, Current, Ready, Age | Containers, Images, Selector. The
 * two differ only in descriptions and in their selector: a label selector for ReplicaSets, a plain label map for
 * ReplicationControllers. (k8s {@code printReplicaSet}, {@code printReplicationController})
 */
final class ReplicaSetPrinter implements TablePrinter {

    static final ReplicaSetPrinter REPLICA_SET = new ReplicaSetPrinter(false,
            SwaggerDocs.REPLICA_SET_SPEC_REPLICAS, SwaggerDocs.REPLICA_SET_STATUS_REPLICAS,
            SwaggerDocs.REPLICA_SET_STATUS_READY_REPLICAS, SwaggerDocs.REPLICA_SET_SPEC_SELECTOR);
    static final ReplicaSetPrinter REPLICATION_CONTROLLER = new ReplicaSetPrinter(true,
            SwaggerDocs.REPLICATION_CONTROLLER_SPEC_REPLICAS, SwaggerDocs.REPLICATION_CONTROLLER_STATUS_REPLICAS,
            SwaggerDocs.REPLICATION_CONTROLLER_STATUS_READY_REPLICAS, SwaggerDocs.REPLICATION_CONTROLLER_SPEC_SELECTOR);

    private final boolean mapSelector;
    private final List<Column> columns;

    private ReplicaSetPrinter(boolean mapSelector, String desired, String current, String ready, String selector) {
        this.mapSelector = mapSelector;
        this.columns = List.of(Column.NAME, Column.integer("Desired", desired), Column.integer("Current", current),
                Column.integer("Ready", ready), Column.AGE,
                Column.string("Containers", Workloads.CONTAINERS).wide(),
                Column.string("Images", Workloads.IMAGES).wide(),
                Column.string("Selector", selector).wide());
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row print(ObjectNode set, Instant now) {
        String[] containers = Cells.containers(Workloads.podSpec(set));
        JsonNode selector = Nodes.at(set, "spec", "selector");
        return Row.of(Nodes.name(set), Workloads.replicas(set), Nodes.integer(set, "status", "replicas"),
                Nodes.integer(set, "status", "readyReplicas"), Cells.age(set, now), containers[0], containers[1],
                mapSelector ? Cells.labels(Nodes.stringMap(selector)) : Selectors.format(selector));
    }
}
