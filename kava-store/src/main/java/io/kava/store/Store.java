package io.kava.store;

import java.util.Optional;

/**
 * The cluster store: a revisioned key-value store with the semantics the API server needs from etcd.
 *
 * <h2>Revisions</h2>
 * There is one global revision. Every successful write (create, update, delete, lease expiry) advances it by
 * exactly one and stamps the key with it; reads never change it. Each key keeps its create revision, mod revision
 * and version (see {@link KeyValue}). A deleted key that is created again starts a new incarnation: new create
 * revision, version 1.
 *
 * <h2>History and compaction</h2>
 * The store keeps old revisions so that reads at a past revision and watches from a past revision work. {@link
 * #compact(long)} drops history at or below a revision; afterwards reads and watches at or below the compact
 * revision fail with {@link CompactedException}. The latest value of every live key is never compacted away.
 *
 * <h2>Durability</h2>
 * A write that returned has been fsynced: it survives a crash of the process.
 *
 * <h2>Threading</h2>
 * All methods are safe to call from many threads at once.
 */
public interface Store extends AutoCloseable {

    /** The revision of the latest write, 0 for a store that was never written. */
    long currentRevision();

    /** The revision at or below which history has been compacted away, 0 when nothing was compacted. */
    long compactRevision();

    /** The latest value of {@code key}. */
    Optional<KeyValue> get(String key);

    /**
     * Keys that start with {@code prefix}, in ascending key order.
     *
     * @param prefix   the key prefix (use a trailing {@code /} to stay within a directory)
     * @param startKey the first key to return (inclusive), for continuation; null starts at the prefix
     * @param limit    the most keys to return; 0 means no limit
     * @param revision read the state as of this revision; 0 means the latest. A revision at or below {@link
     *                 #compactRevision()} throws {@link CompactedException}, one above {@link #currentRevision()}
     *                 throws {@link FutureRevisionException}
     */
    RangeResult range(String prefix, String startKey, int limit, long revision);

    /** How many live keys start with {@code prefix}. */
    long count(String prefix);

    /** Creates {@code key} if it does not exist; else {@link WriteResult.Conflict} with the current value. */
    WriteResult create(String key, byte[] value, long lease);

    /**
     * Replaces the value of {@code key} if its mod revision still equals {@code expectedModRevision}
     * (compare-and-swap). Else {@link WriteResult.Conflict} with the current value, or with null when the key does
     * not exist.
     */
    WriteResult update(String key, byte[] value, long expectedModRevision, long lease);

    /**
     * Deletes {@code key} if its mod revision equals {@code expectedModRevision}, or unconditionally when that is 0.
     * The {@link WriteResult.Ok} carries the value the key had. A missing key gives {@link WriteResult.Conflict}
     * with null.
     */
    WriteResult delete(String key, long expectedModRevision);

    /**
     * Watches keys starting with {@code prefix}.
     *
     * @param startRevision deliver every change with a revision {@code >= startRevision}, in order, with previous
     *                      values; 0 means changes after the current revision only. A start revision at or below
     *                      {@link #compactRevision()} ends the watch at once with {@link CompactedException} passed to
     *                      {@link WatchListener#onError}.
     */
    Watch watch(String prefix, long startRevision, WatchListener listener);

    /** Drops history at or below {@code revision} (clamped to the current revision). Returns the new compact revision. */
    long compact(long revision);

    /**
     * Grants a lease: keys attached to it are deleted (with DELETE events) once {@code ttlSeconds} pass. Returns the
     * lease id, never 0.
     */
    long grantLease(long ttlSeconds);

    /** Revokes a lease now, deleting its keys. Unknown leases are ignored. */
    void revokeLease(long lease);

    @Override
    void close();
}
