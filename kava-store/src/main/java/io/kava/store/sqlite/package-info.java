/**
 * The embedded cluster store: {@link io.kava.store.sqlite.SqliteStore}, a {@link io.kava.store.Store} on one SQLite
 * file in WAL mode, shaped like k3s' kine.
 *
 * <h2>Layout</h2>
 * One log table, {@code kine}, holds one row per revision (the row id <em>is</em> the revision): a create, an update
 * or a delete tombstone of one key, pointing at the key's previous row. The value of a key at revision R is its row
 * with the largest id at or below R, unless that row is a tombstone. Leases live in {@code leases}; the compact
 * revision and the schema version in {@code meta}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code SqliteWriter}: the only thread that writes. Callers queue operations and wait on a future; the writer
 *       applies every queued operation in one transaction (conditions are checked there, so compare-and-swap is
 *       serialized), commits with one fsync, then publishes the events and completes the futures (group commit).</li>
 *   <li>Readers use a small pool of read connections; WAL lets them run beside the writer.</li>
 *   <li>{@code SqliteWatchHub} receives committed events from the writer in process (no polling) and hands them to
 *       each watch's bounded queue, drained on a virtual thread per watch.</li>
 *   <li>A scheduler runs background compaction and the lease reaper; both write through the writer.</li>
 * </ul>
 */
package io.kava.store.sqlite;
