package io.kava.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The behaviour every {@link Store} backend must show. A backend test extends this class and supplies {@link
 * #newStore()}; every test gets a fresh store and works under its own key {@link #prefix}, so a backend that shares
 * one server between tests (etcd) still sees isolated keys. Revisions are only ever compared relative to the
 * revision at the start of a test, never to absolute numbers.
 */
@SuppressWarnings("try") // try-with-resources scopes a Watch the body never names
public abstract class StoreContractTest {

    /** Generous: etcd rounds small lease TTLs up to its minimum (about 2 s) and expires leases lazily. */
    protected static final Duration LEASE_WAIT = Duration.ofSeconds(15);
    protected static final Duration WAIT = Duration.ofSeconds(10);

    protected Store store;
    /** A key prefix unique to the running test, ending in {@code /}. */
    protected String prefix;

    /** A fresh store; it must be empty under {@link #prefix} and is closed after the test. */
    protected abstract Store newStore();

    @BeforeEach
    void openStore(TestInfo info) {
        prefix = "/contract/" + info.getTestMethod().map(m -> m.getName()).orElse("t") + "-" + System.nanoTime() + "/";
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---------------------------------------------------------------- revisions and bookkeeping

    @Test
    void everyWriteAdvancesTheRevisionByExactlyOne() {
        long r0 = store.currentRevision();

        assertThat(ok(store.create(k("a"), b("1"), 0)).revision()).isEqualTo(r0 + 1);
        assertThat(store.currentRevision()).isEqualTo(r0 + 1);
        assertThat(ok(store.update(k("a"), b("2"), r0 + 1, 0)).revision()).isEqualTo(r0 + 2);
        assertThat(ok(store.create(k("b"), b("1"), 0)).revision()).isEqualTo(r0 + 3);
        assertThat(ok(store.delete(k("a"), 0)).revision()).isEqualTo(r0 + 4);
        assertThat(store.currentRevision()).isEqualTo(r0 + 4);
    }

    @Test
    void readsAndFailedConditionsDoNotAdvanceTheRevision() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();

        store.get(k("a"));
        store.range(prefix, null, 0, 0);
        store.count(prefix);
        assertThat(store.create(k("a"), b("x"), 0).succeeded()).isFalse();
        assertThat(store.update(k("a"), b("x"), r1 - 1, 0).succeeded()).isFalse();
        assertThat(store.update(k("missing"), b("x"), r1, 0).succeeded()).isFalse();
        assertThat(store.delete(k("a"), r1 + 100).succeeded()).isFalse();
        assertThat(store.delete(k("missing"), 0).succeeded()).isFalse();

        assertThat(store.currentRevision()).isEqualTo(r1);
    }

    @Test
    void createAndUpdateKeepCreateRevisionModRevisionAndVersion() {
        byte[] binary = {0, 1, (byte) 0xff, (byte) 0x80, 10, 0};
        KeyValue created = ok(store.create(k("a"), binary, 0)).kv();
        long r1 = created.modRevision();
        assertThat(created.key()).isEqualTo(k("a"));
        assertThat(created.value()).isEqualTo(binary);
        assertThat(created.createRevision()).isEqualTo(r1);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.lease()).isZero();

        KeyValue updated = ok(store.update(k("a"), b("two"), r1, 0)).kv();
        assertThat(updated.createRevision()).isEqualTo(r1);
        assertThat(updated.modRevision()).isEqualTo(r1 + 1);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.valueAsString()).isEqualTo("two");

        KeyValue again = ok(store.update(k("a"), b("three"), r1 + 1, 0)).kv();
        assertThat(again.version()).isEqualTo(3);

        KeyValue read = store.get(k("a")).orElseThrow();
        assertThat(read.createRevision()).isEqualTo(r1);
        assertThat(read.modRevision()).isEqualTo(r1 + 2);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.valueAsString()).isEqualTo("three");

        assertThat(store.get(k("b"))).isEmpty();
        assertThat(store.get(k("a")).orElseThrow().value()).isNotSameAs(binary);
        assertThat(ok(store.create(k("bin"), binary, 0)).kv().value()).isEqualTo(binary);
        assertThat(store.get(k("bin")).orElseThrow().value()).isEqualTo(binary);
    }

    @Test
    void recreateAfterDeleteStartsANewIncarnation() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
        ok(store.update(k("a"), b("2"), r1, 0));
        ok(store.delete(k("a"), 0));
        assertThat(store.get(k("a"))).isEmpty();

        WriteResult.Ok again = ok(store.create(k("a"), b("new"), 0));
        assertThat(again.revision()).isEqualTo(r1 + 3);
        assertThat(again.kv().createRevision()).isEqualTo(r1 + 3);
        assertThat(again.kv().version()).isEqualTo(1);
        KeyValue read = store.get(k("a")).orElseThrow();
        assertThat(read.createRevision()).isEqualTo(r1 + 3);
        assertThat(read.modRevision()).isEqualTo(r1 + 3);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.valueAsString()).isEqualTo("new");
    }

    // ---------------------------------------------------------------- range and count

    @Test
    void rangeReturnsKeysUnderThePrefixInOrder() {
        for (String name : List.of("c", "a", "b", "dir/x", "dir/y")) {
            ok(store.create(k(name), b("v-" + name), 0));
        }
        ok(store.create(prefix.substring(0, prefix.length() - 1) + "-sibling", b("no"), 0));
        ok(store.create(prefix.substring(0, prefix.length() - 1), b("no"), 0));

        RangeResult all = store.range(prefix, null, 0, 0);
        assertThat(keys(all)).containsExactly(k("a"), k("b"), k("c"), k("dir/x"), k("dir/y"));
        assertThat(all.more()).isFalse();
        assertThat(all.revision()).isEqualTo(store.currentRevision());
        assertThat(all.kvs().get(0).valueAsString()).isEqualTo("v-a");

        assertThat(keys(store.range(k("dir/"), null, 0, 0))).containsExactly(k("dir/x"), k("dir/y"));
        assertThat(keys(store.range(k("a"), null, 0, 0))).containsExactly(k("a"));
        assertThat(store.range(k("nothing/"), null, 0, 0).kvs()).isEmpty();
    }

    @Test
    void rangeWithLimitPagesWithMoreAndStartKey() {
        for (int i = 0; i < 7; i++) {
            ok(store.create(k("item-" + i), b("v" + i), 0));
        }

        RangeResult page1 = store.range(prefix, null, 3, 0);
        assertThat(keys(page1)).containsExactly(k("item-0"), k("item-1"), k("item-2"));
        assertThat(page1.more()).isTrue();

        RangeResult page2 = store.range(prefix, next(page1), 3, page1.revision());
        assertThat(keys(page2)).containsExactly(k("item-3"), k("item-4"), k("item-5"));
        assertThat(page2.more()).isTrue();
        assertThat(page2.revision()).isEqualTo(page1.revision());

        RangeResult page3 = store.range(prefix, next(page2), 3, page1.revision());
        assertThat(keys(page3)).containsExactly(k("item-6"));
        assertThat(page3.more()).isFalse();

        // A limit that exactly fits is not "more".
        assertThat(store.range(prefix, null, 7, 0).more()).isFalse();
        assertThat(store.range(prefix, k("item-4"), 0, 0).kvs()).hasSize(3);
    }

    @Test
    void pagedReadAtAFixedRevisionIsConsistentWhileWritesContinue() {
        List<Long> revs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            revs.add(ok(store.create(k("p" + i), b("old" + i), 0)).revision());
        }
        RangeResult first = store.range(prefix, null, 4, 0);
        long at = first.revision();
        List<String> seen = new ArrayList<>(keys(first));

        // Writes between pages: an update, a delete, a new key in the middle and one at the end.
        ok(store.update(k("p5"), b("new5"), revs.get(5), 0));
        ok(store.delete(k("p6"), 0));
        ok(store.create(k("p55"), b("new"), 0));
        ok(store.create(k("p99"), b("new"), 0));
        ok(store.delete(k("p0"), 0));

        String start = next(first);
        RangeResult page;
        List<KeyValue> later = new ArrayList<>();
        do {
            page = store.range(prefix, start, 4, at);
            assertThat(page.revision()).isEqualTo(at);
            later.addAll(page.kvs());
            if (!page.kvs().isEmpty()) {
                start = next(page);
            }
        } while (page.more());
        later.forEach(kv -> seen.add(kv.key()));

        assertThat(seen).containsExactly(IntStream.range(0, 10).mapToObj(i -> k("p" + i)).toArray(String[]::new));
        KeyValue p5 = later.stream().filter(kv -> kv.key().equals(k("p5"))).findFirst().orElseThrow();
        assertThat(p5.valueAsString()).isEqualTo("old5");
        assertThat(p5.modRevision()).isEqualTo(revs.get(5));
        assertThat(p5.version()).isEqualTo(1);
    }

    @Test
    void rangeAtAnOldRevisionReturnsTheOldState() {
        long r1 = ok(store.create(k("a"), b("a1"), 0)).revision();
        ok(store.create(k("b"), b("b1"), 0));
        ok(store.update(k("a"), b("a2"), r1, 0));
        long afterUpdate = store.currentRevision();
        ok(store.delete(k("b"), 0));
        ok(store.create(k("c"), b("c1"), 0));
        ok(store.delete(k("a"), 0));
        ok(store.create(k("a"), b("a-new"), 0));

        RangeResult atR1 = store.range(prefix, null, 0, r1);
        assertThat(keys(atR1)).containsExactly(k("a"));
        assertThat(atR1.kvs().get(0).valueAsString()).isEqualTo("a1");
        assertThat(atR1.revision()).isEqualTo(r1);

        RangeResult atUpdate = store.range(prefix, null, 0, afterUpdate);
        assertThat(keys(atUpdate)).containsExactly(k("a"), k("b"));
        KeyValue a = atUpdate.kvs().get(0);
        assertThat(a.valueAsString()).isEqualTo("a2");
        assertThat(a.createRevision()).isEqualTo(r1);
        assertThat(a.modRevision()).isEqualTo(afterUpdate);
        assertThat(a.version()).isEqualTo(2);

        RangeResult latest = store.range(prefix, null, 0, 0);
        assertThat(keys(latest)).containsExactly(k("a"), k("c"));
        assertThat(latest.kvs().get(0).valueAsString()).isEqualTo("a-new");
        assertThat(latest.kvs().get(0).version()).isEqualTo(1);
        assertThat(latest.revision()).isEqualTo(store.currentRevision());
    }

    @Test
    void rangeAtAFutureRevisionThrows() {
        ok(store.create(k("a"), b("1"), 0));
        long current = store.currentRevision();
        assertThatThrownBy(() -> store.range(prefix, null, 0, current + 1000))
                .isInstanceOfSatisfying(FutureRevisionException.class, e -> {
                    assertThat(e.requestedRevision()).isEqualTo(current + 1000);
                    assertThat(e.currentRevision()).isGreaterThanOrEqualTo(current);
                });
        assertThat(store.range(prefix, null, 0, current).kvs()).hasSize(1);
    }

    @Test
    void countCountsLiveKeysUnderThePrefix() {
        assertThat(store.count(prefix)).isZero();
        for (int i = 0; i < 5; i++) {
            ok(store.create(k("x/" + i), b("v"), 0));
        }
        ok(store.create(k("y/1"), b("v"), 0));
        ok(store.delete(k("x/2"), 0));
        long r = store.get(k("x/3")).orElseThrow().modRevision();
        ok(store.update(k("x/3"), b("v2"), r, 0));

        assertThat(store.count(k("x/"))).isEqualTo(4);
        assertThat(store.count(k("y/"))).isEqualTo(1);
        assertThat(store.count(prefix)).isEqualTo(5);
        assertThat(store.count(k("z/"))).isZero();
    }

    // ---------------------------------------------------------------- conditional writes

    @Test
    void createOfAnExistingKeyConflictsWithTheCurrentValue() {
        KeyValue first = ok(store.create(k("a"), b("first"), 0)).kv();

        WriteResult result = store.create(k("a"), b("second"), 0);
        assertThat(result).isInstanceOf(WriteResult.Conflict.class);
        KeyValue current = ((WriteResult.Conflict) result).current();
        assertThat(current.valueAsString()).isEqualTo("first");
        assertThat(current.modRevision()).isEqualTo(first.modRevision());
        assertThat(current.createRevision()).isEqualTo(first.createRevision());
        assertThat(current.version()).isEqualTo(1);
        assertThat(store.get(k("a")).orElseThrow().valueAsString()).isEqualTo("first");
    }

    @Test
    void updateIsACompareAndSwapOnModRevision() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
        long r2 = ok(store.update(k("a"), b("2"), r1, 0)).revision();

        WriteResult stale = store.update(k("a"), b("stale"), r1, 0);
        assertThat(stale).isInstanceOf(WriteResult.Conflict.class);
        KeyValue current = ((WriteResult.Conflict) stale).current();
        assertThat(current.valueAsString()).isEqualTo("2");
        assertThat(current.modRevision()).isEqualTo(r2);
        assertThat(current.version()).isEqualTo(2);

        WriteResult missing = store.update(k("missing"), b("x"), r2, 0);
        assertThat(missing).isEqualTo(new WriteResult.Conflict(null));
        assertThat(store.get(k("missing"))).isEmpty();

        ok(store.delete(k("a"), 0));
        assertThat(store.update(k("a"), b("after-delete"), r2, 0)).isEqualTo(new WriteResult.Conflict(null));
        assertThat(store.get(k("a"))).isEmpty();
    }

    @Test
    void conditionalDeleteChecksTheModRevision() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
        long r2 = ok(store.update(k("a"), b("2"), r1, 0)).revision();

        WriteResult stale = store.delete(k("a"), r1);
        assertThat(stale).isInstanceOf(WriteResult.Conflict.class);
        assertThat(((WriteResult.Conflict) stale).current().modRevision()).isEqualTo(r2);
        assertThat(store.get(k("a"))).isPresent();

        WriteResult.Ok deleted = ok(store.delete(k("a"), r2));
        assertThat(deleted.revision()).isEqualTo(r2 + 1);
        assertThat(deleted.kv().valueAsString()).isEqualTo("2");
        assertThat(deleted.kv().modRevision()).isEqualTo(r2);
        assertThat(deleted.kv().createRevision()).isEqualTo(r1);
        assertThat(deleted.kv().version()).isEqualTo(2);
        assertThat(store.get(k("a"))).isEmpty();
        assertThat(store.count(prefix)).isZero();

        assertThat(store.delete(k("a"), r2)).isEqualTo(new WriteResult.Conflict(null));
    }

    @Test
    void unconditionalDeleteRemovesWhateverIsThere() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
        ok(store.update(k("a"), b("2"), r1, 0));

        WriteResult.Ok deleted = ok(store.delete(k("a"), 0));
        assertThat(deleted.kv().valueAsString()).isEqualTo("2");
        assertThat(store.get(k("a"))).isEmpty();
        assertThat(store.delete(k("a"), 0)).isEqualTo(new WriteResult.Conflict(null));
    }

    @Test
    void concurrentCompareAndSwapIncrementsLoseNoUpdate() throws Exception {
        int threads = 8;
        int perThread = 50;
        ok(store.create(k("counter"), b("0"), 0));
        long r0 = store.currentRevision();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        while (true) {
                            KeyValue current = store.get(k("counter")).orElseThrow();
                            int next = Integer.parseInt(current.valueAsString()) + 1;
                            WriteResult result =
                                    store.update(k("counter"), b(Integer.toString(next)), current.modRevision(), 0);
                            if (result.succeeded()) {
                                break;
                            }
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        KeyValue last = store.get(k("counter")).orElseThrow();
        assertThat(last.valueAsString()).isEqualTo(Integer.toString(threads * perThread));
        assertThat(last.version()).isEqualTo(threads * perThread + 1);
        assertThat(store.currentRevision()).isEqualTo(r0 + threads * perThread);
    }

    // ---------------------------------------------------------------- watch

    @Test
    void watchFromNowSeesLaterChangesWithPrevKv() {
        ok(store.create(k("before"), b("0"), 0));
        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, 0, rec)) {
            long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
            ok(store.update(k("a"), b("2"), r1, 0));
            ok(store.delete(k("before"), 0));

            await().atMost(WAIT).until(() -> rec.events.size() >= 3);
            assertThat(rec.events).hasSize(3);
            Event create = rec.events.get(0);
            assertThat(create.type()).isEqualTo(Event.Type.PUT);
            assertThat(create.isCreate()).isTrue();
            assertThat(create.revision()).isEqualTo(r1);
            assertThat(create.kv().valueAsString()).isEqualTo("1");
            assertThat(create.prevKv()).isNull();

            Event update = rec.events.get(1);
            assertThat(update.type()).isEqualTo(Event.Type.PUT);
            assertThat(update.isCreate()).isFalse();
            assertThat(update.revision()).isEqualTo(r1 + 1);
            assertThat(update.kv().version()).isEqualTo(2);
            assertThat(update.kv().createRevision()).isEqualTo(r1);
            assertThat(update.prevKv().valueAsString()).isEqualTo("1");
            assertThat(update.prevKv().modRevision()).isEqualTo(r1);

            Event delete = rec.events.get(2);
            assertThat(delete.type()).isEqualTo(Event.Type.DELETE);
            assertThat(delete.kv().key()).isEqualTo(k("before"));
            assertThat(delete.revision()).isEqualTo(r1 + 2);
            assertThat(delete.kv().value()).isEmpty();
            assertThat(delete.prevKv().valueAsString()).isEqualTo("0");
            assertThat(rec.errors).isEmpty();
            assertThat(rec.overlapped).isFalse();
        }
    }

    @Test
    void watchFromTheNextRevisionSeesTheNextWrite() {
        ok(store.create(k("a"), b("1"), 0));
        long next = store.currentRevision() + 1;
        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, next, rec)) {
            ok(store.create(k("b"), b("2"), 0));
            await().atMost(WAIT).until(() -> !rec.events.isEmpty());
            assertThat(rec.events).extracting(Event::revision).containsExactly(next);
        }
    }

    @Test
    void watchFromAnOldRevisionReplaysExactlyTheMissedEventsInOrder() {
        long r1 = ok(store.create(k("a"), b("a1"), 0)).revision();
        long r2 = ok(store.create(k("b"), b("b1"), 0)).revision();
        long r3 = ok(store.update(k("a"), b("a2"), r1, 0)).revision();
        long r4 = ok(store.delete(k("b"), r2)).revision();
        long r5 = ok(store.create(k("b"), b("b2"), 0)).revision();
        ok(store.create("/elsewhere/" + prefix, b("x"), 0));

        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, r2, rec)) {
            await().atMost(WAIT).until(() -> rec.events.size() >= 4);
            long r6 = ok(store.update(k("a"), b("a3"), r3, 0)).revision();
            await().atMost(WAIT).until(() -> rec.events.size() >= 5);

            assertThat(rec.events).extracting(Event::revision).containsExactly(r2, r3, r4, r5, r6);
            assertThat(rec.events).extracting(Event::type).containsExactly(
                    Event.Type.PUT, Event.Type.PUT, Event.Type.DELETE, Event.Type.PUT, Event.Type.PUT);
            assertThat(rec.events.get(0).prevKv()).isNull();
            assertThat(rec.events.get(1).prevKv().valueAsString()).isEqualTo("a1");
            assertThat(rec.events.get(1).prevKv().modRevision()).isEqualTo(r1);
            assertThat(rec.events.get(2).kv().key()).isEqualTo(k("b"));
            assertThat(rec.events.get(2).prevKv().valueAsString()).isEqualTo("b1");
            assertThat(rec.events.get(3).isCreate()).isTrue();
            assertThat(rec.events.get(3).kv().version()).isEqualTo(1);
            assertThat(rec.events.get(3).prevKv()).isNull();
            assertThat(rec.events.get(4).prevKv().valueAsString()).isEqualTo("a2");
            assertThat(rec.events.get(4).kv().version()).isEqualTo(3);
            assertThat(rec.errors).isEmpty();
        }
    }

    @Test
    void watchReplaySwitchesToLiveEventsWithoutGapsOrDuplicates() throws Exception {
        int before = 60;
        int during = 120;
        long first = 0;
        for (int i = 0; i < before; i++) {
            long r = ok(store.create(k("pre-" + i), b("v"), 0)).revision();
            first = first == 0 ? r : first;
        }
        Recorder rec = new Recorder();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            Future<?> writes = writer.submit(() -> {
                started.countDown();
                for (int i = 0; i < during; i++) {
                    ok(store.create(k("live-" + i), b("v"), 0));
                }
                return null;
            });
            started.await();
            try (Watch ignored = store.watch(prefix, first, rec)) {
                writes.get(60, TimeUnit.SECONDS);
                long last = store.currentRevision();
                await().atMost(WAIT).until(() -> rec.events.size() >= before + during);
                List<Long> revisions = rec.events.stream().map(Event::revision).toList();
                assertThat(revisions).containsExactlyElementsOf(
                        LongStream.rangeClosed(first, last).boxed().toList());
                assertThat(rec.overlapped).isFalse();
                assertThat(rec.errors).isEmpty();
            }
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void watchSeesOnlyItsPrefix() {
        Recorder mine = new Recorder();
        Recorder other = new Recorder();
        try (Watch w1 = store.watch(k("mine/"), 0, mine); Watch w2 = store.watch(k("other/"), 0, other)) {
            ok(store.create(k("mine-not-really"), b("x"), 0));
            ok(store.create(k("mine/a"), b("1"), 0));
            ok(store.create(k("other/a"), b("2"), 0));
            ok(store.create(k("mine/b"), b("3"), 0));
            await().atMost(WAIT).until(() -> mine.events.size() >= 2 && !other.events.isEmpty());
            ok(store.create(k("other/b"), b("4"), 0));
            await().atMost(WAIT).until(() -> other.events.size() >= 2);

            assertThat(mine.events).extracting(e -> e.kv().key()).containsExactly(k("mine/a"), k("mine/b"));
            assertThat(other.events).extracting(e -> e.kv().key()).containsExactly(k("other/a"), k("other/b"));
        }
    }

    @Test
    void closedWatchReceivesNothingMore() {
        Recorder closed = new Recorder();
        Recorder open = new Recorder();
        Watch watch = store.watch(prefix, 0, closed);
        try (Watch ignored = store.watch(prefix, 0, open)) {
            ok(store.create(k("a"), b("1"), 0));
            await().atMost(WAIT).until(() -> closed.events.size() == 1 && open.events.size() == 1);
            watch.close();
            watch.close();
            ok(store.create(k("b"), b("2"), 0));
            await().atMost(WAIT).until(() -> open.events.size() == 2);
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> closed.events.size() == 1);
        }
    }

    @Test
    void deleteEventsCarryThePreviousValue() {
        long r1 = ok(store.create(k("a"), b("v1"), 0)).revision();
        long r2 = ok(store.update(k("a"), b("v2"), r1, 0)).revision();
        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, 0, rec)) {
            long r3 = ok(store.delete(k("a"), r2)).revision();
            await().atMost(WAIT).until(() -> !rec.events.isEmpty());
            Event delete = rec.events.get(0);
            assertThat(delete.type()).isEqualTo(Event.Type.DELETE);
            assertThat(delete.revision()).isEqualTo(r3);
            assertThat(delete.kv().key()).isEqualTo(k("a"));
            assertThat(delete.prevKv().valueAsString()).isEqualTo("v2");
            assertThat(delete.prevKv().modRevision()).isEqualTo(r2);
            assertThat(delete.prevKv().createRevision()).isEqualTo(r1);
            assertThat(delete.prevKv().version()).isEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- compaction

    @Test
    void readsAndWatchesAtACompactedRevisionFail() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
        long r2 = ok(store.update(k("a"), b("2"), r1, 0)).revision();
        long r3 = ok(store.create(k("b"), b("1"), 0)).revision();
        ok(store.update(k("b"), b("2"), r3, 0));

        assertThat(store.compact(r3)).isEqualTo(r3);
        assertThat(store.compactRevision()).isEqualTo(r3);

        assertThatThrownBy(() -> store.range(prefix, null, 0, r2))
                .isInstanceOfSatisfying(CompactedException.class, e -> {
                    assertThat(e.requestedRevision()).isEqualTo(r2);
                    assertThat(e.compactRevision()).isEqualTo(r3);
                });
        assertThatThrownBy(() -> store.range(prefix, null, 0, r3)).isInstanceOf(CompactedException.class);

        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, r1, rec)) {
            await().atMost(WAIT).until(() -> !rec.errors.isEmpty());
            assertThat(rec.errors.get(0)).isInstanceOf(CompactedException.class);
            assertThat(rec.events).isEmpty();
            ok(store.create(k("c"), b("1"), 0));
            await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> rec.events.isEmpty());
            assertThat(rec.errors).hasSize(1);
        }
    }

    @Test
    void liveKeysAndRecentHistorySurviveCompaction() {
        long r1 = ok(store.create(k("a"), b("a1"), 0)).revision();
        ok(store.update(k("a"), b("a2"), r1, 0));
        ok(store.create(k("b"), b("b1"), 0));
        ok(store.delete(k("b"), 0));
        long r5 = ok(store.create(k("c"), b("c1"), 0)).revision();
        long r6 = ok(store.update(k("a"), b("a3"), r1 + 1, 0)).revision();
        ok(store.delete(k("c"), 0));

        long compactedTo = store.compact(r5 - 1);
        assertThat(compactedTo).isEqualTo(r5 - 1);

        // The state at r5 needs a's row from before the compact revision: it must have been kept.
        RangeResult atR5 = store.range(prefix, null, 0, r5);
        assertThat(keys(atR5)).containsExactly(k("a"), k("c"));
        assertThat(atR5.kvs().get(0).valueAsString()).isEqualTo("a2");
        assertThat(atR5.kvs().get(0).version()).isEqualTo(2);

        long r8 = ok(store.create(k("d"), b("d1"), 0)).revision();
        assertThat(store.compact(store.currentRevision() + 100)).isEqualTo(r8);
        assertThat(store.compactRevision()).isEqualTo(r8);

        RangeResult latest = store.range(prefix, null, 0, 0);
        assertThat(keys(latest)).containsExactly(k("a"), k("d"));
        KeyValue a = latest.kvs().get(0);
        assertThat(a.valueAsString()).isEqualTo("a3");
        assertThat(a.createRevision()).isEqualTo(r1);
        assertThat(a.modRevision()).isEqualTo(r6);
        assertThat(a.version()).isEqualTo(3);
        assertThat(store.get(k("a")).orElseThrow().valueAsString()).isEqualTo("a3");
        assertThat(store.get(k("b"))).isEmpty();
        assertThat(store.count(prefix)).isEqualTo(2);

        // Writes after compaction carry on from the same history.
        long r9 = ok(store.update(k("a"), b("a4"), r6, 0)).revision();
        assertThat(r9).isEqualTo(r8 + 1);
        assertThat(store.get(k("a")).orElseThrow().version()).isEqualTo(4);
        assertThat(store.create(k("d"), b("again"), 0).succeeded()).isFalse();
    }

    @Test
    void watchAfterTheCompactRevisionStillReplays() {
        long r1 = ok(store.create(k("a"), b("1"), 0)).revision();
        long r2 = ok(store.update(k("a"), b("2"), r1, 0)).revision();
        long r3 = ok(store.update(k("a"), b("3"), r2, 0)).revision();
        store.compact(r1);

        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, r2, rec)) {
            await().atMost(WAIT).until(() -> rec.events.size() >= 2);
            assertThat(rec.events).extracting(Event::revision).containsExactly(r2, r3);
            assertThat(rec.events.get(0).prevKv().valueAsString()).isEqualTo("1");
            assertThat(rec.errors).isEmpty();
        }
    }

    // ---------------------------------------------------------------- leases

    @Test
    void expiredLeaseDeletesItsKeysWithDeleteEvents() {
        long lease = store.grantLease(1);
        assertThat(lease).isNotZero();
        KeyValue leased = ok(store.create(k("leased"), b("gone soon"), lease)).kv();
        assertThat(leased.lease()).isEqualTo(lease);
        assertThat(store.get(k("leased")).orElseThrow().lease()).isEqualTo(lease);
        ok(store.create(k("kept"), b("stays"), 0));
        long before = store.currentRevision();

        Recorder rec = new Recorder();
        try (Watch ignored = store.watch(prefix, 0, rec)) {
            await().atMost(LEASE_WAIT).until(() -> store.get(k("leased")).isEmpty());
            await().atMost(WAIT).until(() -> !rec.events.isEmpty());
            Event delete = rec.events.get(0);
            assertThat(delete.type()).isEqualTo(Event.Type.DELETE);
            assertThat(delete.kv().key()).isEqualTo(k("leased"));
            assertThat(delete.revision()).isGreaterThan(before);
            assertThat(delete.prevKv().valueAsString()).isEqualTo("gone soon");
            assertThat(store.currentRevision()).isGreaterThan(before);
            assertThat(store.get(k("kept"))).isPresent();
        }
    }

    @Test
    void revokeLeaseDeletesItsKeysNow() {
        long lease = store.grantLease(600);
        long other = store.grantLease(600);
        assertThat(other).isNotEqualTo(lease);
        ok(store.create(k("one"), b("1"), lease));
        ok(store.create(k("two"), b("2"), lease));
        ok(store.create(k("other"), b("3"), other));
        long before = store.currentRevision();

        store.revokeLease(lease);

        assertThat(store.get(k("one"))).isEmpty();
        assertThat(store.get(k("two"))).isEmpty();
        assertThat(store.get(k("other"))).isPresent();
        // etcd deletes a lease's keys in one revision, kine in one revision per key: only "advanced" is portable.
        long afterRevoke = store.currentRevision();
        assertThat(afterRevoke).isGreaterThan(before);
        store.revokeLease(lease);
        store.revokeLease(Long.MAX_VALUE - 7);
        assertThat(store.currentRevision()).isEqualTo(afterRevoke);
    }

    @Test
    void updateCanMoveAKeyOffItsLease() {
        long lease = store.grantLease(600);
        long r1 = ok(store.create(k("a"), b("1"), lease)).revision();
        ok(store.update(k("a"), b("2"), r1, 0));
        assertThat(store.get(k("a")).orElseThrow().lease()).isZero();

        store.revokeLease(lease);
        assertThat(store.get(k("a")).orElseThrow().valueAsString()).isEqualTo("2");
    }

    // ---------------------------------------------------------------- helpers

    protected String k(String name) {
        return prefix + name;
    }

    protected static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    protected static WriteResult.Ok ok(WriteResult result) {
        assertThat(result).isInstanceOf(WriteResult.Ok.class);
        return (WriteResult.Ok) result;
    }

    protected static List<String> keys(RangeResult result) {
        return result.kvs().stream().map(KeyValue::key).toList();
    }

    /** The continuation key after a page: the smallest key greater than the page's last key. */
    protected static String next(RangeResult page) {
        return page.kvs().get(page.kvs().size() - 1).key() + "\0";
    }

    /** Records what a watch delivers and whether the store ever called it from two threads at once. */
    protected static final class Recorder implements WatchListener {
        public final List<Event> events = new CopyOnWriteArrayList<>();
        public final List<StoreException> errors = new CopyOnWriteArrayList<>();
        public volatile boolean overlapped;
        private final AtomicBoolean inCall = new AtomicBoolean();

        @Override
        public void onEvents(List<Event> batch) {
            enter();
            try {
                events.addAll(batch);
            } finally {
                inCall.set(false);
            }
        }

        @Override
        public void onError(StoreException error) {
            enter();
            try {
                errors.add(error);
            } finally {
                inCall.set(false);
            }
        }

        private void enter() {
            if (!inCall.compareAndSet(false, true)) {
                overlapped = true;
            }
        }
    }
}
