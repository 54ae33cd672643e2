package io.kava.store.sqlite;

import io.kava.store.Store;
import io.kava.store.StoreContractTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, against a fresh SQLite file per test. */
class SqliteStoreContractTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        // No background compaction (tests compact explicitly); a quick reaper so lease tests end fast.
        SqliteOptions options = SqliteOptions.defaults()
                .withCompaction(Duration.ZERO, 0)
                .withLeaseCheckInterval(Duration.ofMillis(100));
        return SqliteStore.open(dir.resolve("store.db"), options);
    }
}
