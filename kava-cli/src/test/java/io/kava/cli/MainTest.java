package io.kava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kava command line: exit codes and one-line errors. */
class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void versionPrintsKubernetesVersion() {
        var result = run("version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("kava ").contains("Kubernetes v1.");
    }

    @Test
    void unknownDatastoreIsOneLineAndExitCodeOne(@TempDir Path dir) {
        var result = run("server", "--data-dir", dir.toString(), "--datastore", "mysql://x");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("kava: unsupported --datastore \"mysql://x\": use sqlite or"
                + " etcd://host:port[,host:port...]");
    }

    @Test
    void corruptDatabaseStopsStartupNamingTheFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db").resolve("state.db");
        Files.createDirectories(db.getParent());
        Files.write(db, "this is not a database, it is a sentence that is long enough to be a header".repeat(100)
                .getBytes(StandardCharsets.UTF_8));
        var result = run("server", "--data-dir", dir.toString(), "--https-port", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().lines().filter(l -> l.startsWith("kava:")).toList()).hasSize(1);
        assertThat(result.err()).contains(db.toString()).doesNotContain("\tat ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        var result = run("server", "--no-such-flag");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-flag'");
    }
}
