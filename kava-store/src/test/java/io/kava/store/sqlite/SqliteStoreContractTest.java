package io.kava.store.sqlite;

import io.kava.store.Store;
import io.kava.store.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, against a fresh SQLite file per test. */
class SqliteStoreContractTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return SqliteStore.open(dir.resolve("store.db"), SqliteOptions.defaults().withCompaction(java.time.Duration.ZERO, 0)
                .withLeaseCheckInterval(java.time.Duration.ofMillis(100)));
    }
}
