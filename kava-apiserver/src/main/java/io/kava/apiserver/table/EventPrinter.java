package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events, of core/v1 and of events.k8s.io/v1 (Kubernetes prints both from its one internal Event type): Last Seen,
 * Type, Reason, Object, Message, with Subobject and Source before Message and First Seen, Count, Name after it
 * for {@code -o wide}. (k8s {@code printEvent})
 *
 * <p>FIRST SEEN is the age of {@code firstTimestamp}, else of {@code eventTime}; LAST SEEN the age of
 * {@code series.lastObservedTime} for a series, else of {@code lastTimestamp}, else FIRST SEEN. COUNT is the
 * series count, else {@code count}, else 1. OBJECT is {@code kind/name} with the kind lower-cased. SOURCE is the
 * source component (else reporting controller) and host (else reporting instance), comma-separated.
 */
final class EventPrinter implements TablePrinter {

    /**
     * Where the internal Event's fields live in one served version.
     *
     * @param involvedObject      the object reference
     * @param message             the message
     * @param source              the {@code EventSource} (component, host)
     * @param firstTimestamp      the first-seen time
     * @param lastTimestamp       the last-seen time
     * @param count               the occurrence count
     * @param reportingController the reporting controller
     */
    record Fields(String involvedObject, String message, String source, String firstTimestamp,
                  String lastTimestamp, String count, String reportingController) {
        static final Fields CORE = new Fields("involvedObject", "message", "source", "firstTimestamp",
                "lastTimestamp", "count", "reportingComponent");
        static final Fields EVENTS_V1 = new Fields("regarding", "note", "deprecatedSource",
                "deprecatedFirstTimestamp", "deprecatedLastTimestamp", "deprecatedCount", "reportingController");
    }

    private static final List<Column> COLUMNS = List.of(
            Column.string("Last Seen", SwaggerDocs.EVENT_LAST_TIMESTAMP),
            Column.string("Type", SwaggerDocs.EVENT_TYPE),
            Column.string("Reason", SwaggerDocs.EVENT_REASON),
            Column.string("Object", SwaggerDocs.EVENT_INVOLVED_OBJECT),
            Column.string("Subobject", SwaggerDocs.OBJECT_REFERENCE_FIELD_PATH).wide(),
            Column.string("Source", SwaggerDocs.EVENT_SOURCE).wide(),
            Column.string("Message", SwaggerDocs.EVENT_MESSAGE),
            Column.string("First Seen", SwaggerDocs.EVENT_FIRST_TIMESTAMP).wide(),
            Column.string("Count", SwaggerDocs.EVENT_COUNT).wide(),
            Column.NAME.wide());

    private final Fields fields;

    EventPrinter(Fields fields) {
        this.fields = fields;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode event, Instant now) {
        String first = Nodes.strOrNull(event, fields.firstTimestamp());
        String firstSeen = HumanDuration.parse(first) != null
                ? HumanDuration.since(first, now)
                : HumanDuration.since(Nodes.strOrNull(event, "eventTime"), now);
        String last = Nodes.strOrNull(event, fields.lastTimestamp());
        String lastSeen = HumanDuration.parse(last) != null ? HumanDuration.since(last, now) : firstSeen;
        long count = Nodes.integer(event, fields.count());
        if (Nodes.has(event, "series")) {
            lastSeen = HumanDuration.since(Nodes.strOrNull(event, "series", "lastObservedTime"), now);
            count = Nodes.integer(event, "series", "count");
        } else if (count == 0) {
            count = 1; // singleton events of the new API carry no count
        }
        JsonNode regarding = Nodes.at(event, fields.involvedObject());
        String kind = Nodes.str(regarding, "kind").toLowerCase(Locale.ROOT);
        String target = Nodes.str(regarding, "name").isEmpty() ? kind : kind + "/" + Nodes.str(regarding, "name");
        return Row.of(lastSeen, Nodes.str(event, "type"), Nodes.str(event, "reason"), target,
                Nodes.str(regarding, "fieldPath"), source(event), Nodes.str(event, fields.message()).strip(),
                firstSeen, count, Nodes.name(event));
    }

    /** {@code formatEventSource}: component, then {@code ", host"} when there is one. */
    private String source(JsonNode event) {
        String component = firstNonEmpty(Nodes.str(event, fields.source(), "component"),
                Nodes.str(event, fields.reportingController()));
        String instance = firstNonEmpty(Nodes.str(event, fields.source(), "host"),
                Nodes.str(event, "reportingInstance"));
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
