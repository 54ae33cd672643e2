package io.kava.store.sqlite;

import io.kava.store.CompactedException;
import io.kava.store.Event;
import io.kava.store.StoreException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch: a bounded queue filled by the writer (through the hub) and drained by at most one delivery task at a
 * time, so listener calls never overlap and keep revision order. The first drain replays history from the table.
 *
 * <p>Locking: the fields marked "guarded by this" are only touched under this object's monitor. {@link #offer} runs
 * with the hub's lock held; it takes this monitor second (hub, then subscription), never the other way round, and
 * the listener is always called holding neither.
 */
final class WatchSubscription implements Watch {

    private static final Logger LOG = LoggerFactory.getLogger(WatchSubscription.class);
    private static final int REPLAY_CHUNK = 1000;
    private static final int DELIVERY_BATCH = 1000;

    private final SqliteWatchHub hub;
    private final String prefix;
    /** The first revision this watch delivers. */
    private final long startRevision;
    /** The caller asked for a start revision (so a compacted one is an error), rather than "from now". */
    private final boolean explicitStart;
    /** Last revision to replay from the table, 0 when nothing needs replaying. */
    private final long replayTo;
    private final WatchListener listener;
    private final int queueLimit;

    /** Guarded by this. */
    private final ArrayDeque<Event> queue = new ArrayDeque<>();
    /** Guarded by this: a delivery task is running or submitted. */
    private boolean scheduled;
    /** Guarded by this: no more listener calls once set (the error, if any, is handed over before). */
    private boolean closed;
    /** Guarded by this: the error to deliver next, ending the watch. */
    private StoreException error;
    private Executor executor;

    WatchSubscription(SqliteWatchHub hub, String prefix, long startRevision, boolean explicitStart, long replayTo,
            WatchListener listener, int queueLimit) {
        this.hub = hub;
        this.prefix = prefix;
        this.startRevision = startRevision;
        this.explicitStart = explicitStart;
        this.replayTo = replayTo;
        this.listener = listener;
        this.queueLimit = queueLimit;
    }

    void start(Executor delivery) {
        synchronized (this) {
            executor = delivery;
            scheduled = true;
        }
        delivery.execute(this::firstDrain);
    }

    /**
     * Queues the events of one committed batch that this watch wants. Returns false when the watch is finished and
     * should be dropped by the hub (closed, or just overflowed).
     */
    boolean offer(List<Event> events) {
        List<Event> wanted = null;
        for (Event event : events) {
            if (event.revision() >= startRevision && event.kv().key().startsWith(prefix)) {
                if (wanted == null) {
                    wanted = new ArrayList<>();
                }
                wanted.add(event);
            }
        }
        synchronized (this) {
            if (closed || error != null) {
                return false;
            }
            if (wanted == null) {
                return true;
            }
            if (queue.size() + wanted.size() > queueLimit) {
                failLocked(new StoreException("watch on " + prefix + " fell behind: more than " + queueLimit
                        + " events waiting for its listener"));
                return false;
            }
            queue.addAll(wanted);
            scheduleLocked();
            return true;
        }
    }

    /** Ends the watch with {@code cause}, delivered after any listener call in progress. */
    void fail(StoreException cause) {
        synchronized (this) {
            if (closed || error != null) {
                return;
            }
            failLocked(cause);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        hub.remove(this);
    }

    private void failLocked(StoreException cause) {
        error = cause;
        queue.clear();
        scheduleLocked();
    }

    private void scheduleLocked() {
        if (!scheduled && executor != null) {
            scheduled = true;
            executor.execute(this::drain);
        }
    }

    private void firstDrain() {
        try {
            SqliteWatchHub.EventSource source = hub.source();
            long compacted = source.compactRevision();
            if (explicitStart && startRevision <= compacted) {
                throw new CompactedException(startRevision, compacted);
            }
            if (replayTo != 0) {
                replay(source);
            }
        } catch (StoreException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new StoreException("watch on " + prefix + " failed to replay history: " + e.getMessage(), e));
        }
        drain();
    }

    /** Delivers {@code [startRevision, replayTo]} from the table, chunk by chunk, unless closed meanwhile. */
    private void replay(SqliteWatchHub.EventSource source) {
        long from = startRevision;
        while (from <= replayTo) {
            synchronized (this) {
                if (closed || error != null) {
                    return;
                }
            }
            List<Event> chunk = source.events(prefix, from, replayTo, REPLAY_CHUNK);
            if (chunk.isEmpty()) {
                return;
            }
            deliver(chunk);
            if (chunk.size() < REPLAY_CHUNK) {
                return;
            }
            from = chunk.get(chunk.size() - 1).revision() + 1;
        }
    }

    private void drain() {
        while (true) {
            List<Event> batch;
            StoreException ending = null;
            synchronized (this) {
                if (closed) {
                    scheduled = false;
                    return;
                }
                if (error != null) {
                    ending = error;
                    closed = true;
                    scheduled = false;
                    batch = null;
                } else if (queue.isEmpty()) {
                    scheduled = false;
                    return;
                } else {
                    batch = new ArrayList<>(Math.min(queue.size(), DELIVERY_BATCH));
                    while (!queue.isEmpty() && batch.size() < DELIVERY_BATCH) {
                        batch.add(queue.poll());
                    }
                }
            }
            if (ending != null) {
                hub.remove(this);
                try {
                    listener.onError(ending);
                } catch (RuntimeException e) {
                    LOG.warn("Watch listener on {} threw from onError", prefix, e);
                }
                return;
            }
            deliver(batch);
        }
    }

    private void deliver(List<Event> batch) {
        try {
            listener.onEvents(batch);
        } catch (RuntimeException e) {
            LOG.warn("Watch listener on {} threw; its watch goes on", prefix, e);
        }
    }
}
