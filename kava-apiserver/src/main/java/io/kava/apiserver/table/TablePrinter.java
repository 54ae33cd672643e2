package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Prints objects of one kind as Table rows: the server-side half of {@code kubectl get}
 * (Kubernetes' {@code TableConvertor}, fed by the handlers in {@code pkg/printers/internalversion/printers.go}).
 *
 * <p>Implementations are stateless and thread-safe. They print the complete row, priority&gt;0 columns included: the
 * real server always prints as if {@code -o wide} was asked for and kubectl hides the wide columns itself.
 */
public interface TablePrinter {

    /** The column definitions; the same list on every call. */
    List<Column> columns();

    /**
     * Prints one object.
     *
     * @param object a stored object of this printer's kind, in its served version (never modified)
     * @param now    the instant ages are measured against; one value for a whole table
     * @return one cell per column
     */
    Row print(ObjectNode object, Instant now);
}
