package io.kava.store.etcd;

import io.kava.store.Event;
import io.kava.store.StoreException;
import io.kava.store.WatchListener;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one watch's batches to its listener on a virtual thread of its own, one call at a time and in the order they
 * were offered, so a slow listener never stalls the gRPC threads that read etcd's stream.
 *
 * <p>At most {@code backlog} batches wait; {@link #offer} refuses more, and the owner then ends the watch. After
 * {@link #fail} the listener gets the error once, after the batches already queued, and nothing else. After
 * {@link #stop} it gets nothing more (a call already running completes).
 */
final class WatchDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WatchDelivery.class);

    private sealed interface Item {
    }

    private record Batch(List<Event> events) implements Item {
    }

    private record Failure(StoreException error) implements Item {
    }

    private record Stop() implements Item {
    }

    private final WatchListener listener;
    private final int backlog;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopped;

    WatchDelivery(WatchListener listener, int backlog, String name) {
        this.listener = listener;
        this.backlog = backlog;
        Thread.ofVirtual().name("kava-etcd-watch " + name).start(this::run);
    }

    /** Queues a batch; false when the listener is {@code backlog} batches behind (nothing was queued). */
    boolean offer(List<Event> events) {
        if (stopped || queue.size() >= backlog) {
            return false;
        }
        queue.add(new Batch(events));
        return true;
    }

    void fail(StoreException error) {
        if (!stopped) {
            queue.add(new Failure(error));
        }
    }

    void stop() {
        stopped = true;
        queue.clear();
        queue.add(new Stop());
    }

    private void run() {
        try {
            while (!stopped) {
                Item item = queue.take();
                if (stopped || item instanceof Stop) {
                    return;
                }
                if (item instanceof Failure failure) {
                    stopped = true;
                    queue.clear();
                    call(() -> listener.onError(failure.error()));
                    return;
                }
                call(() -> listener.onEvents(((Batch) item).events()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // The listener's bug: keep the watch going, as other deliveries do not depend on this one.
            LOG.warn("watch listener {} threw", listener, e);
        }
    }
}
