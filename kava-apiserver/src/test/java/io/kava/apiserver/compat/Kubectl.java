package io.kava.apiserver.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real kubectl against a test server. Tests that use it skip (with this message) on machines without
 * kubectl; CI machines have it at /usr/bin/kubectl, with versions 1.27–1.33 beside it.
 */
public final class Kubectl {

    /** The result of one kubectl run. */
    public record Result(int exitCode, String out, String err) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl failed (exit " + exitCode + "):\n" + err + out);
            }
            return this;
        }
    }

    private static final Path DEFAULT = Path.of("/usr/bin/kubectl");

    private final Path binary;
    private final Path kubeconfig;
    private final Path home;

    private Kubectl(Path binary, Path kubeconfig, Path home) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.home = home;
    }

    /** The default kubectl, or skip the test when there is none. */
    public static Kubectl forConfig(Path kubeconfig) throws IOException {
        return forVersion(null, kubeconfig);
    }

    /** {@code kubectl.1.27} ... beside the default one; null version = the default. */
    public static Kubectl forVersion(String version, Path kubeconfig) throws IOException {
        Path binary = DEFAULT;
        if (version != null && Files.exists(DEFAULT)) {
            binary = DEFAULT.toRealPath().resolveSibling("kubectl." + version);
        }
        Assumptions.assumeTrue(Files.isExecutable(binary),
                "kubectl compatibility test skipped: " + binary + " is not installed on this machine");
        // A private HOME keeps kubectl's discovery cache per test server.
        Path home = Files.createTempDirectory("kubectl-home");
        return new Kubectl(binary, kubeconfig, home);
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    public Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts kubectl without waiting (for {@code get -w}); the caller destroys it. */
    public Process start(Path stdout, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.redirectOutput(stdout.toFile());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
