package io.kava.store.sqlite;

import io.kava.store.Event;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Fans committed events out to watches, in process: the writer hands every committed batch to {@link
 * #publish(List)}, which only appends to each matching watch's bounded queue, so a slow watcher never holds up the
 * writer (it is closed when its queue overflows). Each watch is drained on a virtual thread.
 *
 * <p>Catch-up without gaps or duplicates: registration and publishing share {@link #lock}, and {@link #lastRevision}
 * is the last revision published. A watch registered from a start revision at or below it replays {@code [start,
 * lastRevision]} from the table (those rows are committed, since publishing follows commit) and receives everything
 * after it live; the live events wait in its queue until the replay is delivered.
 */
final class SqliteWatchHub implements AutoCloseable {

    /** Reads committed events for replay. */
    interface EventSource {
        /** Events under {@code prefix} with revisions in {@code [from, to]}, oldest first, at most {@code limit}. */
        List<Event> events(String prefix, long from, long to, int limit);

        long compactRevision();
    }

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final List<WatchSubscription> subscriptions = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private long lastRevision;
    private final EventSource source;
    /** The writer's committed revision, which may run ahead of {@link #lastRevision} between commit and publish. */
    private final LongSupplier committedRevision;
    private final int queueLimit;
    private final ExecutorService delivery =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kava-sqlite-watch-", 0).factory());

    SqliteWatchHub(long lastRevision, int queueLimit, EventSource source, LongSupplier committedRevision) {
        this.lastRevision = lastRevision;
        this.committedRevision = committedRevision;
        this.queueLimit = queueLimit;
        this.source = source;
    }

    Watch watch(String prefix, long startRevision, WatchListener listener) {
        WatchSubscription subscription;
        synchronized (lock) {
            // "From now" means after the current revision, even one committed but not yet published here.
            long from = startRevision == 0 ? Math.max(lastRevision, committedRevision.getAsLong()) + 1 : startRevision;
            long replayTo = from <= lastRevision ? lastRevision : 0;
            subscription = new WatchSubscription(this, prefix, from, startRevision != 0, replayTo, listener,
                    queueLimit);
            subscriptions.add(subscription);
        }
        subscription.start(delivery);
        return subscription;
    }

    /** Called by the writer thread after each commit, with the batch's events in revision order. */
    void publish(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (Iterator<WatchSubscription> it = subscriptions.iterator(); it.hasNext(); ) {
                if (!it.next().offer(events)) {
                    it.remove();
                }
            }
            lastRevision = events.get(events.size() - 1).revision();
        }
    }

    int watchCount() {
        synchronized (lock) {
            return subscriptions.size();
        }
    }

    EventSource source() {
        return source;
    }

    void remove(WatchSubscription subscription) {
        synchronized (lock) {
            subscriptions.remove(subscription);
        }
    }

    /** Ends every watch with {@link StoreUnavailableException} and lets deliveries in flight finish briefly. */
    @Override
    public void close() {
        List<WatchSubscription> all;
        synchronized (lock) {
            all = new ArrayList<>(subscriptions);
            subscriptions.clear();
        }
        for (WatchSubscription subscription : all) {
            subscription.fail(new StoreUnavailableException("the store was closed"));
        }
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
