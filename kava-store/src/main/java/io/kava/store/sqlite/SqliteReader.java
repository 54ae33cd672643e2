package io.kava.store.sqlite;

import io.kava.store.CompactedException;
import io.kava.store.Event;
import io.kava.store.FutureRevisionException;
import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads on the pooled read connections.
 *
 * <p>Compaction safety without locks: the compactor raises its in-memory compact revision <em>before</em> it
 * deletes anything (see {@link SqliteCompactor}). A historical read therefore checks the compact revision after
 * its query as well as before: if rows it needed were deleted under it, the second check sees the raised revision
 * and the read fails with {@link CompactedException} instead of returning a hole.
 */
final class SqliteReader implements SqliteWatchHub.EventSource {

    private final SqliteDatabase database;
    private final SqlStatements sql;
    private final LongSupplier currentRevision;
    private final LongSupplier compactRevision;

    SqliteReader(SqliteDatabase database, LongSupplier currentRevision, LongSupplier compactRevision) {
        this.database = database;
        this.sql = database.sql();
        this.currentRevision = currentRevision;
        this.compactRevision = compactRevision;
    }

    Optional<KeyValue> get(String key) {
        return database.read(session -> {
            PreparedStatement st = session.prepare(sql.selectLatest());
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Row row = Row.read(rs);
                return row.live() ? Optional.of(row.toKeyValue()) : Optional.empty();
            }
        });
    }

    RangeResult range(String prefix, String startKey, int limit, long revision) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        long current = currentRevision.getAsLong();
        long at = revision == 0 ? current : revision;
        if (at > current) {
            throw new FutureRevisionException(revision, current);
        }
        if (revision != 0) {
            checkNotCompacted(revision);
        }
        KeyRange range = KeyRange.prefix(prefix, startKey);
        List<KeyValue> kvs = database.read(session -> {
            PreparedStatement st = session.prepare(sql.rangeAtRevision());
            st.setString(1, range.from());
            st.setBytes(2, range.toExclusive());
            st.setLong(3, at);
            st.setLong(4, at);
            st.setLong(5, limit == 0 ? -1 : limit + 1L);
            List<KeyValue> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(Row.read(rs).toKeyValue());
                }
            }
            return found;
        });
        if (revision != 0) {
            checkNotCompacted(revision);
        }
        boolean more = limit != 0 && kvs.size() > limit;
        return new RangeResult(more ? List.copyOf(kvs.subList(0, limit)) : List.copyOf(kvs), at, more);
    }

    long count(String prefix) {
        KeyRange range = KeyRange.prefix(prefix);
        return database.read(session -> {
            PreparedStatement st = session.prepare(sql.countLatest());
            st.setString(1, range.from());
            st.setBytes(2, range.toExclusive());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public List<Event> events(String prefix, long from, long to, int limit) {
        checkNotCompacted(from);
        KeyRange range = KeyRange.prefix(prefix);
        List<Event> events = database.read(session -> {
            PreparedStatement st = session.prepare(sql.selectEvents());
            st.setLong(1, from);
            st.setLong(2, to);
            st.setString(3, range.from());
            st.setBytes(4, range.toExclusive());
            st.setInt(5, limit);
            List<Event> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(event(rs));
                }
            }
            return found;
        });
        checkNotCompacted(from);
        return events;
    }

    @Override
    public long compactRevision() {
        return compactRevision.getAsLong();
    }

    private void checkNotCompacted(long revision) {
        long compacted = compactRevision.getAsLong();
        if (revision <= compacted) {
            throw new CompactedException(revision, compacted);
        }
    }

    /** An event row of {@link SqlStatements#selectEvents()}: the row's columns, then its previous row's. */
    private static Event event(ResultSet rs) throws SQLException {
        Row row = Row.read(rs);
        KeyValue prev = null;
        long prevId = rs.getLong(9);
        if (!rs.wasNull()) {
            byte[] value = rs.getBytes(13);
            prev = new KeyValue(row.name(), value == null ? new byte[0] : value, rs.getLong(10), prevId,
                    rs.getLong(11), rs.getLong(12));
        }
        if (row.deleted()) {
            return new Event(Event.Type.DELETE, row.toDeletedKeyValue(), prev);
        }
        return new Event(Event.Type.PUT, row.toKeyValue(), prev);
    }
}
