package io.kava.store.etcd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * Real etcd members on free loopback ports, each with its own data directory under one temporary directory (on
 * {@code /dev/shm} when there is one: fsync there is free, and etcd's durability is not what these tests test).
 * {@link #close()} stops every member by PID and deletes the directory, and a shutdown hook does the same if the JVM
 * exits without closing.
 */
public final class EtcdTestCluster implements AutoCloseable {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(30);

    private final List<EtcdProcess> members;
    private final Path baseDir;
    private final Thread shutdownHook;
    private Client admin;

    private EtcdTestCluster(List<EtcdProcess> members, Path baseDir) {
        this.members = members;
        this.baseDir = baseDir;
        this.shutdownHook = new Thread(this::stopAll, "etcd-test-cluster-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Skips the calling test (or test class) when there is no etcd binary to run. */
    public static void assumeEtcdInstalled() {
        assumeTrue(Files.isExecutable(EtcdProcess.BINARY), "no etcd binary at " + EtcdProcess.BINARY
                + ": install Debian's etcd-server (apt-get install etcd-server) or set KAVA_ETCD_BINARY; etcd tests"
                + " skipped");
    }

    /** Starts a new cluster of {@code size} members and waits until every member reports healthy. */
    public static EtcdTestCluster start(int size) {
        return start(size, null);
    }

    /**
     * Starts a cluster whose data directories live under {@code parent} (null: /dev/shm when there is one).
     * Benchmarks pass a directory on the same disk as the store they compare with, for equal durability.
     */
    public static EtcdTestCluster start(int size, Path parent) {
        assumeEtcdInstalled();
        RuntimeException last = null;
        // A port picked as free can be taken by another process before etcd binds it: try again with new ports.
        for (int attempt = 0; attempt < 3; attempt++) {
            EtcdTestCluster cluster = launch(size, parent);
            try {
                cluster.awaitHealthy();
                return cluster;
            } catch (RuntimeException e) {
                last = e;
                cluster.close();
            }
        }
        throw last;
    }

    private static EtcdTestCluster launch(int size, Path parent) {
        try {
            Path shm = Path.of("/dev/shm");
            Path baseDir = parent != null ? Files.createTempDirectory(Files.createDirectories(parent), "kava-etcd-")
                    : Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "kava-etcd-")
                    : Files.createTempDirectory("kava-etcd-");
            int[] ports = freePorts(2 * size);
            List<EtcdProcess> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add(new EtcdProcess("m" + (i + 1), ports[2 * i], ports[2 * i + 1], baseDir));
            }
            EtcdTestCluster cluster = new EtcdTestCluster(members, baseDir);
            String initialCluster = members.stream().map(m -> m.name() + "=" + m.peerUrl())
                    .collect(Collectors.joining(","));
            String token = baseDir.getFileName().toString();
            for (EtcdProcess member : members) {
                member.start(initialCluster, token);
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start etcd", e);
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Waits until every member the test did not kill answers {@code /health} with true (leader, no alarms). */
    public void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (EtcdProcess member : members) {
            if (member.wasKilled()) {
                continue;
            }
            Awaitility.await("etcd member " + member + " healthy").atMost(HEALTHY_WITHIN)
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        if (!member.isAlive()) {
                            throw new IllegalStateException("etcd member " + member + " exited during start:\n"
                                    + member.logTail());
                        }
                        return healthy(http, member);
                    });
        }
    }

    private static boolean healthy(HttpClient http, EtcdProcess member) {
        try {
            HttpRequest request = HttpRequest.newBuilder(member.clientUrl().resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"health\":\"true\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public List<URI> clientUrls() {
        return members.stream().map(EtcdProcess::clientUrl).toList();
    }

    /** Store options for every member, with retries patient enough for a leader election on a busy machine. */
    public EtcdOptions options() {
        return EtcdOptions.of(clientUrls()).withRequestTimeout(Duration.ofSeconds(5));
    }

    List<EtcdProcess> members() {
        return members;
    }

    /** The member the others follow, asked of each running member through etcd's maintenance status API. */
    EtcdProcess leader() {
        for (EtcdProcess member : members) {
            if (!member.isAlive()) {
                continue;
            }
            try {
                StatusResponse status = admin().getMaintenanceClient().statusMember(member.clientUrl().toString())
                        .get(5, TimeUnit.SECONDS);
                if (status.getLeader() != 0 && status.getLeader() == status.getHeader().getMemberId()) {
                    return member;
                }
            } catch (Exception e) {
                // Not answering: not the leader we can use.
            }
        }
        throw new IllegalStateException("no member of " + members + " reports itself as leader");
    }

    /** Kills the leader with SIGKILL and returns it. */
    EtcdProcess killLeader() {
        EtcdProcess leader = leader();
        leader.kill();
        return leader;
    }

    /** A plain jetcd client on every member, for looking at etcd behind the store's back. */
    synchronized Client admin() {
        if (admin == null) {
            admin = Client.builder().endpoints(clientUrls().toArray(URI[]::new)).build();
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
        deleteRecursively(baseDir);
    }

    private void stopAll() {
        for (EtcdProcess member : members) {
            member.stop();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary directory.
        }
    }

    @Override
    public String toString() {
        return "EtcdTestCluster" + members;
    }
}
