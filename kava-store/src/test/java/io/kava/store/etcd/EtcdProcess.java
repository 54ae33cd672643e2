package io.kava.store.etcd;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One etcd member run by a test: its own loopback ports, data directory and log file, started as a child process and
 * stopped by PID. Not thread-safe; the owning {@link EtcdTestCluster} drives it.
 */
final class EtcdProcess {

    /** The etcd binary; {@code KAVA_ETCD_BINARY} overrides the Debian location. */
    static final Path BINARY = Path.of(System.getenv().getOrDefault("KAVA_ETCD_BINARY", "/usr/bin/etcd"));

    private final String name;
    private final int clientPort;
    private final int peerPort;
    private final Path dataDir;
    private final Path log;
    private List<String> command;
    private Process process;
    private boolean killed;

    EtcdProcess(String name, int clientPort, int peerPort, Path baseDir) {
        this.name = name;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.dataDir = baseDir.resolve(name + ".data");
        this.log = baseDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    URI clientUrl() {
        return URI.create("http://127.0.0.1:" + clientPort);
    }

    String peerUrl() {
        return "http://127.0.0.1:" + peerPort;
    }

    Path log() {
        return log;
    }

    /** Starts the member of a new cluster; {@code initialCluster} is {@code name=peerUrl,...}, {@code token} unique. */
    void start(String initialCluster, String token) throws IOException {
        command = List.of(BINARY.toString(),
                "--name", name,
                "--data-dir", dataDir.toString(),
                "--listen-client-urls", clientUrl().toString(),
                "--advertise-client-urls", clientUrl().toString(),
                "--listen-peer-urls", peerUrl(),
                "--initial-advertise-peer-urls", peerUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", "new",
                // A token per test cluster: members of two clusters that happen to reuse ports never join up.
                "--initial-cluster-token", token,
                "--logger", "zap",
                "--log-level", "warn");
        Files.createDirectories(dataDir);
        launch();
    }

    /**
     * Starts a killed or stopped member again on its data directory and ports. etcd then ignores the cluster flags
     * and rejoins from its write-ahead log.
     */
    void restart() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        killed = false;
        launch();
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether a test killed this member on purpose (it is not expected back). */
    boolean wasKilled() {
        return killed;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash: no chance to flush or to hand over leadership. */
    void kill() {
        killed = true;
        if (process != null) {
            process.destroyForcibly();
            waitFor(5);
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(5)) {
                kill();
            }
        }
    }

    private boolean waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + "(" + clientUrl() + (process == null ? "" : ", pid " + process.pid()) + ")";
    }
}
