package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * NetworkPolicies: Name, Pod-Selector ({@code <none>} when it selects every pod), Age.
 * (k8s {@code printNetworkPolicy})
 */
final class NetworkPolicyPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(Column.NAME,
            Column.string("Pod-Selector", SwaggerDocs.NETWORK_POLICY_SPEC_POD_SELECTOR), Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode policy, Instant now) {
        return Row.of(Nodes.name(policy), Selectors.format(Nodes.at(policy, "spec", "podSelector")),
                Cells.age(policy, now));
    }
}
