package io.kava.store.sqlite;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Settings of a {@link SqliteStore}.
 *
 * @param compactionInterval how often background compaction runs; {@link Duration#ZERO} disables it (then only
 *                           {@link SqliteStore#compact(long)} compacts). Default 5 minutes, as kine.
 * @param retainedRevisions  background compaction keeps at least this many revisions of history. Default 1000.
 * @param compactionBatch    revisions compacted per write transaction, so compaction never stalls writers for long.
 *                           Default 1000.
 * @param leaseCheckInterval how often expired leases are looked for. Default 500 ms.
 * @param maxWriteBatch      the most queued writes committed in one transaction (group commit). Default 512.
 * @param watchQueueLimit    events a watch may have queued before it is closed as too slow. Default 10,000.
 * @param readConnections    size of the read connection pool. Default 4.
 * @param clock              wall clock for lease expiry
 */
public record SqliteOptions(
        Duration compactionInterval,
        long retainedRevisions,
        int compactionBatch,
        Duration leaseCheckInterval,
        int maxWriteBatch,
        int watchQueueLimit,
        int readConnections,
        InstantSource clock) {

    public SqliteOptions {
        Objects.requireNonNull(compactionInterval, "compactionInterval");
        Objects.requireNonNull(leaseCheckInterval, "leaseCheckInterval");
        Objects.requireNonNull(clock, "clock");
        require(!compactionInterval.isNegative(), "compactionInterval must not be negative");
        require(retainedRevisions >= 0, "retainedRevisions must not be negative");
        require(compactionBatch > 0, "compactionBatch must be positive");
        require(leaseCheckInterval.isPositive(), "leaseCheckInterval must be positive");
        require(maxWriteBatch > 0, "maxWriteBatch must be positive");
        require(watchQueueLimit > 0, "watchQueueLimit must be positive");
        require(readConnections > 0, "readConnections must be positive");
    }

    public static SqliteOptions defaults() {
        return new SqliteOptions(Duration.ofMinutes(5), 1000, 1000, Duration.ofMillis(500), 512, 10_000, 4,
                InstantSource.system());
    }

    public SqliteOptions withCompaction(Duration interval, long retained) {
        return new SqliteOptions(interval, retained, compactionBatch, leaseCheckInterval, maxWriteBatch,
                watchQueueLimit, readConnections, clock);
    }

    public SqliteOptions withCompactionBatch(int batch) {
        return new SqliteOptions(compactionInterval, retainedRevisions, batch, leaseCheckInterval, maxWriteBatch,
                watchQueueLimit, readConnections, clock);
    }

    public SqliteOptions withLeaseCheckInterval(Duration interval) {
        return new SqliteOptions(compactionInterval, retainedRevisions, compactionBatch, interval, maxWriteBatch,
                watchQueueLimit, readConnections, clock);
    }

    public SqliteOptions withMaxWriteBatch(int max) {
        return new SqliteOptions(compactionInterval, retainedRevisions, compactionBatch, leaseCheckInterval, max,
                watchQueueLimit, readConnections, clock);
    }

    public SqliteOptions withWatchQueueLimit(int limit) {
        return new SqliteOptions(compactionInterval, retainedRevisions, compactionBatch, leaseCheckInterval,
                maxWriteBatch, limit, readConnections, clock);
    }

    public SqliteOptions withReadConnections(int connections) {
        return new SqliteOptions(compactionInterval, retainedRevisions, compactionBatch, leaseCheckInterval,
                maxWriteBatch, watchQueueLimit, connections, clock);
    }

    public SqliteOptions withClock(InstantSource source) {
        return new SqliteOptions(compactionInterval, retainedRevisions, compactionBatch, leaseCheckInterval,
                maxWriteBatch, watchQueueLimit, readConnections, source);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
