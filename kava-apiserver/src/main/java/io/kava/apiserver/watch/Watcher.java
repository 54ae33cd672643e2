package io.kava.apiserver.watch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.node.ObjectNode;

/**
 * One client's view of a {@link WatchCache}: a bounded queue the cache offers events to, drained by the thread that
 * writes the client's response. A watcher whose queue fills up is closed (the client re-lists) rather than letting
 * memory grow without bound.
 */
public final class Watcher implements AutoCloseable {

    /** What a watcher hands to its writer: an event and the type to send it as. */
    public record Delivery(WatchEvent event, WatchEvent.Type type) {
    }

    /** Wakes a writer blocked in {@link #next} when the watcher is closed. */
    private static final WatchEvent WAKE_UP = new WatchEvent(WatchEvent.Type.BOOKMARK, "", (CachedObject) null, null, 0);

    private final String keyPrefix;
    private final Predicate<ObjectNode> filter;
    private final BlockingQueue<WatchEvent> queue;
    private final java.util.function.Consumer<Watcher> onClose;
    private volatile boolean closed;
    private volatile boolean overflowed;
    private volatile long lastRevision;

    Watcher(String keyPrefix, Predicate<ObjectNode> filter, int capacity, long fromRevision,
            java.util.function.Consumer<Watcher> onClose) {
        this.keyPrefix = keyPrefix;
        this.filter = filter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.lastRevision = fromRevision;
        this.onClose = onClose;
    }

    /** Called by the cache under its lock. Returns false when the watcher had to be dropped. */
    boolean offer(WatchEvent event) {
        if (closed || !event.key().startsWith(keyPrefix)) {
            return !closed;
        }
        if (!queue.offer(event)) {
            overflowed = true;
            closed = true;
            return false;
        }
        return true;
    }

    /**
     * Waits up to {@code timeoutMillis} for the next event that passes the filter. Returns null on timeout or when
     * the watcher is closed (see {@link #overflowed()}).
     */
    public Delivery next(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            WatchEvent event = queue.poll();
            if (event == null) {
                if (closed) {
                    return null;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                // close() offers WAKE_UP, so waiting the whole time never misses a close
                event = queue.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    continue;
                }
            }
            if (event == WAKE_UP) {
                return null;
            }
            lastRevision = event.revision();
            WatchEvent.Type as = typeFor(event);
            if (as != null) {
                return new Delivery(event, as);
            }
        }
    }

    /** Applies the filter the way Kubernetes does: entering the selection is ADDED, leaving it is DELETED. */
    private WatchEvent.Type typeFor(WatchEvent event) {
        boolean now = filter.test(event.object());
        return switch (event.type()) {
            case ADDED, DELETED -> now ? event.type() : null;
            case MODIFIED -> {
                boolean before = event.prevObject() != null && filter.test(event.prevObject());
                if (now) {
                    yield before ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED;
                }
                yield before ? WatchEvent.Type.DELETED : null;
            }
            default -> event.type();
        };
    }

    /** The revision of the last event taken from the queue (for bookmarks). */
    public long lastRevision() {
        return lastRevision;
    }

    public boolean overflowed() {
        return overflowed;
    }

    public boolean isClosed() {
        return closed && queue.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        queue.offer(WAKE_UP);
        onClose.accept(this);
    }
}
