package io.kava.store.etcd;

import io.grpc.Status;
import io.kava.store.StoreException;
import io.kava.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one etcd call with bounded retries and backoff, and turns its failure into a {@link StoreException}.
 *
 * <p>Retry rules: a {@link Mode#READ} is retried on any transient error. A {@link Mode#WRITE} is retried only when
 * etcd cannot have applied it (connection refused, no leader, proposal dropped); on any other transient error its
 * outcome is unknown, and it fails at once with a {@link StoreUnavailableException} that says so, because blindly
 * repeating a compare-and-swap could report a conflict with the caller's own write.
 *
 * <p>Bounds: each attempt has the deadline {@link EtcdOptions#requestTimeout()}; there are at most {@link
 * EtcdOptions.Retry#maxAttempts()} attempts, and none starts once {@code requestTimeout} has passed since the first,
 * so a call ends within about twice {@code requestTimeout} however etcd misbehaves.
 *
 * <p>Logging: one warning when etcd becomes unreachable and one line when it is back, never one per call.
 */
final class EtcdCalls {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdCalls.class);
    /** Slack over the gRPC deadline before giving up on a future that never completes. */
    private static final Duration FUTURE_SLACK = Duration.ofSeconds(2);

    enum Mode { READ, WRITE }

    /** A read or write rejected for its revision; the caller knows which revision and turns it into the SPI error. */
    static final class RevisionRejected extends RuntimeException {
        private final boolean compacted;

        RevisionRejected(boolean compacted) {
            super(compacted ? "compacted" : "future revision", null, false, false);
            this.compacted = compacted;
        }

        boolean compacted() {
            return compacted;
        }
    }

    private final EtcdOptions options;
    private final AtomicBoolean unavailable = new AtomicBoolean();

    EtcdCalls(EtcdOptions options) {
        this.options = options;
    }

    <T> T call(String what, Mode mode, Supplier<CompletableFuture<T>> attempt) {
        long started = System.nanoTime();
        EtcdErrors.Failure last = null;
        for (int n = 1; ; n++) {
            try {
                T result = await(attempt.get());
                if (unavailable.compareAndSet(true, false)) {
                    LOG.info("etcd at {} is reachable again", options.endpoints());
                }
                return result;
            } catch (StoreException e) {
                throw e;
            } catch (TimeoutException e) {
                last = new EtcdErrors.Failure(EtcdErrors.Kind.TRANSIENT, Status.Code.DEADLINE_EXCEEDED,
                        "no answer within " + options.requestTimeout().plus(FUTURE_SLACK), null);
            } catch (ExecutionException | RuntimeException e) {
                last = EtcdErrors.classify(e);
            }
            switch (last.kind()) {
                case COMPACTED -> throw new RevisionRejected(true);
                case FUTURE_REVISION -> throw new RevisionRejected(false);
                case FATAL -> throw new StoreException("etcd " + what + " failed: " + last, last.cause());
                case TRANSIENT -> {
                    if (mode == Mode.WRITE) {
                        throw unavailable("the outcome of " + what + " is unknown (it may or may not have been "
                                + "applied)", last);
                    }
                }
                case NOT_APPLIED -> {
                }
            }
            Duration pause = options.retry().backoff(n);
            long elapsed = System.nanoTime() - started;
            if (n >= options.retry().maxAttempts() || elapsed + pause.toNanos() >= options.requestTimeout().toNanos()) {
                long millis = TimeUnit.NANOSECONDS.toMillis(elapsed);
                throw unavailable(what + " failed after " + n + " attempts in " + millis + " ms", last);
            }
            LOG.debug("etcd {} attempt {} failed ({}), retrying in {} ms", what, n, last, pause.toMillis());
            sleep(pause);
        }
    }

    private <T> T await(CompletableFuture<T> future) throws ExecutionException, TimeoutException {
        try {
            return future.get(options.requestTimeout().plus(FUTURE_SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for etcd at " + options.endpoints(), e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    private StoreUnavailableException unavailable(String detail, EtcdErrors.Failure failure) {
        if (unavailable.compareAndSet(false, true)) {
            LOG.warn("etcd at {} is unavailable: {}", options.endpoints(), failure);
        }
        return new StoreUnavailableException("etcd at " + options.endpoints() + " unavailable: " + detail + ": "
                + failure, failure.cause());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying an etcd call", e);
        }
    }
}
