package io.kava.bench.apiserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.kava.apiserver.ApiServer;
import io.kava.bench.Latencies;
import io.kava.store.Store;
import io.kava.store.Stores;
import io.kava.store.etcd.EtcdStore;
import io.kava.store.etcd.EtcdTestCluster;

/**
 * {@code bench/apiserver}: the API server in this JVM on SQLite, then on a single-member etcd (both on the same
 * disk), driven over HTTP/1.1 loopback. Prints Markdown tables for docs/benchmarks.md.
 *
 * <p>Arguments: {@code [ops per phase (2000)] [pods (10000)] [watchers (1000)] [watched writes (10000)]}.
 */
public final class ApiServerBench {

    private final int ops;
    private final int pods;
    private final int watchers;
    private final int watchedWrites;
    private final List<String> rows = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    private ApiServerBench(String[] args) {
        ops = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        pods = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        watchers = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        watchedWrites = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    }

    public static void main(String[] args) throws Exception {
        var bench = new ApiServerBench(args);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("kava.bench.dir", "/var/tmp")),
                "kava-apiserver-bench");
        try (Store sqlite = Stores.open("sqlite", dir.resolve("sqlite"))) {
            bench.run("sqlite", sqlite);
        }
        try (var etcd = EtcdTestCluster.start(1, dir.resolve("etcd"));
             Store store = EtcdStore.connect(etcd.options())) {
            bench.run("etcd", store);
        }
        System.out.println("| store | phase | clients | ops | ops/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        bench.rows.forEach(System.out::println);
        System.exit(0);
    }

    private void run(String name, Store store) throws Exception {
        try (ApiServer server = new ApiServer(new ApiServer.Config("127.0.0.1", 0), store).start()) {
            base = server.url();
            row(name, "heap after start (MiB)", 0, heapMiB());
            send("POST", "/api/v1/namespaces", ns("bench"));
            send("POST", "/api/v1/namespaces", ns("pods"));
            send("POST", "/api/v1/namespaces", ns("watch"));
            for (int clients : new int[] {1, 16, 64}) {
                String prefix = "c" + clients + "-";
                timed(name, "create", clients, i -> expect(201, send("POST",
                        "/api/v1/namespaces/bench/configmaps", configMap(prefix + i))));
                timed(name, "get", clients, i -> expect(200, send("GET",
                        "/api/v1/namespaces/bench/configmaps/" + prefix + i, null)));
                timed(name, "update (get+put)", clients, i -> {
                    String current = send("GET", "/api/v1/namespaces/bench/configmaps/" + prefix + i, null).body();
                    expect(200, send("PUT", "/api/v1/namespaces/bench/configmaps/" + prefix + i,
                            current.replace("\"v\":\"1\"", "\"v\":\"2\"")));
                });
                timed(name, "list (limit 10)", clients, i -> expect(200, send("GET",
                        "/api/v1/namespaces/bench/configmaps?limit=10", null)));
            }
            var created = new Latencies(pods);
            long start = System.nanoTime();
            parallel(64, pods, i -> {
                long t = System.nanoTime();
                expect(201, send("POST", "/api/v1/namespaces/pods/pods", pod(i)));
                created.add(System.nanoTime() - t);
            });
            rows.add(format(name, "create " + pods + " pods (~2 KiB)", 64, pods,
                    pods / ((System.nanoTime() - start) / 1e9), created));
            for (String query : new String[] {"?resourceVersion=0", "", "?limit=500"}) {
                var lat = new Latencies(5);
                for (int round = 0; round < 5; round++) {
                    long t = System.nanoTime();
                    int items = listAll("/api/v1/namespaces/pods/pods", query);
                    lat.add(System.nanoTime() - t);
                    if (items != pods) {
                        throw new IllegalStateException("listed " + items + " pods, expected " + pods);
                    }
                }
                rows.add(format(name, "LIST " + pods + " pods " + (query.isEmpty() ? "(consistent)" : query), 1, 5,
                        Double.NaN, lat));
            }
            row(name, "heap with " + pods + " pods (MiB)", 0, heapMiB());
            watchers(name);
        }
    }

    private void watchers(String name) throws Exception {
        String rv = send("GET", "/api/v1/namespaces/watch/configmaps", null).body()
                .replaceAll("(?s).*\"resourceVersion\":\"(\\d+)\".*", "$1");
        long[] sent = new long[watchedWrites];
        var latencies = new Latencies(Math.min(watchers * watchedWrites, 2_000_000));
        var received = new AtomicLong();
        var ready = new CountDownLatch(watchers);
        var done = new CountDownLatch(watchers);
        var failures = new AtomicInteger();
        var sampleEvery = Math.max(1, watchers * (long) watchedWrites / 2_000_000);
        var counters = new ConcurrentHashMap<Integer, Integer>();
        for (int w = 0; w < watchers; w++) {
            int id = w;
            Thread.ofVirtual().start(() -> {
                var request = HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/namespaces/watch/configmaps?watch=true&timeoutSeconds=600&resourceVersion=" + rv))
                        .build();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    ready.countDown();
                    try (var reader = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        int seen = 0;
                        String line;
                        while (seen < watchedWrites && (line = reader.readLine()) != null) {
                            int at = line.indexOf("\"name\":\"w-");
                            int i = Integer.parseInt(line.substring(at + 10, line.indexOf('"', at + 10)));
                            long n = received.incrementAndGet();
                            if (n % sampleEvery == 0) {
                                latencies.add(System.nanoTime() - sent[i]);
                            }
                            seen++;
                        }
                        counters.put(id, seen);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    ready.countDown();
                } finally {
                    done.countDown();
                }
            });
        }
        ready.await(120, TimeUnit.SECONDS);
        long start = System.nanoTime();
        parallel(16, watchedWrites, i -> {
            sent[i] = System.nanoTime();
            expect(201, send("POST", "/api/v1/namespaces/watch/configmaps", configMap("w-" + i)));
        });
        boolean all = done.await(600, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long complete = counters.values().stream().filter(c -> c == watchedWrites).count();
        rows.add(format(name, watchers + " watchers × " + watchedWrites + " writes: write sent → event read; " + complete + "/" + watchers + " got every event" + (all ? "" : " (timed out)")
                + (failures.get() > 0 ? ", " + failures.get() + " failed" : ""), 16, watchedWrites,
                received.get() / seconds, latencies));
    }

    private int listAll(String path, String query) throws Exception {
        int items = 0;
        String cont = null;
        do {
            String url = path + query + (cont == null ? "" : (query.isEmpty() ? "?" : "&") + "continue=" + cont);
            String body = send("GET", url, null).body();
            items += count(body, "\"kind\":\"Pod\"");
            int at = body.indexOf("\"continue\":\"");
            cont = at < 0 ? null : body.substring(at + 12, body.indexOf('"', at + 12));
        } while (cont != null && !cont.isEmpty());
        return items;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    private void timed(String store, String phase, int clients, Op op) throws Exception {
        var latencies = new Latencies(ops);
        long start = System.nanoTime();
        parallel(clients, ops, i -> {
            long t = System.nanoTime();
            op.run(i);
            latencies.add(System.nanoTime() - t);
        });
        rows.add(format(store, phase, clients, ops, ops / ((System.nanoTime() - start) / 1e9), latencies));
    }

    private static void parallel(int clients, int n, Op op) throws Exception {
        var next = new AtomicInteger();
        var errors = new ConcurrentHashMap<String, Exception>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        try {
                            op.run(i);
                        } catch (Exception e) {
                            errors.putIfAbsent("first", e);
                        }
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw errors.get("first");
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int code, HttpResponse<String> response) {
        if (response.statusCode() != code) {
            throw new IllegalStateException("expected " + code + ", got " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static String ns(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";
    }

    private static String configMap(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                + "\",\"labels\":{\"app\":\"bench\"}},\"data\":{\"v\":\"1\"}}";
    }

    /** A pod of about 2 KiB, like a small real one. */
    private static String pod(int i) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pod-%d","labels":{"app":"bench","tier":"web",
                 "pod-template-hash":"7d9f8c6b5"},"annotations":{"kava.io/note":"%s"}},
                 "spec":{"containers":[{"name":"web","image":"kava.local/busybox:1.35",
                  "command":["httpd","-f","-p","8080"],"ports":[{"containerPort":8080,"name":"http"}],
                  "env":[{"name":"MODE","value":"bench"},{"name":"INDEX","value":"%d"}],
                  "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"memory":"128Mi"}},
                  "readinessProbe":{"httpGet":{"path":"/","port":8080},"periodSeconds":5}}],
                  "nodeSelector":{"kubernetes.io/os":"linux"}}}""".formatted(i, "x".repeat(900), i);
    }

    private static double heapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private void row(String store, String what, int clients, double value) {
        rows.add(String.format(Locale.ROOT, "| %s | %s | | | %.0f | | |", store, what, value));
    }

    private static String format(String store, String phase, int clients, int ops, double throughput,
                                 Latencies latencies) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.2f | %.2f |", store, phase, clients, ops,
                Double.isNaN(throughput) ? "" : String.format(Locale.ROOT, "%.0f", throughput),
                latencies.percentileMillis(50), latencies.percentileMillis(99));
    }
}
