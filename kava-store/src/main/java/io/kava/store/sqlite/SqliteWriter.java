package io.kava.store.sqlite;

import io.kava.store.Event;
import io.kava.store.StoreException;
import io.kava.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread, doing group commit.
 *
 * <p>Callers queue an {@link Op} and wait for its future. The thread takes whatever is queued (up to {@code
 * maxBatch}), applies each op in order inside one transaction, commits once (one WAL fsync for the whole batch),
 * and only then publishes the batch's events and completes the futures. While it commits, new ops queue up and
 * form the next batch, so the number of fsyncs per second stays roughly constant as writers are added.
 *
 * <p>Because every condition (create-if-absent, compare-and-swap) is evaluated on this thread against the open
 * transaction, writes are serialized exactly as their revisions say.
 *
 * <p>Failure: an op that throws {@link StoreException} (a refused request, thrown before it wrote anything) fails
 * alone. A {@link SQLException} or any other error rolls back the whole batch and fails every op in it, since none
 * of them is durable.
 */
final class SqliteWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteWriter.class);

    /** Work applied inside the writer's transaction. */
    @FunctionalInterface
    interface Op<T> {
        T apply(WriteTx tx) throws SQLException;
    }

    private record Pending<T>(Op<T> op, CompletableFuture<T> future) {
    }

    private static final Pending<Void> STOP = new Pending<>(null, null);

    private final SqliteDatabase database;
    private final WriteTx tx;
    private final int maxBatch;
    /** Receives each committed batch's events, on the writer thread, before any of its futures completes. */
    private final Consumer<List<Event>> committed;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    /** Guards {@link #closed} together with enqueueing, so nothing is queued behind {@link #STOP}. */
    private final Object submitLock = new Object();
    private final Thread thread;
    private boolean closed;
    private volatile long committedRevision;
    /** Committed transactions, for tests and metrics. Written by the writer thread only. */
    private volatile long commits;

    SqliteWriter(SqliteDatabase database, int maxBatch, Consumer<List<Event>> committed) {
        this.database = database;
        this.tx = new WriteTx(database.writeConnection(), database.sql(), database.lastRevision());
        this.maxBatch = maxBatch;
        this.committed = committed;
        this.committedRevision = database.lastRevision();
        this.thread = new Thread(this::run, "kava-sqlite-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The revision of the last committed write. */
    long committedRevision() {
        return committedRevision;
    }

    long commits() {
        return commits;
    }

    <T> CompletableFuture<T> submit(Op<T> op) {
        CompletableFuture<T> future = new CompletableFuture<>();
        synchronized (submitLock) {
            if (closed) {
                future.completeExceptionally(closedError());
            } else {
                queue.add(new Pending<>(op, future));
            }
        }
        return future;
    }

    /** Submits {@code op} and waits for it to be committed (or refused). */
    <T> T execute(Op<T> op) {
        try {
            return submit(op).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store;
            }
            throw new StoreUnavailableException("write to SQLite store " + database.file() + " failed", e.getCause());
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // Only close() stops the writer, through STOP, so nothing queued is dropped.
            }
            queue.drainTo(batch, maxBatch - 1);
            if (batch.get(batch.size() - 1) == STOP) {
                batch.remove(batch.size() - 1);
                stopping = true;
            }
            if (!batch.isEmpty()) {
                apply(batch);
            }
            batch.clear();
        }
    }

    private void apply(List<Pending<?>> batch) {
        Object[] results = new Object[batch.size()];
        StoreException[] refusals = new StoreException[batch.size()];
        tx.begin();
        List<Event> events;
        try {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    results[i] = batch.get(i).op().apply(tx);
                } catch (StoreException e) {
                    refusals[i] = e;
                }
            }
            events = tx.commit();
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too: if this thread died, every later caller would wait forever.
            tx.rollback();
            LOG.error("Write batch of {} ops to {} failed and was rolled back", batch.size(), database.file(), e);
            StoreUnavailableException error = new StoreUnavailableException(
                    "write to SQLite store " + database.file() + " failed: " + e.getMessage(), e);
            batch.forEach(p -> p.future().completeExceptionally(error));
            return;
        }
        committedRevision = tx.revision();
        commits++;
        try {
            committed.accept(events);
        } catch (RuntimeException e) {
            LOG.error("Publishing committed events failed", e);
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i], refusals[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result, StoreException refusal) {
        if (refusal != null) {
            pending.future().completeExceptionally(refusal);
        } else {
            pending.future().complete((T) result);
        }
    }

    /** Finishes everything queued so far, then stops the thread. Later submits fail. */
    @Override
    public void close() {
        synchronized (submitLock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private StoreUnavailableException closedError() {
        return new StoreUnavailableException("SQLite store " + database.file() + " is closed");
    }
}
