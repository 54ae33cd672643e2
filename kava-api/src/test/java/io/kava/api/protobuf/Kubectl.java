package io.kava.api.protobuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real kubectl binary, if the machine has one, with a time limit. */
final class Kubectl {

    static final Path DIR = Path.of("/usr/lib/google-cloud-sdk/bin");

    record Result(int exit, String out, String err) {
    }

    private final Path binary;
    private final Path kubeconfig;

    Kubectl(Path binary, Path kubeconfig) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
    }

    /** The kubectl of this minor version (1.33 → kubectl.1.33), or null when absent. */
    static Path find(String version) {
        Path p = DIR.resolve("kubectl." + version);
        return Files.isExecutable(p) ? p : null;
    }

    String version() {
        return binary.getFileName().toString().replace("kubectl.", "");
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.add("--kubeconfig=" + kubeconfig);
        cmd.add("--request-timeout=20s");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", kubeconfig.getParent().toString());
        pb.environment().remove("KUBECONFIG");
        Path out = Files.createTempFile(kubeconfig.getParent(), "out", ".txt");
        Path err = Files.createTempFile(kubeconfig.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            throw new IOException("kubectl timed out: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
