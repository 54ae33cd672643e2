package io.kava.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.StoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchDeliveryTest {

    @Test
    void batchesArriveInOrderAndAnErrorComesLastAndOnce() {
        EtcdStoreTest.Recorder rec = new EtcdStoreTest.Recorder();
        WatchDelivery delivery = new WatchDelivery(rec, 100, "test");
        for (long r = 1; r <= 50; r++) {
            assertThat(delivery.offer(List.of(put(r)))).isTrue();
        }
        delivery.fail(new StoreException("boom"));
        delivery.fail(new StoreException("again"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !rec.errors.isEmpty());
        assertThat(rec.events).extracting(Event::revision).isSorted().hasSize(50);
        await().during(Duration.ofMillis(100)).until(() -> rec.errors.size() == 1);
        assertThat(rec.errors.get(0)).hasMessage("boom");
        assertThat(delivery.offer(List.of(put(51)))).isFalse();
    }

    @Test
    void stopEndsDeliveryAndRefusesMore() {
        EtcdStoreTest.Recorder rec = new EtcdStoreTest.Recorder();
        WatchDelivery delivery = new WatchDelivery(rec, 100, "test");
        delivery.offer(List.of(put(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> rec.events.size() == 1);
        delivery.stop();
        assertThat(delivery.offer(List.of(put(2)))).isFalse();
        delivery.fail(new StoreException("late"));
        await().during(Duration.ofMillis(100)).until(() -> rec.events.size() == 1 && rec.errors.isEmpty());
    }

    private static Event put(long revision) {
        return new Event(Event.Type.PUT, new KeyValue("/k", new byte[0], revision, revision, 1, 0), null);
    }
}
