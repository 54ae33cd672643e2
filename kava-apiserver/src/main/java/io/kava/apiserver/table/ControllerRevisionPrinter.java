package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ControllerRevisions: Name, Controller, Revision, Age. CONTROLLER is the controlling owner as
 * {@code kind.group/name}, lower-cased kind and group ({@code statefulset.apps/web}), or {@code <none>}.
 * (k8s {@code printControllerRevision})
 */
final class ControllerRevisionPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Controller", "Controller of the object"),
            Column.string("Revision", SwaggerDocs.CONTROLLER_REVISION_REVISION),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode revision, Instant now) {
        return Row.of(Nodes.name(revision), controller(revision), Nodes.integer(revision, "revision"),
                Cells.age(revision, now));
    }

    private static String controller(JsonNode object) {
        for (JsonNode owner : Nodes.items(object, "metadata", "ownerReferences")) {
            if (Nodes.bool(owner, "controller")) {
                String apiVersion = Nodes.str(owner, "apiVersion");
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String kind = Nodes.str(owner, "kind");
                String groupKind = group.isEmpty() ? kind : kind + "." + group;
                String name = Nodes.str(owner, "name");
                return groupKind.isEmpty() ? name : groupKind.toLowerCase(Locale.ROOT) + "/" + name;
            }
        }
        return Cells.NONE;
    }
}
