package io.kava.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kava.bench.Latencies;
import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.Store;
import io.kava.store.StoreException;
import io.kava.store.Stores;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;
import io.kava.store.etcd.EtcdStore;
import io.kava.store.etcd.EtcdTestCluster;

/**
 * {@code bench/store}: the same workload against the embedded SQLite store and a real single-member etcd on this
 * machine, both fsyncing before they acknowledge. Prints a Markdown table for docs/benchmarks.md.
 *
 * <p>Workload per store: N creates of 1 KiB values, N CAS updates (read, then update on the mod revision read),
 * each with 1 and with 32 concurrent writers; a range over all N keys; watch delivery latency (time from a put
 * returning to its event reaching a watcher).
 */
public final class StoreBench {

    private record Row(String store, String phase, int writers, int ops, double seconds, Latencies latencies) {
        double throughput() {
            return ops / seconds;
        }
    }

    private final int n;
    private final byte[] value;
    private final List<Row> rows = new ArrayList<>();

    private StoreBench(int n) {
        this.n = n;
        this.value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        var bench = new StoreBench(n);
        // Both stores write to the same disk (not tmpfs): equal durability, every write fsynced.
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("kava.bench.dir", "/var/tmp")),
                "kava-store-bench");
        try (Store sqlite = Stores.open("sqlite", dir.resolve("sqlite"))) {
            bench.run("sqlite", sqlite);
        }
        try (var etcd = EtcdTestCluster.start(1, dir.resolve("etcd"));
             Store store = EtcdStore.connect(etcd.options())) {
            bench.run("etcd", store);
        }
        bench.print();
    }

    private void run(String name, Store store) throws Exception {
        for (int writers : new int[] {1, 32}) {
            String prefix = "/bench/" + writers + "/";
            rows.add(timed(name, "create", writers, i -> {
                var r = store.create(prefix + key(i), value, 0);
                check(r);
            }));
            rows.add(timed(name, "cas update", writers, i -> {
                KeyValue kv = store.get(prefix + key(i)).orElseThrow();
                check(store.update(kv.key(), value, kv.modRevision(), 0));
            }));
        }
        var range = new Latencies(10);
        long start = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime();
            int seen = 0;
            String from = null;
            while (true) {
                var page = store.range("/bench/1/", from, 1000, 0);
                seen += page.kvs().size();
                if (!page.more()) {
                    break;
                }
                from = page.kvs().getLast().key() + "\0";
            }
            if (seen != n) {
                throw new IllegalStateException("range saw " + seen + " keys, expected " + n);
            }
            range.add(System.nanoTime() - t);
        }
        rows.add(new Row(name, "range " + n + " keys (pages of 1000)", 1, 5, (System.nanoTime() - start) / 1e9,
                range));
        rows.add(watchLatency(name, store));
    }

    private Row watchLatency(String name, Store store) throws Exception {
        int events = Math.min(n, 5_000);
        var latencies = new Latencies(events);
        var done = new CountDownLatch(events);
        var sent = new long[events];
        var watch = store.watch("/watchbench/", 0, new WatchListener() {
            @Override
            public void onEvents(List<Event> batch) {
                long now = System.nanoTime();
                for (Event event : batch) {
                    String key = event.kv().key();
                    int i = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
                    latencies.add(now - sent[i]);
                    done.countDown();
                }
            }

            @Override
            public void onError(StoreException error) {
                error.printStackTrace();
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            sent[i] = System.nanoTime();
            check(store.create("/watchbench/" + i, value, 0));
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("watch did not deliver every event");
        }
        watch.close();
        return new Row(name, "watch delivery (put → event)", 1, events, (System.nanoTime() - start) / 1e9,
                latencies);
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    private Row timed(String store, String phase, int writers, Op op) throws Exception {
        var latencies = new Latencies(n);
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long t = System.nanoTime();
                    op.run(i);
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Row(store, phase, writers, n, seconds, latencies);
    }

    private static void check(WriteResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("write failed: " + result);
        }
    }

    private static String key(int i) {
        return String.format("%08d", i);
    }

    private void print() {
        System.out.println("| phase | writers | store | ops | ops/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %.0f | %.2f | %.2f |%n", row.phase(),
                    row.writers(), row.store(), row.ops(), row.throughput(), row.latencies().percentileMillis(50),
                    row.latencies().percentileMillis(99));
        }
        System.out.println();
        System.out.println("| phase | writers | sqlite/etcd throughput |");
        System.out.println("|---|---|---|");
        for (Row row : rows) {
            if (!row.store().equals("sqlite")) {
                continue;
            }
            rows.stream().filter(r -> r.store().equals("etcd") && r.phase().equals(row.phase())
                    && r.writers() == row.writers()).findFirst().ifPresent(etcd -> System.out.printf(Locale.ROOT,
                    "| %s | %d | %.2f× |%n", row.phase(), row.writers(), row.throughput() / etcd.throughput()));
        }
        System.out.flush();
    }
}
