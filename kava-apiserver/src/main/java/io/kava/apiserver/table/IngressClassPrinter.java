package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * IngressClasses: Name, Controller, Parameters ({@code Kind[.apiGroup]/name} or {@code <none>}), Age.
 * (k8s {@code printIngressClass})
 */
final class IngressClassPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Controller", "Controller that is responsible for handling this class"),
            Column.string("Parameters", "A reference to a resource with additional parameters"),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode ingressClass, Instant now) {
        String parameters = Cells.NONE;
        JsonNode ref = Nodes.at(ingressClass, "spec", "parameters");
        if (ref.isObject()) {
            parameters = Nodes.str(ref, "kind");
            if (Nodes.has(ref, "apiGroup")) {
                parameters += "." + Nodes.str(ref, "apiGroup");
            }
            parameters += "/" + Nodes.str(ref, "name");
        }
        return Row.of(Nodes.name(ingressClass), Nodes.str(ingressClass, "spec", "controller"), parameters,
                Cells.age(ingressClass, now));
    }
}
