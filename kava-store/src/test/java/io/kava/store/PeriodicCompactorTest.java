package io.kava.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kava.store.sqlite.SqliteOptions;
import io.kava.store.sqlite.SqliteStore;

class PeriodicCompactorTest {

    @Test
    void compactsToTheRevisionOfThePreviousTickAndKeepsLiveKeys(@TempDir Path dir) {
        var options = SqliteOptions.defaults().withCompaction(Duration.ZERO, 0);
        try (Store store = SqliteStore.open(dir.resolve("db"), options);
             var compactor = PeriodicCompactor.start(store, Duration.ofMillis(200))) {
            byte[] value = "v".getBytes(StandardCharsets.UTF_8);
            store.create("/k/a", value, 0);
            long firstRevision = store.currentRevision();
            await().atMost(Duration.ofSeconds(10)).until(() -> store.compactRevision() >= firstRevision);
            store.update("/k/a", value, store.get("/k/a").orElseThrow().modRevision(), 0);
            long afterUpdate = store.currentRevision();
            // history newer than one tick is kept until the next tick passes it
            assertThat(store.compactRevision()).isLessThan(afterUpdate);
            await().atMost(Duration.ofSeconds(10)).until(() -> store.compactRevision() >= afterUpdate);
            assertThat(store.get("/k/a")).isPresent();
        }
    }
}
