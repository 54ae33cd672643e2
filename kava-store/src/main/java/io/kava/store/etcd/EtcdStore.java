package io.kava.store.etcd;

import io.etcd.jetcd.Client;
import io.kava.store.CompactedException;
import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import io.kava.store.PeriodicCompactor;
import io.kava.store.Store;
import io.kava.store.StoreException;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} on a real etcd cluster (3.4 or later) through jetcd.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>get, range, count: compare-free transactions holding linearizable range requests; a range at a past revision
 *       carries a probe at revision - 1 so it fails at or below the compact revision as the contract says (etcd alone
 *       would serve the compact revision itself).</li>
 *   <li>create: {@code if create_revision(k) == 0 then put, get else get}; update: {@code if mod_revision(k) ==
 *       expected and create_revision(k) > 0 then put, get else get}; delete: {@code if mod_revision(k) == expected
 *       then delete(prev_kv) else get}, with no condition when expected is 0.</li>
 *   <li>watch: etcd watch streams with prev_kv and require-leader, resumed from the last delivered revision when a
 *       stream breaks (see {@link EtcdWatch}); listeners are called on a virtual thread per watch.</li>
 *   <li>compactRevision: etcd does not report it, so it is probed: one read per call while nobody else compacts,
 *       a binary search over the revisions since the last call when someone did (see {@link EtcdCompaction}).</li>
 *   <li>leases: etcd leases. etcd raises a TTL below its minimum (1.5 election timeouts, rounded up: 2 s by default)
 *       to that minimum, and its leader expires leases about every 500 ms.</li>
 * </ul>
 *
 * <h2>Revisions</h2>
 * Revisions are etcd's cluster-wide revisions. A fresh etcd starts at revision 1, not 0, and writes under other
 * namespaces of the same cluster advance the revision too; every write of this store still advances it by exactly
 * one.
 *
 * <h2>Failures</h2>
 * Every call has a deadline ({@link EtcdOptions#requestTimeout()}) and is retried with backoff as {@link EtcdCalls}
 * describes. When etcd stays unreachable a call fails with {@link StoreUnavailableException} naming the endpoints; a
 * write whose outcome etcd left unknown fails the same way at once and says so. Durability is etcd's: a write that
 * returned is committed to a quorum's write-ahead log.
 */
public final class EtcdStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdStore.class);

    private final EtcdOptions options;
    private final Client client;
    private final KeyCodec codec;
    private final EtcdKv kv;
    private final EtcdCompaction compaction;
    private final EtcdReads reads;
    private final EtcdWrites writes;
    private final EtcdCalls calls;
    private final ScheduledExecutorService watchRetries;
    private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** kube-apiserver's default {@code --etcd-compaction-interval}. */
    static final java.time.Duration COMPACTION_INTERVAL = java.time.Duration.ofMinutes(5);
    private PeriodicCompactor compactor;

    private EtcdStore(EtcdOptions options, Client client) {
        this.options = options;
        this.client = client;
        this.codec = new KeyCodec(options.namespace());
        this.calls = new EtcdCalls(options);
        this.kv = new EtcdKv(client.getKVClient(), calls);
        this.compaction = new EtcdCompaction(kv);
        this.reads = new EtcdReads(kv, codec, compaction);
        this.writes = new EtcdWrites(kv, codec);
        this.watchRetries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kava-etcd-watch-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects to the cluster and checks that it answers; fails with {@link StoreUnavailableException} naming the
     * endpoints when it does not within the retry budget.
     */
    public static EtcdStore connect(EtcdOptions options) {
        EtcdStore store = new EtcdStore(options, newClient(options));
        try {
            long revision = store.currentRevision();
            store.compactor = PeriodicCompactor.start(store, COMPACTION_INTERVAL);
            LOG.info("connected to etcd at {} (namespace '{}', revision {})", options.endpoints(), options.namespace(),
                    revision);
            return store;
        } catch (StoreUnavailableException e) {
            store.close();
            throw new StoreUnavailableException("cannot connect: " + e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Client newClient(EtcdOptions options) {
        return Client.builder()
                .endpoints(options.endpoints().toArray(URI[]::new))
                .connectTimeout(options.connectTimeout())
                // A list of a big resource easily exceeds gRPC's 4 MiB default; etcd bounds requests, not responses.
                .maxInboundMessageSize(Integer.MAX_VALUE)
                // Fail fast while no member is reachable instead of queueing calls until one is: EtcdCalls retries.
                .waitForReady(false)
                .retryMaxAttempts(0)
                // Members without a leader refuse requests at once ("no leader") instead of timing out on them.
                .header("hasleader", "true")
                .interceptor(new UnaryDeadlines(options.requestTimeout()))
                .build();
    }

    public EtcdOptions options() {
        return options;
    }

    @Override
    public long currentRevision() {
        ensureOpen();
        return kv.currentRevision();
    }

    @Override
    public long compactRevision() {
        ensureOpen();
        return compaction.current();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        ensureOpen();
        return reads.get(key);
    }

    @Override
    public RangeResult range(String prefix, String startKey, int limit, long revision) {
        ensureOpen();
        return reads.range(prefix, startKey, limit, revision);
    }

    @Override
    public long count(String prefix) {
        ensureOpen();
        return reads.count(prefix);
    }

    @Override
    public WriteResult create(String key, byte[] value, long lease) {
        ensureOpen();
        return writes.create(key, value, lease);
    }

    @Override
    public WriteResult update(String key, byte[] value, long expectedModRevision, long lease) {
        ensureOpen();
        return writes.update(key, value, expectedModRevision, lease);
    }

    @Override
    public WriteResult delete(String key, long expectedModRevision) {
        ensureOpen();
        return writes.delete(key, expectedModRevision);
    }

    @Override
    public Watch watch(String prefix, long startRevision, WatchListener listener) {
        ensureOpen();
        if (startRevision < 0) {
            throw new IllegalArgumentException("startRevision must not be negative: " + startRevision);
        }
        long start = startRevision == 0 ? kv.currentRevision() + 1 : startRevision;
        EtcdWatch watch = new EtcdWatch(client.getWatchClient(), codec, compaction, options, watchRetries,
                watches::remove, prefix, start, listener);
        watches.add(watch);
        if (startRevision > 0 && compaction.refuses(startRevision)) {
            watch.failNow(new CompactedException(startRevision, compaction.current()));
        } else {
            watch.start();
        }
        return watch;
    }

    @Override
    public long compact(long revision) {
        ensureOpen();
        return compaction.compact(revision);
    }

    /** Grants an etcd lease. A retried grant may leave an unused lease behind; it expires on its own. */
    @Override
    public long grantLease(long ttlSeconds) {
        ensureOpen();
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("lease TTL must be at least 1 second, got " + ttlSeconds);
        }
        return calls.call("grant lease", EtcdCalls.Mode.READ, () -> client.getLeaseClient().grant(ttlSeconds))
                .getID();
    }

    @Override
    public void revokeLease(long lease) {
        ensureOpen();
        // Idempotent: a repeated revoke finds no lease, which is ignored like any unknown lease.
        calls.call("revoke lease " + lease, EtcdCalls.Mode.READ, () -> client.getLeaseClient().revoke(lease)
                .handle((response, error) -> {
                    if (error != null && !isLeaseNotFound(error)) {
                        throw new CompletionException(error);
                    }
                    return Boolean.TRUE;
                }));
    }

    private static boolean isLeaseNotFound(Throwable error) {
        EtcdErrors.Failure failure = EtcdErrors.classify(error);
        return failure.code() == io.grpc.Status.Code.NOT_FOUND
                && failure.description() != null && failure.description().contains("lease not found");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (compactor != null) {
            compactor.close();
        }
        for (EtcdWatch watch : List.copyOf(watches)) {
            watch.close();
        }
        watchRetries.shutdownNow();
        client.close();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new StoreException("the etcd store for " + options.endpoints() + " is closed");
        }
    }
}
