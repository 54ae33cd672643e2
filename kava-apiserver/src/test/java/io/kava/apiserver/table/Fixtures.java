package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import io.kava.api.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Shared test inputs: a fixed "now" and JSON parsing. Timestamps in the tests are relative to {@link #NOW}. */
final class Fixtures {

    /** 2025-06-01T12:00:00Z: every test prints at this instant. */
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private Fixtures() {
    }

    static ObjectNode object(String json) {
        return (ObjectNode) Json.parse(json);
    }

    /** The cells a printer prints for an object given as JSON. */
    static List<Object> cells(TablePrinter printer, String json) {
        return printer.print(object(json), NOW).cells();
    }

    /** The names of a printer's columns, and their priorities as {@code name|1} for wide ones. */
    static List<String> headers(TablePrinter printer) {
        return printer.columns().stream().map(c -> c.priority() == 0 ? c.name() : c.name() + "|" + c.priority())
                .toList();
    }
}
