package io.kava.store.sqlite;

import io.kava.store.KeyValue;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the {@code kine} log table: one revision of one key.
 *
 * @param id             the revision of this write
 * @param created        this row started a new incarnation of the key
 * @param deleted        this row is a tombstone: the key was deleted at {@code id}
 * @param createRevision the revision that created the incarnation this row belongs to
 * @param version        writes since creation (0 for a tombstone)
 */
record Row(long id, String name, boolean created, boolean deleted, long createRevision, long version, long lease,
        byte[] value) {

    private static final byte[] EMPTY = new byte[0];

    /** Reads the {@code KV_COLUMNS} of {@link SqlStatements} starting at column 1. */
    static Row read(ResultSet rs) throws SQLException {
        byte[] value = rs.getBytes(8);
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4) != 0, rs.getLong(5),
                rs.getLong(6), rs.getLong(7), value == null ? EMPTY : value);
    }

    static Row tombstone(long revision, Row last) {
        return new Row(revision, last.name, false, true, last.createRevision, 0, 0, EMPTY);
    }

    KeyValue toKeyValue() {
        return new KeyValue(name, value, createRevision, id, version, lease);
    }

    /** The key of a DELETE event: name and deletion revision only, as etcd reports it. */
    KeyValue toDeletedKeyValue() {
        return new KeyValue(name, EMPTY, 0, id, 0, 0);
    }

    boolean live() {
        return !deleted;
    }
}
