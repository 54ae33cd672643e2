package io.kava.store.etcd;

import io.kava.store.Store;
import io.kava.store.StoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a three-member cluster shared by the whole class, with the client spread over every member
 * (round robin): linearizable reads and watches must hold whichever member serves them. Keys carry no namespace.
 */
class EtcdThreeMemberContractTest extends StoreContractTest {

    private static EtcdTestCluster cluster;

    @BeforeAll
    static void startEtcd() {
        cluster = EtcdTestCluster.start(3);
    }

    @AfterAll
    static void stopEtcd() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected Store newStore() {
        return EtcdStore.connect(cluster.options());
    }
}
