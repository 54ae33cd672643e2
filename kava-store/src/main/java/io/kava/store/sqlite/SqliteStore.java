package io.kava.store.sqlite;

import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import io.kava.store.Store;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link Store}: one SQLite file in WAL mode holding a kine-style log table (see the package doc).
 *
 * <p>Writes go through {@link SqliteWriter} (group commit, fsync before acknowledging); reads use a pool of read
 * connections; watches are fed in process by {@link SqliteWatchHub}. Background compaction and lease expiry run on
 * one maintenance thread and write through the writer like any client.
 *
 * <p>Only one store may have a file open at a time; a second {@link #open} fails.
 */
public final class SqliteStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    private final SqliteDatabase database;
    private final SqliteWriter writer;
    private final SqliteWatchHub hub;
    private final SqliteReader reader;
    private final SqliteCompactor compactor;
    private final SqliteLeases leases;
    private final ScheduledExecutorService maintenance;
    private volatile boolean closed;

    private SqliteStore(SqliteDatabase database, SqliteOptions options) {
        this.database = database;
        // The hub must exist before the writer can publish to it, and the reader needs the writer's revision:
        // the writer only starts once everything is wired.
        SqliteWatchHub[] hubRef = new SqliteWatchHub[1];
        this.writer = new SqliteWriter(database, options.maxWriteBatch(), events -> hubRef[0].publish(events));
        this.compactor = new SqliteCompactor(writer, database.compactRevision(), options.compactionBatch());
        this.reader = new SqliteReader(database, writer::committedRevision, compactor::compactRevision);
        this.hub = new SqliteWatchHub(database.lastRevision(), options.watchQueueLimit(), reader,
                writer::committedRevision);
        hubRef[0] = hub;
        this.leases = new SqliteLeases(writer, database, options.clock());
        this.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kava-sqlite-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        writer.start();
        long leaseMillis = options.leaseCheckInterval().toMillis();
        maintenance.scheduleWithFixedDelay(leases::reapExpired, 0, leaseMillis, TimeUnit.MILLISECONDS);
        if (options.compactionInterval().isPositive()) {
            long compactMillis = options.compactionInterval().toMillis();
            long retained = options.retainedRevisions();
            maintenance.scheduleWithFixedDelay(() -> compactor.compactKeeping(retained), compactMillis, compactMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens the store in {@code file}, creating the file (and its directory) when missing.
     *
     * @throws StoreUnavailableException when the file cannot be used: not a database, a directory, no permission,
     *                                   or already open by another store. The message names the file.
     */
    public static SqliteStore open(Path file, SqliteOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        SqliteDatabase database = SqliteDatabase.open(file, SqlStatements.SQLITE, options.readConnections());
        LOG.info("Opened SQLite store {} at revision {} (compacted to {})", database.file(), database.lastRevision(),
                database.compactRevision());
        return new SqliteStore(database, options);
    }

    public static SqliteStore open(Path file) {
        return open(file, SqliteOptions.defaults());
    }

    /** The database file. */
    public Path file() {
        return database.file();
    }

    /** Transactions the writer committed since open; fewer than writes when group commit batched them. */
    long commits() {
        return writer.commits();
    }

    @Override
    public long currentRevision() {
        return writer.committedRevision();
    }

    @Override
    public long compactRevision() {
        return compactor.compactRevision();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        ensureOpen();
        return reader.get(key);
    }

    @Override
    public RangeResult range(String prefix, String startKey, int limit, long revision) {
        ensureOpen();
        return reader.range(prefix, startKey, limit, revision);
    }

    @Override
    public long count(String prefix) {
        ensureOpen();
        return reader.count(prefix);
    }

    @Override
    public WriteResult create(String key, byte[] value, long lease) {
        byte[] copy = value.clone();
        return writer.execute(tx -> tx.create(key, copy, lease));
    }

    @Override
    public WriteResult update(String key, byte[] value, long expectedModRevision, long lease) {
        byte[] copy = value.clone();
        return writer.execute(tx -> tx.update(key, copy, expectedModRevision, lease));
    }

    @Override
    public WriteResult delete(String key, long expectedModRevision) {
        return writer.execute(tx -> tx.delete(key, expectedModRevision));
    }

    @Override
    public Watch watch(String prefix, long startRevision, WatchListener listener) {
        ensureOpen();
        return hub.watch(prefix, startRevision, listener);
    }

    @Override
    public long compact(long revision) {
        return compactor.compact(revision);
    }

    @Override
    public long grantLease(long ttlSeconds) {
        return leases.grant(ttlSeconds);
    }

    @Override
    public void revokeLease(long lease) {
        leases.revoke(lease);
    }

    /** Finishes queued writes, ends every watch with {@link StoreUnavailableException}, and closes the file. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        maintenance.shutdownNow();
        try {
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        hub.close();
        database.close();
        LOG.info("Closed SQLite store {}", database.file());
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException("SQLite store " + database.file() + " is closed");
        }
    }
}
