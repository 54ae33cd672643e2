package io.kava.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.StoreUnavailableException;
import io.kava.store.Watch;
import io.kava.store.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Kills the leader of a three-member cluster with SIGKILL while writers increment one counter by compare-and-swap.
 * Writes whose outcome etcd left unknown fail with {@link StoreUnavailableException}; the writers count them and go
 * on. Afterwards every acknowledged increment must be in the history, the counter must account for every write, and
 * a watch opened before the kill must have seen each increment once, in order.
 */
@SuppressWarnings("try") // try-with-resources scopes a Watch the body never names
class EtcdLeaderFailoverTest {

    private static final String COUNTER = "/failover/counter";
    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 40;
    private static final int ACKS_AFTER_KILL = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private record Ack(long value, long revision) {
    }

    @Test
    void killingTheLeaderLosesNoAcknowledgedWriteAndTheClientRecovers() throws Exception {
        try (EtcdTestCluster cluster = EtcdTestCluster.start(3);
                EtcdStore store = EtcdStore.connect(cluster.options())) {
            long created = ok(store.create(COUNTER, b("0"), 0)).revision();
            EtcdStoreTest.Recorder history = new EtcdStoreTest.Recorder();
            ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
            AtomicInteger acksAfterKill = new AtomicInteger();
            AtomicInteger unknownOutcomes = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try (Watch ignored = store.watch(COUNTER, created + 1, history)) {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(pool.submit(() -> {
                        while (!stop.get()) {
                            try {
                                KeyValue current = store.get(COUNTER).orElseThrow();
                                long next = Long.parseLong(current.valueAsString()) + 1;
                                WriteResult result = store.update(COUNTER, b(Long.toString(next)),
                                        current.modRevision(), 0);
                                if (result instanceof WriteResult.Ok ok) {
                                    acks.add(new Ack(next, ok.revision()));
                                    if (killed.get()) {
                                        acksAfterKill.incrementAndGet();
                                    }
                                }
                            } catch (StoreUnavailableException e) {
                                unknownOutcomes.incrementAndGet();
                                Thread.sleep(50);
                            }
                        }
                        return null;
                    }));
                }

                await().atMost(WAIT).until(() -> acks.size() >= ACKS_BEFORE_KILL);
                EtcdProcess leader = cluster.killLeader();
                killed.set(true);
                await().atMost(WAIT).until(() -> acksAfterKill.get() >= ACKS_AFTER_KILL);
                stop.set(true);
                for (Future<?> writer : writers) {
                    writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }

                assertThat(cluster.leader()).isNotSameAs(leader);
                long finalValue = Long.parseLong(store.get(COUNTER).orElseThrow().valueAsString());

                // Compare-and-swap hands each value to one writer only, and no acknowledged write is missing.
                Set<Long> ackedValues = new HashSet<>();
                for (Ack ack : acks) {
                    assertThat(ackedValues.add(ack.value())).as("value %d acknowledged twice", ack.value()).isTrue();
                    KeyValue atAck = store.range(COUNTER, null, 0, ack.revision()).kvs().get(0);
                    assertThat(atAck.valueAsString()).isEqualTo(Long.toString(ack.value()));
                    assertThat(atAck.modRevision()).isEqualTo(ack.revision());
                }
                // Every applied increment was either acknowledged or reported as of unknown outcome.
                assertThat(finalValue).isBetween((long) acks.size(), (long) acks.size() + unknownOutcomes.get());

                // The watch lived through the failover: every increment once, in order, nothing else.
                await().atMost(WAIT).until(() -> history.events.size() >= finalValue);
                assertThat(history.errors).isEmpty();
                assertThat(history.events).extracting(e -> e.kv().valueAsString()).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, finalValue).mapToObj(Long::toString).toList());
                assertThat(history.events).extracting(Event::revision).isSorted().doesNotHaveDuplicates();
                assertThat(history.events).extracting(Event::revision)
                        .containsAll(acks.stream().map(Ack::revision).toList());
            } finally {
                stop.set(true);
                pool.shutdownNow();
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
