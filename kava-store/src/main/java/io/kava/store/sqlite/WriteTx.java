package io.kava.store.sqlite;

import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.StoreException;
import io.kava.store.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's view of the open transaction: key-level writes with their conditions, revision assignment and the
 * events the transaction will publish once committed.
 *
 * <p>Confined to the writer thread. Reads here go through the write connection, so they see the rows earlier
 * operations of the same batch inserted: two creates of one key in one batch give one Ok and one Conflict.
 *
 * <p>Revisions: {@link #revision} is the last revision assigned. Each written row takes the next one as its id, so
 * revisions stay dense; {@link #rollback()} hands back the revisions the failed batch took.
 */
final class WriteTx {

    private final Connection connection;
    private final SqlStatements sql;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private long revision;
    private long batchStartRevision;

    WriteTx(Connection connection, SqlStatements sql, long lastRevision) {
        this.connection = connection;
        this.sql = sql;
        this.revision = lastRevision;
    }

    long revision() {
        return revision;
    }

    SqlStatements sql() {
        return sql;
    }

    PreparedStatement prepare(String statement) throws SQLException {
        PreparedStatement prepared = statements.get(statement);
        if (prepared == null) {
            prepared = connection.prepareStatement(statement);
            statements.put(statement, prepared);
        }
        return prepared;
    }

    // ---------------------------------------------------------------- key writes

    WriteResult create(String key, byte[] value, long lease) throws SQLException {
        Row last = latest(key);
        if (last != null && last.live()) {
            return new WriteResult.Conflict(last.toKeyValue());
        }
        requireLease(lease);
        long rev = ++revision;
        Row row = new Row(rev, key, true, false, rev, 1, lease, value);
        insert(row, last == null ? 0 : last.id());
        KeyValue kv = row.toKeyValue();
        events.add(new Event(Event.Type.PUT, kv, null));
        return new WriteResult.Ok(kv, rev);
    }

    WriteResult update(String key, byte[] value, long expectedModRevision, long lease) throws SQLException {
        Row last = latest(key);
        if (last == null || !last.live()) {
            return new WriteResult.Conflict(null);
        }
        if (last.id() != expectedModRevision) {
            return new WriteResult.Conflict(last.toKeyValue());
        }
        requireLease(lease);
        long rev = ++revision;
        Row row = new Row(rev, key, false, false, last.createRevision(), last.version() + 1, lease, value);
        insert(row, last.id());
        KeyValue kv = row.toKeyValue();
        events.add(new Event(Event.Type.PUT, kv, last.toKeyValue()));
        return new WriteResult.Ok(kv, rev);
    }

    /** Deletes {@code key} if live and its mod revision matches ({@code expectedModRevision == 0}: any). */
    WriteResult delete(String key, long expectedModRevision) throws SQLException {
        Row last = latest(key);
        if (last == null || !last.live()) {
            return new WriteResult.Conflict(null);
        }
        if (expectedModRevision != 0 && last.id() != expectedModRevision) {
            return new WriteResult.Conflict(last.toKeyValue());
        }
        long rev = ++revision;
        Row tombstone = Row.tombstone(rev, last);
        insert(tombstone, last.id());
        KeyValue previous = last.toKeyValue();
        events.add(new Event(Event.Type.DELETE, tombstone.toDeletedKeyValue(), previous));
        return new WriteResult.Ok(previous, rev);
    }

    /** The newest row of {@code key}, live or tombstone, including rows of this uncommitted batch. */
    Row latest(String key) throws SQLException {
        PreparedStatement st = prepare(sql.selectLatest());
        st.setString(1, key);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Row.read(rs) : null;
        }
    }

    private void insert(Row row, long prevRevision) throws SQLException {
        PreparedStatement st = prepare(sql.insertRow());
        st.setLong(1, row.id());
        st.setString(2, row.name());
        st.setInt(3, row.created() ? 1 : 0);
        st.setInt(4, row.deleted() ? 1 : 0);
        st.setLong(5, row.createRevision());
        st.setLong(6, prevRevision);
        st.setLong(7, row.version());
        st.setLong(8, row.lease());
        st.setBytes(9, row.value());
        st.executeUpdate();
    }

    /** etcd refuses to attach a key to a lease it does not know; so do we, before anything is written. */
    private void requireLease(long lease) throws SQLException {
        if (lease == 0) {
            return;
        }
        PreparedStatement st = prepare(sql.selectLease());
        st.setLong(1, lease);
        try (ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("requested lease not found: " + lease);
            }
        }
    }

    // ---------------------------------------------------------------- batch lifecycle (SqliteWriter only)

    void begin() {
        batchStartRevision = revision;
        events.clear();
    }

    /** Commits (one fsync) and returns the events of the batch, in revision order. */
    List<Event> commit() throws SQLException {
        connection.commit();
        List<Event> committed = List.copyOf(events);
        events.clear();
        return committed;
    }

    void rollback() {
        revision = batchStartRevision;
        events.clear();
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is in trouble already; the batch error is what gets reported.
        }
    }
}
