package io.kava.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.etcd.jetcd.options.LeaseOption;
import io.kava.store.CompactedException;
import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.StoreException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract suite cannot see: several clients on one cluster, namespaces, and etcd's own rules. */
@SuppressWarnings("try") // try-with-resources scopes a Watch the body never names
class EtcdStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static EtcdTestCluster cluster;

    private final List<EtcdStore> stores = new CopyOnWriteArrayList<>();
    private String namespace;

    @BeforeAll
    static void startEtcd() {
        cluster = EtcdTestCluster.start(1);
    }

    @AfterAll
    static void stopEtcd() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void pickNamespace() {
        namespace = "/etcd-store-test-" + NAMESPACES.incrementAndGet();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(EtcdStore::close);
    }

    @Test
    void compactionByAnotherClientIsSeenByReadsAndWatches() {
        EtcdStore mine = open(namespace);
        EtcdStore other = open(namespace);
        long r1 = ok(mine.create("/a", b("1"), 0)).revision();
        long r2 = ok(mine.update("/a", b("2"), r1, 0)).revision();
        long r3 = ok(mine.update("/a", b("3"), r2, 0)).revision();
        long before = mine.compactRevision();

        assertThat(other.compact(r2)).isEqualTo(r2);

        // "mine" never compacted: it must find r2 by probing, and refuse reads at r2 (etcd alone would serve them).
        assertThat(mine.compactRevision()).isEqualTo(r2).isGreaterThan(before);
        assertThatThrownBy(() -> mine.range("/", null, 0, r2))
                .isInstanceOfSatisfying(CompactedException.class, e -> assertThat(e.compactRevision()).isEqualTo(r2));
        assertThat(mine.range("/", null, 0, r3).kvs()).extracting(KeyValue::valueAsString).containsExactly("3");

        Recorder atCompact = new Recorder();
        Recorder after = new Recorder();
        try (Watch w1 = mine.watch("/", r2, atCompact); Watch w2 = mine.watch("/", r3, after)) {
            await().atMost(WAIT).until(() -> !atCompact.errors.isEmpty() && !after.events.isEmpty());
            assertThat(atCompact.errors.get(0)).isInstanceOf(CompactedException.class);
            assertThat(atCompact.events).isEmpty();
            assertThat(after.events).extracting(Event::revision).containsExactly(r3);
        }
    }

    @Test
    void aCompactionFarAheadIsFoundByBinarySearch() {
        EtcdStore mine = open(namespace);
        EtcdStore other = open(namespace);
        long first = ok(mine.create("/k", b("0"), 0)).revision();
        long last = first;
        for (int i = 1; i <= 40; i++) {
            last = ok(mine.update("/k", b(Integer.toString(i)), last, 0)).revision();
        }
        long target = first + 27;
        mine.compactRevision();

        other.compact(target);

        assertThat(mine.compactRevision()).isEqualTo(target);
        assertThat(mine.compact(first + 5)).isEqualTo(target);
        assertThat(mine.compact(last + 1000)).isEqualTo(last);
    }

    @Test
    void namespacesKeepClustersApart() {
        EtcdStore one = open(namespace + "/one");
        EtcdStore two = open(namespace + "/two");
        EtcdStore raw = open("");
        Recorder oneWatch = new Recorder();
        try (Watch ignored = one.watch("/registry/", 0, oneWatch)) {
            ok(one.create("/registry/pods/default/web", b("in one"), 0));
            ok(two.create("/registry/pods/default/web", b("in two"), 0));
            ok(two.create("/registry/pods/default/db", b("in two"), 0));

            assertThat(one.get("/registry/pods/default/web").orElseThrow().valueAsString()).isEqualTo("in one");
            assertThat(two.get("/registry/pods/default/web").orElseThrow().valueAsString()).isEqualTo("in two");
            assertThat(one.count("/registry/")).isEqualTo(1);
            assertThat(two.count("/registry/")).isEqualTo(2);
            assertThat(one.range("", null, 0, 0).kvs()).extracting(KeyValue::key)
                    .containsExactly("/registry/pods/default/web");
            assertThat(raw.range(namespace + "/", null, 0, 0).kvs()).extracting(KeyValue::key).containsExactly(
                    namespace + "/one/registry/pods/default/web",
                    namespace + "/two/registry/pods/default/db",
                    namespace + "/two/registry/pods/default/web");

            await().atMost(WAIT).until(() -> !oneWatch.events.isEmpty());
            ok(one.delete("/registry/pods/default/web", 0));
            await().atMost(WAIT).until(() -> oneWatch.events.size() >= 2);
            assertThat(oneWatch.events).extracting(e -> e.kv().key())
                    .containsExactly("/registry/pods/default/web", "/registry/pods/default/web");
            assertThat(two.get("/registry/pods/default/web")).isPresent();
        }
    }

    @Test
    void aListenerThatFallsTooFarBehindLosesItsWatch() throws Exception {
        EtcdStore store = open(namespace, cluster.options().withWatchBacklog(2));
        CountDownLatch release = new CountDownLatch(1);
        List<List<Event>> batches = new CopyOnWriteArrayList<>();
        List<StoreException> errors = new CopyOnWriteArrayList<>();
        WatchListener stuck = new WatchListener() {
            @Override
            public void onEvents(List<Event> events) {
                batches.add(events);
                awaitLatch(release);
            }

            @Override
            public void onError(StoreException error) {
                errors.add(error);
            }
        };
        try (Watch ignored = store.watch("/", 0, stuck)) {
            for (int i = 0; i < 20; i++) {
                ok(store.create("/slow-" + i, b("v"), 0));
            }
            await().atMost(WAIT).until(() -> !batches.isEmpty());
            release.countDown();
            await().atMost(WAIT).until(() -> !errors.isEmpty());
            assertThat(errors.get(0)).hasMessageContaining("fell 2 batches behind");
            int delivered = batches.stream().mapToInt(List::size).sum();
            assertThat(delivered).isLessThan(20);
            ok(store.create("/after", b("v"), 0));
            await().during(Duration.ofMillis(300)).atMost(WAIT)
                    .until(() -> batches.stream().mapToInt(List::size).sum() == delivered);
            assertThat(errors).hasSize(1);
        }
    }

    @Test
    void aRangeLargerThanGrpcsDefaultMessageLimitComesBackWhole() {
        EtcdStore store = open(namespace);
        byte[] big = new byte[1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        for (int i = 0; i < 6; i++) {
            ok(store.create("/big/" + i, big, 0));
        }
        assertThat(store.range("/big/", null, 0, 0).kvs()).hasSize(6)
                .allSatisfy(kv -> assertThat(kv.value()).isEqualTo(big));
    }

    @Test
    void updateWithRevisionZeroNeverCreates() {
        EtcdStore store = open(namespace);
        assertThat(store.update("/missing", b("x"), 0, 0)).isEqualTo(new WriteResult.Conflict(null));
        assertThat(store.get("/missing")).isEmpty();
        long r = ok(store.create("/present", b("x"), 0)).revision();
        WriteResult conflict = store.update("/present", b("y"), 0, 0);
        assertThat(conflict).isInstanceOfSatisfying(WriteResult.Conflict.class,
                c -> assertThat(c.current().modRevision()).isEqualTo(r));
    }

    @Test
    void leaseTtlBelowTheEtcdMinimumIsRaisedNotRefused() throws Exception {
        EtcdStore store = open(namespace);
        long lease = store.grantLease(1);
        ok(store.create("/leased", b("v"), lease));
        // etcd's minimum TTL is 1.5 election timeouts rounded up: 2 s with its default timings.
        long granted = cluster.admin().getLeaseClient().timeToLive(lease, LeaseOption.DEFAULT)
                .get(10, TimeUnit.SECONDS).getGrantedTTL();
        assertThat(granted).isEqualTo(2);
        await().atMost(WAIT).until(() -> store.get("/leased").isEmpty());
    }

    @Test
    void aClosedStoreRefusesCalls() {
        EtcdStore store = open(namespace);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.get("/a")).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private EtcdStore open(String ns) {
        return open(ns, cluster.options());
    }

    private EtcdStore open(String ns, EtcdOptions options) {
        EtcdStore store = EtcdStore.connect(options.withNamespace(ns));
        stores.add(store);
        return store;
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static WriteResult.Ok ok(WriteResult result) {
        assertThat(result).isInstanceOf(WriteResult.Ok.class);
        return (WriteResult.Ok) result;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Recorder implements WatchListener {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<StoreException> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onEvents(List<Event> batch) {
            events.addAll(batch);
        }

        @Override
        public void onError(StoreException error) {
            errors.add(error);
        }
    }
}
