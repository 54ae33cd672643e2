package io.kava.store;

import java.nio.file.Files;
import java.nio.file.Path;

import io.kava.store.etcd.EtcdOptions;
import io.kava.store.etcd.EtcdStore;
import io.kava.store.sqlite.SqliteStore;

/** Opens the store a {@code --datastore} value names. */
public final class Stores {

    private Stores() {
    }

    /**
     * @param datastore {@code sqlite} (the embedded default, a database file under {@code dataDir}) or
     *                  {@code etcd://host:port[,host:port...]}
     * @param dataDir   the server's data directory
     */
    public static Store open(String datastore, Path dataDir) {
        if (datastore == null || datastore.isEmpty() || datastore.equals("sqlite")) {
            try {
                Files.createDirectories(dataDir.resolve("db"));
            } catch (java.io.IOException e) {
                throw new StoreUnavailableException("cannot create the data directory " + dataDir.resolve("db")
                        + ": " + e.getMessage(), e);
            }
            return SqliteStore.open(dataDir.resolve("db").resolve("state.db"));
        }
        if (datastore.startsWith("etcd://")) {
            return EtcdStore.connect(EtcdOptions.parse(datastore));
        }
        throw new StoreException("unsupported --datastore \"" + datastore
                + "\": use sqlite or etcd://host:port[,host:port...]");
    }
}
