package io.kava.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kava.store.Event;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WriteResult;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A single-member cluster that goes away: each test has a cluster of its own to kill. */
@SuppressWarnings("try") // try-with-resources scopes a Watch the body never names
class EtcdStoreOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aWatchResumesWithoutGapsOrDuplicatesWhenEtcdRestarts() throws Exception {
        try (EtcdTestCluster cluster = EtcdTestCluster.start(1);
                EtcdStore store = EtcdStore.connect(cluster.options())) {
            long first = ok(store.create("/w/0", b("v"), 0)).revision();
            EtcdStoreTest.Recorder rec = new EtcdStoreTest.Recorder();
            try (Watch ignored = store.watch("/w/", first, rec)) {
                for (int i = 1; i < 10; i++) {
                    ok(store.create("/w/" + i, b("v"), 0));
                }
                await().atMost(WAIT).until(() -> rec.events.size() >= 10);

                EtcdProcess member = cluster.members().get(0);
                member.kill();
                member.restart();
                cluster.awaitHealthy();
                // The client's old connection may still be reset once; a write on it would (rightly) fail with an
                // unknown outcome, so wait until the store reads again before writing.
                await().atMost(WAIT).ignoreException(StoreUnavailableException.class)
                        .until(() -> store.get("/w/0").isPresent());

                long last = 0;
                for (int i = 10; i < 20; i++) {
                    last = ok(store.create("/w/" + i, b("v"), 0)).revision();
                }
                long end = last;
                await().atMost(WAIT).until(() -> !rec.events.isEmpty() && rec.events.getLast().revision() == end);
                assertThat(rec.events).extracting(Event::revision)
                        .containsExactlyElementsOf(LongStream.rangeClosed(first, last).boxed().toList());
                assertThat(rec.errors).isEmpty();
            }
        }
    }

    @Test
    void callsAndWatchesFailWithStoreUnavailableOnceEtcdIsGone() {
        try (EtcdTestCluster cluster = EtcdTestCluster.start(1);
                EtcdStore store = EtcdStore.connect(cluster.options()
                        .withRetry(new EtcdOptions.Retry(4, Duration.ofMillis(50), Duration.ofMillis(200))))) {
            ok(store.create("/a", b("1"), 0));
            EtcdStoreTest.Recorder rec = new EtcdStoreTest.Recorder();
            try (Watch ignored = store.watch("/", 0, rec)) {
                cluster.members().get(0).kill();
                String endpoint = cluster.clientUrls().get(0).toString();

                long started = System.nanoTime();
                assertThatThrownBy(() -> store.get("/a"))
                        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(endpoint);
                assertThatThrownBy(() -> store.create("/b", b("2"), 0))
                        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(endpoint);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);

                await().atMost(WAIT).until(() -> !rec.errors.isEmpty());
                assertThat(rec.errors).hasSize(1);
                assertThat(rec.errors.get(0)).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining(endpoint);
                assertThat(rec.events).isEmpty();
            }
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static WriteResult.Ok ok(WriteResult result) {
        assertThat(result).isInstanceOf(WriteResult.Ok.class);
        return (WriteResult.Ok) result;
    }
}
