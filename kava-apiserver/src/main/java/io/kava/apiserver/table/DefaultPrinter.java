package io.kava.apiserver.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The printer of kinds Kubernetes has no printer for (roles, limit ranges, CRDs...): Name and Created At, the latter
 * a {@code date} cell in RFC 3339 UTC, which kubectl turns into an age itself. (apiserver
 * {@code pkg/registry/rest/table.go} {@code defaultTableConvertor})
 */
final class DefaultPrinter implements TablePrinter {

    static final DefaultPrinter INSTANCE = new DefaultPrinter();

    private static final List<Column> COLUMNS = List.of(Column.NAME,
            new Column("Created At", "date", "", SwaggerDocs.OBJECT_META_CREATION_TIMESTAMP, 0));
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode object, Instant now) {
        return Row.of(Nodes.name(object), createdAt(Nodes.created(object)));
    }

    /** {@code creationTimestamp.UTC().Format(time.RFC3339)}: whole seconds, {@code Z}; Go's zero time when unset. */
    static String createdAt(String timestamp) {
        Instant created = HumanDuration.parse(timestamp);
        return created == null ? "0001-01-01T00:00:00Z" : RFC3339.format(created.truncatedTo(ChronoUnit.SECONDS));
    }
}
