package io.kava.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Watch.Listener;
import io.etcd.jetcd.Watch.Watcher;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import io.kava.store.CompactedException;
import io.kava.store.Event;
import io.kava.store.StoreException;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store watch over a series of etcd watch streams.
 *
 * <p>jetcd's own resume is not used: after it creates a stream it moves its resume point to the server's current
 * revision before the replayed events have arrived, so a stream torn during a replay would skip them. Instead each
 * stream is an {@link Attempt}; when one fails with a transient error it is closed and a new one is opened from
 * {@link #next}, the revision after the last event handed to the listener, after a backoff. Events below {@code
 * next} are dropped, so the listener sees every revision once and in order across streams. A stream counts as
 * established when etcd confirms its creation; {@link EtcdOptions.Retry#maxAttempts()} failures in a row without
 * that end the watch with {@link StoreUnavailableException}. Streams require a leader, so a member cut off from the
 * cluster cancels them instead of going quiet.
 *
 * <p>Locking: {@link #lock} guards the fields below it. jetcd calls the attempt listeners while holding its own watch
 * lock, and jetcd's watch and close methods take that lock, so no jetcd method is called while {@link #lock} is held.
 */
final class EtcdWatch implements Watch {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdWatch.class);

    private final io.etcd.jetcd.Watch client;
    private final KeyCodec codec;
    private final EtcdCompaction compaction;
    private final EtcdOptions options;
    private final ScheduledExecutorService scheduler;
    private final Consumer<EtcdWatch> onEnded;
    private final String prefix;
    private final ByteSequence key;
    private final ByteSequence end;
    private final WatchDelivery delivery;

    private final Object lock = new Object();
    /** The first revision not yet handed to the listener; a new stream starts here. */
    private long next;
    /** The stream whose responses count; responses of any other are stale and ignored. */
    private Attempt attempt;
    /** Streams failed in a row since one was last established. */
    private int failures;
    private boolean ended;
    private ScheduledFuture<?> reopen;

    EtcdWatch(io.etcd.jetcd.Watch client, KeyCodec codec, EtcdCompaction compaction, EtcdOptions options,
            ScheduledExecutorService scheduler, Consumer<EtcdWatch> onEnded, String prefix, long startRevision,
            WatchListener listener) {
        this.client = client;
        this.codec = codec;
        this.compaction = compaction;
        this.options = options;
        this.scheduler = scheduler;
        this.onEnded = onEnded;
        this.prefix = prefix;
        this.key = codec.key(prefix);
        this.end = codec.prefixEnd(prefix);
        this.next = startRevision;
        this.delivery = new WatchDelivery(listener, options.watchBacklog(), prefix);
    }

    void start() {
        open();
    }

    /** Ends the watch before it starts, handing {@code error} to the listener. */
    void failNow(StoreException error) {
        synchronized (lock) {
            ended = true;
        }
        delivery.fail(error);
        onEnded.accept(this);
    }

    @Override
    public void close() {
        Attempt current;
        synchronized (lock) {
            ended = true;
            current = attempt;
            attempt = null;
            if (reopen != null) {
                reopen.cancel(false);
            }
        }
        delivery.stop();
        if (current != null) {
            current.kill();
        }
        onEnded.accept(this);
    }

    private void open() {
        Attempt opening = new Attempt();
        WatchOption option;
        synchronized (lock) {
            if (ended) {
                return;
            }
            attempt = opening;
            option = WatchOption.builder().withRange(end).withRevision(next).withPrevKV(true)
                    .withRequireLeader(true).withCreateNotify(true).withProgressNotify(true).build();
        }
        try {
            opening.started(client.watch(key, option, opening));
        } catch (RuntimeException e) {
            opening.onError(e);
        }
    }

    private void onResponse(Attempt from, WatchResponse response) {
        StoreException overflow = null;
        Attempt current;
        synchronized (lock) {
            if (ended || from != attempt) {
                return;
            }
            if (response.isCreatedNotify()) {
                if (failures > 0) {
                    LOG.debug("watch on {} re-established at revision {}", prefix, next);
                }
                failures = 0;
                return;
            }
            if (response.isProgressNotify()) {
                // etcd sends progress only for a stream that has delivered everything up to the header revision.
                next = Math.max(next, response.getHeader().getRevision() + 1);
                return;
            }
            List<Event> batch = new ArrayList<>();
            long last = next - 1;
            for (WatchEvent event : response.getEvents()) {
                long revision = event.getKeyValue().getModRevision();
                if (revision < next) {
                    continue;
                }
                last = Math.max(last, revision);
                Event converted = convert(event);
                if (converted != null) {
                    batch.add(converted);
                }
            }
            next = last + 1;
            if (batch.isEmpty() || delivery.offer(batch)) {
                return;
            }
            overflow = new StoreException("watch on " + prefix + " ended: its listener fell " + options.watchBacklog()
                    + " batches behind");
            current = endLocked(overflow);
        }
        LOG.warn(overflow.getMessage());
        finish(current);
    }

    private void onFailure(Attempt from, Throwable thrown) {
        StoreException fatal = null;
        EtcdErrors.Failure failure = thrown == null ? null : EtcdErrors.classify(thrown);
        long delay = 0;
        synchronized (lock) {
            if (ended || from != attempt) {
                return;
            }
            attempt = null;
            if (EtcdErrors.unwrap(thrown) instanceof io.etcd.jetcd.common.exception.CompactedException compacted) {
                compaction.observed(compacted.getCompactedRevision());
                fatal = new CompactedException(next, compacted.getCompactedRevision());
            } else if (failure != null && failure.kind() == EtcdErrors.Kind.COMPACTED) {
                fatal = new CompactedException(next, compaction.known());
            } else if (failure != null && (failure.kind() == EtcdErrors.Kind.FATAL
                    || failure.kind() == EtcdErrors.Kind.FUTURE_REVISION)) {
                fatal = new StoreException("watch on " + prefix + " failed: " + failure);
            } else if (++failures >= options.retry().maxAttempts()) {
                fatal = new StoreUnavailableException("etcd at " + options.endpoints() + " unavailable: watch on "
                        + prefix + " could not be re-established after " + failures + " attempts: "
                        + (failure == null ? "stream ended" : failure));
            } else {
                delay = options.retry().backoff(failures).toMillis();
                try {
                    reopen = scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    fatal = new StoreException("watch on " + prefix + " ended: the store is closed");
                }
            }
            if (fatal != null) {
                endLocked(fatal);
            }
        }
        from.kill();
        if (fatal != null) {
            if (!(fatal instanceof CompactedException)) {
                LOG.warn(fatal.getMessage());
            }
            finish(null);
        } else {
            LOG.debug("watch on {} lost its stream ({}), reopening from revision {} in {} ms", prefix,
                    failure == null ? "stream ended" : failure, next, delay);
        }
    }

    /** Marks the watch ended with {@code error} queued behind the batches already queued; returns the live stream. */
    private Attempt endLocked(StoreException error) {
        ended = true;
        Attempt current = attempt;
        attempt = null;
        if (reopen != null) {
            reopen.cancel(false);
        }
        delivery.fail(error);
        return current;
    }

    private void finish(Attempt current) {
        if (current != null) {
            current.kill();
        }
        onEnded.accept(this);
    }

    private Event convert(WatchEvent event) {
        return switch (event.getEventType()) {
            case PUT -> new Event(Event.Type.PUT, codec.decode(event.getKeyValue()),
                    codec.decodePrevious(event.getPrevKV()));
            case DELETE -> new Event(Event.Type.DELETE, codec.decode(event.getKeyValue()),
                    codec.decodePrevious(event.getPrevKV()));
            case UNRECOGNIZED -> null;
        };
    }

    /** One etcd watch stream and its listener. */
    private final class Attempt implements Listener {
        private Watcher watcher;
        private boolean dead;

        void started(Watcher started) {
            boolean closeNow;
            synchronized (this) {
                watcher = started;
                closeNow = dead;
            }
            if (closeNow) {
                started.close();
            }
        }

        void kill() {
            Watcher toClose;
            synchronized (this) {
                dead = true;
                toClose = watcher;
            }
            if (toClose != null) {
                toClose.close();
            }
        }

        @Override
        public void onNext(WatchResponse response) {
            onResponse(this, response);
        }

        @Override
        public void onError(Throwable throwable) {
            onFailure(this, throwable);
        }

        @Override
        public void onCompleted() {
            onFailure(this, null);
        }
    }
}
