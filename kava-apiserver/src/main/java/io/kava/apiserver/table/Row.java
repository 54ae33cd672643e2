package io.kava.apiserver.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The printed form of one object: its cells, in column order, and optional row conditions.
 *
 * @param cells      one value per column: {@link String}, {@link Long}, {@link Integer}, {@link Double},
 *                   {@link Boolean}, a Jackson {@code JsonNode}, or {@code null} (kubectl prints {@code <none>})
 * @param conditions row conditions such as {@code Completed} for finished pods; usually empty
 */
public record Row(List<Object> cells, List<RowCondition> conditions) {

    public Row {
        cells = Collections.unmodifiableList(new ArrayList<>(cells)); // List.copyOf rejects null cells
        conditions = List.copyOf(conditions);
    }

    /** A row of these cells, without conditions. */
    public static Row of(Object... cells) {
        return new Row(Arrays.asList(cells), List.of());
    }

    /** This row with conditions added. */
    public Row withConditions(List<RowCondition> added) {
        var all = new ArrayList<>(conditions);
        all.addAll(added);
        return new Row(cells, all);
    }

    /**
     * A {@code metav1.TableRowCondition}.
     *
     * @param type    {@code Completed} is the only type Kubernetes defines
     * @param status  {@code True}, {@code False} or {@code Unknown}
     * @param reason  machine-readable reason, may be empty
     * @param message human-readable message, may be empty
     */
    public record RowCondition(String type, String status, String reason, String message) {
    }
}
