package io.kava.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kava.store.CompactedException;
import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.StoreException;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store promises beyond the contract: persistence, group commit, bad files, slow watchers. */
@SuppressWarnings("try") // try-with-resources scopes a Watch the body never names
class SqliteStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static SqliteOptions quiet() {
        return SqliteOptions.defaults().withCompaction(Duration.ZERO, 0);
    }

    // ---------------------------------------------------------------- persistence

    @Test
    void freshStoreStartsAtRevisionZero() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("new/sub/store.db"), quiet())) {
            assertThat(store.currentRevision()).isZero();
            assertThat(store.compactRevision()).isZero();
            assertThat(store.range("/", null, 0, 0).kvs()).isEmpty();
            assertThat(Files.exists(dir.resolve("new/sub/store.db"))).isTrue();
        }
    }

    @Test
    void reopenKeepsDataRevisionCompactionAndLeases() {
        Path file = dir.resolve("store.db");
        long lease;
        long r2;
        try (SqliteStore store = SqliteStore.open(file, quiet())) {
            lease = store.grantLease(3600);
            long r1 = ok(store.create("/a", b("a1"), 0)).revision();
            r2 = ok(store.update("/a", b("a2"), r1, 0)).revision();
            ok(store.create("/b", b("b1"), lease));
            ok(store.create("/c", b("c1"), 0));
            store.compact(r2);
            assertThat(store.currentRevision()).isEqualTo(4);
        }
        try (SqliteStore store = SqliteStore.open(file, quiet())) {
            assertThat(store.currentRevision()).isEqualTo(4);
            assertThat(store.compactRevision()).isEqualTo(r2);
            KeyValue a = store.get("/a").orElseThrow();
            assertThat(a.valueAsString()).isEqualTo("a2");
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.createRevision()).isEqualTo(1);
            assertThat(store.get("/b").orElseThrow().lease()).isEqualTo(lease);
            assertThatThrownBy(() -> store.range("/", null, 0, r2)).isInstanceOf(CompactedException.class);
            assertThat(store.range("/", null, 0, 3).kvs()).extracting(KeyValue::key).containsExactly("/a", "/b");

            assertThat(ok(store.create("/d", b("d1"), 0)).revision()).isEqualTo(5);
            store.revokeLease(lease);
            assertThat(store.get("/b")).isEmpty();
            assertThat(store.currentRevision()).isEqualTo(6);
        }
    }

    @Test
    void reopenKeepsTheRevisionEvenWhenCompactionRemovedTheNewestRows() {
        Path file = dir.resolve("store.db");
        try (SqliteStore store = SqliteStore.open(file, quiet())) {
            ok(store.create("/a", b("1"), 0));
            ok(store.delete("/a", 0));
            assertThat(store.compact(2)).isEqualTo(2);
        }
        assertThat(rowCount(file)).isZero();
        try (SqliteStore store = SqliteStore.open(file, quiet())) {
            assertThat(store.currentRevision()).isEqualTo(2);
            assertThat(ok(store.create("/a", b("again"), 0)).kv().createRevision()).isEqualTo(3);
        }
    }

    @Test
    void compactionDeletesSupersededRowsAndTombstonesButKeepsLiveOnes() {
        Path file = dir.resolve("store.db");
        try (SqliteStore store = SqliteStore.open(file, quiet().withCompactionBatch(3))) {
            for (int i = 0; i < 10; i++) {
                ok(store.create("/k/" + i, b("v"), 0));
            }
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 10; i++) {
                    KeyValue kv = store.get("/k/" + i).orElseThrow();
                    ok(store.update("/k/" + i, b("v" + round), kv.modRevision(), 0));
                }
            }
            for (int i = 0; i < 4; i++) {
                ok(store.delete("/k/" + i, 0));
            }
            assertThat(store.compact(store.currentRevision())).isEqualTo(64);
            assertThat(store.count("/k/")).isEqualTo(6);
            assertThat(store.get("/k/9").orElseThrow().valueAsString()).isEqualTo("v4");
        }
        assertThat(rowCount(file)).isEqualTo(6);
    }

    @Test
    void backgroundCompactionKeepsTheConfiguredHistory() {
        SqliteOptions options = quiet().withCompaction(Duration.ofMillis(50), 5);
        try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"), options)) {
            long r1 = ok(store.create("/a", b("0"), 0)).revision();
            long rev = r1;
            for (int i = 1; i <= 20; i++) {
                rev = ok(store.update("/a", b(Integer.toString(i)), rev, 0)).revision();
            }
            long last = rev;
            await().atMost(WAIT).until(() -> store.compactRevision() == last - 5);
            assertThatThrownBy(() -> store.range("/", null, 0, r1)).isInstanceOf(CompactedException.class);
            assertThat(store.range("/", null, 0, last - 4).kvs().get(0).valueAsString()).isEqualTo("16");
        }
    }

    @Test
    void leasesThatExpiredWhileClosedAreReapedAfterOpen() {
        Path file = dir.resolve("store.db");
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        SqliteOptions options = quiet().withClock(clock).withLeaseCheckInterval(Duration.ofMillis(20));
        try (SqliteStore store = SqliteStore.open(file, options)) {
            long lease = store.grantLease(60);
            ok(store.create("/leased", b("x"), lease));
            ok(store.create("/kept", b("y"), 0));
            clock.now = clock.now.plusSeconds(59);
            await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> store.get("/leased").isPresent());
        }
        clock.now = clock.now.plusSeconds(2);
        try (SqliteStore store = SqliteStore.open(file, options)) {
            await().atMost(WAIT).until(() -> store.get("/leased").isEmpty());
            assertThat(store.get("/kept")).isPresent();
            assertThat(store.currentRevision()).isEqualTo(3);
        }
    }

    @Test
    void attachingAKeyToAnUnknownLeaseIsRefused() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"), quiet())) {
            assertThatThrownBy(() -> store.create("/a", b("x"), 12345))
                    .isInstanceOf(StoreException.class).hasMessageContaining("lease not found");
            assertThat(store.currentRevision()).isZero();
            assertThat(store.get("/a")).isEmpty();
            ok(store.create("/a", b("fine"), 0));
        }
    }

    // ---------------------------------------------------------------- group commit

    @Test
    void concurrentWritersAllSucceedWithUniqueDenseRevisionsInFewerCommits() throws Exception {
        int threads = 32;
        int perThread = 40;
        try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"), quiet())) {
            long commitsBefore = store.commits();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Long> revisions = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    futures.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            String key = "/gc/" + id + "/" + i;
                            WriteResult.Ok written = ok(store.create(key, b(key), 0));
                            assertThat(written.kv().modRevision()).isEqualTo(written.revision());
                            revisions.add(written.revision());
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            int writes = threads * perThread;
            assertThat(revisions).hasSize(writes).doesNotHaveDuplicates();
            assertThat(revisions).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, writes).boxed().toList());
            assertThat(store.currentRevision()).isEqualTo(writes);
            assertThat(store.count("/gc/")).isEqualTo(writes);
            assertThat(store.commits() - commitsBefore).isLessThan(writes);
        }
    }

    @Test
    void conflictingCreatesInOneBatchGiveOneWinner() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"), quiet())) {
            int contenders = 16;
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<WriteResult>> results = new ArrayList<>();
                for (int i = 0; i < contenders; i++) {
                    String value = "c" + i;
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.create("/race", b(value), 0);
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<WriteResult> result : results) {
                    WriteResult r = result.get(30, TimeUnit.SECONDS);
                    if (r.succeeded()) {
                        winners++;
                    } else {
                        assertThat(((WriteResult.Conflict) r).current().createRevision()).isEqualTo(1);
                    }
                }
                assertThat(winners).isEqualTo(1);
                assertThat(store.currentRevision()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ---------------------------------------------------------------- watches

    @Test
    void aSlowWatcherIsClosedWithAnErrorAndDoesNotBlockWriters() {
        SqliteOptions options = quiet().withWatchQueueLimit(10);
        try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"), options)) {
            CountDownLatch release = new CountDownLatch(1);
            List<StoreException> errors = new CopyOnWriteArrayList<>();
            List<Event> slowEvents = new CopyOnWriteArrayList<>();
            List<Event> fastEvents = new CopyOnWriteArrayList<>();
            WatchListener slow = new WatchListener() {
                @Override
                public void onEvents(List<Event> events) {
                    slowEvents.addAll(events);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void onError(StoreException error) {
                    errors.add(error);
                }
            };
            try (Watch slowWatch = store.watch("/w/", 0, slow);
                    Watch fastWatch = store.watch("/w/", 0, collector(fastEvents, errors))) {
                for (int i = 0; i < 100; i++) {
                    ok(store.create("/w/" + i, b("v"), 0));
                }
                assertThat(store.currentRevision()).isEqualTo(100);
                await().atMost(WAIT).until(() -> fastEvents.size() == 100);
                release.countDown();
                await().atMost(WAIT).until(() -> !errors.isEmpty());
                assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("fell behind"));
                assertThat(slowEvents.size()).isLessThan(100);
            }
        }
    }

    @Test
    void closingTheStoreEndsWatchesAndRefusesWork() {
        SqliteStore store = SqliteStore.open(dir.resolve("store.db"), quiet());
        List<StoreException> errors = new CopyOnWriteArrayList<>();
        store.watch("/", 0, collector(new CopyOnWriteArrayList<>(), errors));
        store.close();
        store.close();
        await().atMost(WAIT).until(() -> !errors.isEmpty());
        assertThat(errors.get(0)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.create("/a", b("x"), 0)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.get("/a")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void replayOfALongHistorySpansChunksInOrder() throws Exception {
        int keys = 2400; // more matching events than one replay chunk (1000) holds
        try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"), quiet())) {
            List<Long> evenRevisions = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int first = t;
                    futures.add(pool.submit(() -> {
                        for (int i = first; i < keys; i += 8) {
                            boolean even = i % 2 == 0;
                            long rev = ok(store.create((even ? "/even/" : "/odd/") + i, b("v"), 0)).revision();
                            if (even) {
                                evenRevisions.add(rev);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Event> events = new CopyOnWriteArrayList<>();
            List<StoreException> errors = new CopyOnWriteArrayList<>();
            try (Watch ignored = store.watch("/even/", 1, collector(events, errors))) {
                await().atMost(WAIT).until(() -> events.size() >= keys / 2);
                assertThat(events).extracting(Event::revision)
                        .containsExactlyElementsOf(evenRevisions.stream().sorted().toList());
                assertThat(events).allSatisfy(e -> assertThat(e.kv().key()).startsWith("/even/"));
                assertThat(errors).isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- bad files

    @Test
    void aFileOfRandomBytesIsReportedAsUnavailableNamingTheFile() throws Exception {
        Path file = dir.resolve("garbage.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
        assertThatThrownBy(() -> SqliteStore.open(file, quiet()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot open SQLite store " + file.toAbsolutePath() + ": ")
                .hasMessageContaining("not a database");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aDatabaseWithDamagedPagesIsReportedAsUnavailableNamingTheFile() throws Exception {
        Path file = dir.resolve("damaged.db");
        try (SqliteStore store = SqliteStore.open(file, quiet())) {
            for (int i = 0; i < 200; i++) {
                ok(store.create("/k/" + i, new byte[300], 0));
            }
        }
        // Keep the header page, so SQLite still takes it for a database; scramble every page after it.
        byte[] bytes = Files.readAllBytes(file);
        byte[] junk = new byte[bytes.length - 4096];
        new Random(1).nextBytes(junk);
        System.arraycopy(junk, 0, bytes, 4096, junk.length);
        Files.write(file, bytes);
        assertThatThrownBy(() -> SqliteStore.open(file, quiet()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot open SQLite store " + file.toAbsolutePath() + ": ")
                .hasMessageContaining("malformed");
    }

    @Test
    void aDirectoryIsReportedAsUnavailableNamingIt() throws Exception {
        Path file = Files.createDirectory(dir.resolve("adir.db"));
        assertThatThrownBy(() -> SqliteStore.open(file, quiet()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("cannot open SQLite store " + file.toAbsolutePath() + ": it is a directory");
    }

    @Test
    void anUnreadableFileIsReportedAsUnavailableNamingIt() throws Exception {
        Path file = dir.resolve("locked.db");
        SqliteStore.open(file, quiet()).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "permissions do not bind this user (root)");
        assertThatThrownBy(() -> SqliteStore.open(file, quiet()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("cannot open SQLite store " + file.toAbsolutePath()
                        + ": no permission to read and write it");
    }

    @Test
    void aFileAlreadyOpenIsRefused() {
        Path file = dir.resolve("store.db");
        try (SqliteStore first = SqliteStore.open(file, quiet())) {
            assertThatThrownBy(() -> SqliteStore.open(file, quiet()))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("already open");
            ok(first.create("/still/works", b("x"), 0));
        }
        try (SqliteStore again = SqliteStore.open(file, quiet())) {
            assertThat(again.get("/still/works")).isPresent();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static WriteResult.Ok ok(WriteResult result) {
        assertThat(result).isInstanceOf(WriteResult.Ok.class);
        return (WriteResult.Ok) result;
    }

    private static WatchListener collector(List<Event> events, List<StoreException> errors) {
        return new WatchListener() {
            @Override
            public void onEvents(List<Event> batch) {
                events.addAll(batch);
            }

            @Override
            public void onError(StoreException error) {
                errors.add(error);
            }
        };
    }

    private static long rowCount(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM kine")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static final class MutableClock implements InstantSource {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
