package io.kava.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background compaction as kube-apiserver does it for etcd ({@code --etcd-compaction-interval}, 5 minutes): at every
 * tick, compact to the revision that was current one tick ago, so at least one interval of history stays for
 * watches and paged lists to resume from. Several API servers on one etcd may each run one: compacting to a revision
 * another already compacted past is harmless and ignored.
 */
public final class PeriodicCompactor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicCompactor.class);

    private final Store store;
    private final ScheduledExecutorService timer;
    private long previous;

    private PeriodicCompactor(Store store, Duration interval) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "store-compactor");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    public static PeriodicCompactor start(Store store, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("compaction interval must be positive, got " + interval);
        }
        return new PeriodicCompactor(store, interval);
    }

    private void tick() {
        try {
            long now = store.currentRevision();
            if (previous > store.compactRevision()) {
                store.compact(previous);
                LOG.debug("store compactor: compacted to revision {}", previous);
            }
            previous = now;
        } catch (StoreException e) {
            LOG.warn("store compactor: compaction skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("store compactor: unexpected failure", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
