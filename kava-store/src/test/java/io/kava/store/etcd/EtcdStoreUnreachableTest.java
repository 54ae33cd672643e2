package io.kava.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kava.store.StoreUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No etcd needed: the store against loopback ports where nothing listens. */
class EtcdStoreUnreachableTest {

    private static final EtcdOptions.Retry QUICK =
            new EtcdOptions.Retry(4, Duration.ofMillis(20), Duration.ofMillis(80));

    @Test
    void connectToAClosedPortFailsWithStoreUnavailableNamingTheEndpoints() throws IOException {
        int a = closedPort();
        int b = closedPort();
        EtcdOptions options = EtcdOptions.of("http://127.0.0.1:" + a, "http://127.0.0.1:" + b).withRetry(QUICK)
                .withConnectTimeout(Duration.ofMillis(500));

        long started = System.nanoTime();
        assertThatThrownBy(() -> EtcdStore.connect(options))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("http://127.0.0.1:" + a)
                .hasMessageContaining("http://127.0.0.1:" + b)
                .hasMessageContaining("4 attempts")
                .hasMessageContaining("Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void defaultRetriesGiveUpWithinSeconds() throws IOException {
        EtcdOptions options = EtcdOptions.of("http://127.0.0.1:" + closedPort());

        long started = System.nanoTime();
        assertThatThrownBy(() -> EtcdStore.connect(options))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(options.endpoints().get(0).toString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    /** A port that was free a moment ago: connecting to it is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
