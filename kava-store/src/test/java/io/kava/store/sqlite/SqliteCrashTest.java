package io.kava.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a child JVM writes and acknowledges, gets SIGKILLed mid-stream, and every acknowledged write must be
 * in the file afterwards, whole.
 */
class SqliteCrashTest {

    private static final int ACKS_BEFORE_KILL = 300;
    private static final Pattern ACK = Pattern.compile("ack \\d+ /crash/t\\d\\d/\\d{8}");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
        Path file = dir.resolve("crash.db");
        Map<String, Long> acked = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> runAndKill(file));

        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        long maxAcked = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        try (SqliteStore store = SqliteStore.open(file, SqliteOptions.defaults())) {
            assertThat(store.currentRevision()).isGreaterThanOrEqualTo(maxAcked);
            for (Map.Entry<String, Long> ack : acked.entrySet()) {
                KeyValue kv = store.get(ack.getKey()).orElseThrow(
                        () -> new AssertionError("acknowledged write lost: " + ack));
                assertThat(kv.modRevision()).isEqualTo(ack.getValue());
                assertThat(kv.value()).isEqualTo(CrashWriterMain.valueFor(ack.getKey()));
            }
            // Every row present, acknowledged or not, is whole, and revisions are dense: all writes were creates.
            RangeResult all = store.range("/crash/", null, 0, 0);
            assertThat(all.kvs()).hasSize((int) store.currentRevision());
            for (KeyValue kv : all.kvs()) {
                assertThat(kv.value()).as(kv.key()).isEqualTo(CrashWriterMain.valueFor(kv.key()));
            }
            assertThat(all.kvs()).extracting(KeyValue::modRevision).doesNotHaveDuplicates();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    private Map<String, Long> runAndKill(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashWriterMain.class.getName(), file.toString(), "4"));
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Map<String, Long> acked = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (!ACK.matcher(line).matches()) {
                    fail("child reported: " + line);
                }
                String[] parts = line.split(" ");
                acked.put(parts[2], Long.parseLong(parts[1]));
            }
            if (acked.size() < ACKS_BEFORE_KILL) {
                fail("child exited early: " + Files.readString(stderr));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // destroyForcibly() closes our end of the pipe, so acks still in it are not read: they are not counted as
            // promises, which only makes the check weaker by those few lines.
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);
        return acked;
    }
}
