package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Mutating and validating webhook configurations: Name, Webhooks (how many), Age.
 * (k8s {@code printMutatingWebhook}, {@code printValidatingWebhook})
 */
final class WebhookConfigurationPrinter implements TablePrinter {

    static final WebhookConfigurationPrinter INSTANCE = new WebhookConfigurationPrinter();

    private static final List<Column> COLUMNS = List.of(Column.NAME,
            Column.integer("Webhooks", "Webhooks indicates the number of webhooks registered in this configuration"),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode configuration, Instant now) {
        return Row.of(Nodes.name(configuration), (long) Nodes.size(configuration, "webhooks"),
                Cells.age(configuration, now));
    }
}
