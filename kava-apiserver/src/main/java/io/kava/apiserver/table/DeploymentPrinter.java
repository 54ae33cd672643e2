package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Deployments: Name, Ready ({@code ready/desired}), Up-to-date, Available, Age | Containers, Images, Selector. The
 * selector prints bare: empty, not {@code <none>}, when it selects everything. (k8s {@code printDeployment})
 */
final class DeploymentPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Ready", "Number of the pod with ready state"),
            Column.string("Up-to-date", SwaggerDocs.DEPLOYMENT_STATUS_UPDATED_REPLICAS),
            Column.string("Available", SwaggerDocs.DEPLOYMENT_STATUS_AVAILABLE_REPLICAS),
            Column.AGE,
            Column.string("Containers", Workloads.CONTAINERS).wide(),
            Column.string("Images", Workloads.IMAGES).wide(),
            Column.string("Selector", SwaggerDocs.DEPLOYMENT_SPEC_SELECTOR).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode deployment, Instant now) {
        String[] containers = Cells.containers(Workloads.podSpec(deployment));
        return Row.of(Nodes.name(deployment),
                Nodes.integer(deployment, "status", "readyReplicas") + "/" + Workloads.replicas(deployment),
                Nodes.integer(deployment, "status", "updatedReplicas"),
                Nodes.integer(deployment, "status", "availableReplicas"),
                Cells.age(deployment, now), containers[0], containers[1],
                Selectors.string(Nodes.at(deployment, "spec", "selector")));
    }
}
