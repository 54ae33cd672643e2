package io.kava.store.sqlite;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases: rows in {@code leases} with an absolute expiry time. Expiry and revocation delete the lease's keys through
 * the writer, one revision and one DELETE event per key (as kine does; etcd uses one revision for all of them).
 *
 * <p>The expiry time is wall-clock time stored in the file, so a lease that expired while the store was down is
 * reaped right after the next open. (etcd instead extends leases on restart; the SPI has no keep-alive, so a lease
 * here simply lives for its TTL.)
 */
final class SqliteLeases {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLeases.class);
    private static final int REAP_BATCH = 100;

    private final SqliteWriter writer;
    private final SqliteDatabase database;
    private final InstantSource clock;
    private final RandomGenerator ids = new SecureRandom();

    SqliteLeases(SqliteWriter writer, SqliteDatabase database, InstantSource clock) {
        this.writer = writer;
        this.database = database;
        this.clock = clock;
    }

    long grant(long ttlSeconds) {
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("lease TTL must be positive: " + ttlSeconds);
        }
        long expiresAt = clock.millis() + Math.multiplyExact(ttlSeconds, 1000L);
        return writer.execute(tx -> {
            PreparedStatement insert = tx.prepare(tx.sql().insertLease());
            while (true) {
                long id = ids.nextLong(1, Long.MAX_VALUE);
                PreparedStatement exists = tx.prepare(tx.sql().selectLease());
                exists.setLong(1, id);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                insert.setLong(1, id);
                insert.setLong(2, ttlSeconds);
                insert.setLong(3, expiresAt);
                insert.executeUpdate();
                return id;
            }
        });
    }

    void revoke(long lease) {
        writer.execute(tx -> revokeIn(tx, lease));
    }

    /** Reaper pass: revokes every lease whose expiry time has passed. Never throws. */
    void reapExpired() {
        try {
            List<Long> expired;
            do {
                expired = database.read(session -> {
                    PreparedStatement st = session.prepare(database.sql().selectExpiredLeases());
                    st.setLong(1, clock.millis());
                    st.setInt(2, REAP_BATCH);
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                });
                for (long lease : expired) {
                    int deleted = writer.execute(tx -> revokeIn(tx, lease));
                    LOG.debug("Lease {} expired; deleted {} keys", lease, deleted);
                }
            } while (expired.size() == REAP_BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Lease expiry pass failed; retrying on the next one", e);
        }
    }

    /** Deletes the lease's live keys (each its own revision) and the lease; returns how many keys went. */
    private static int revokeIn(WriteTx tx, long lease) throws SQLException {
        PreparedStatement keysOf = tx.prepare(tx.sql().selectKeysOfLease());
        keysOf.setLong(1, lease);
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = keysOf.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        for (String key : keys) {
            tx.delete(key, 0);
        }
        PreparedStatement delete = tx.prepare(tx.sql().deleteLease());
        delete.setLong(1, lease);
        delete.executeUpdate();
        return keys.size();
    }
}
