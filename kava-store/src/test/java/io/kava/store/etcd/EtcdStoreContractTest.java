package io.kava.store.etcd;

import io.kava.store.Store;
import io.kava.store.StoreContractTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on one etcd member shared by the whole class. Each test's store gets a namespace of its own,
 * so the suite also runs every operation through the namespace prefixing (the three-member run uses none).
 */
class EtcdStoreContractTest extends StoreContractTest {

    private static final AtomicInteger STORES = new AtomicInteger();
    private static EtcdTestCluster cluster;

    @BeforeAll
    static void startEtcd() {
        cluster = EtcdTestCluster.start(1);
    }

    @AfterAll
    static void stopEtcd() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected Store newStore() {
        return EtcdStore.connect(cluster.options().withNamespace("/kava-test-" + STORES.incrementAndGet()));
    }
}
