package io.kava.apiserver.kinds.service;

import static io.kava.apiserver.kinds.KindsTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.node.ObjectNode;

class ServiceAllocatorTest {

    private static final String SERVICES = "/registry/services/";
    private final FakeAllocationStore store = new FakeAllocationStore();
    private final MutableClock clock = new MutableClock();
    private final ServiceAllocator allocator = allocator(new ServiceNetwork("10.43.0.0/16", 30000, 32767));

    private ServiceAllocator allocator(ServiceNetwork network) {
        return new ServiceAllocator(store, clock, network, SERVICES, new Random(1));
    }

    private static int uids;

    private static ObjectNode service(String name, String spec) {
        return json("""
                {"apiVersion": "v1", "kind": "Service",
                 "metadata": {"name": "%s", "namespace": "default", "uid": "uid-%s-%d"},
                 "spec": %s}""".formatted(name, name, ++uids, spec));
    }

    /** Allocates and stores the Service, as a successful create does. */
    private ObjectNode createService(ServiceAllocator allocator, ObjectNode service) {
        allocator.allocate(service, null, false);
        store.put(SERVICES + "default/" + service.at("/metadata/name").asString(), Json.string(service));
        return service;
    }

    private static ApiException.Cause onlyCause(ApiException e) {
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.details().causes()).hasSize(1);
        return e.details().causes().getFirst();
    }

    @Test
    void allocatesClusterIpsFromTheCidr() {
        ObjectNode svc = createService(allocator, service("web", "{\"type\": \"ClusterIP\"}"));
        String ip = svc.at("/spec/clusterIP").asString();
        assertThat(ip).startsWith("10.43.").isNotIn("10.43.0.0", "10.43.0.1", "10.43.255.255");
        assertThat(svc.at("/spec/clusterIPs")).isEqualTo(Json.parse("[\"" + ip + "\"]"));
        assertThat(store.keys(ServiceAllocator.IP_PREFIX)).containsExactly(ServiceAllocator.IP_PREFIX + ip);
    }

    @Test
    void honoursRequestedIpsAndRejectsTakenOnes() {
        createService(allocator, service("a", "{\"type\": \"ClusterIP\", \"clusterIP\": \"10.43.0.10\"}"));
        ObjectNode b = service("b", "{\"type\": \"ClusterIP\", \"clusterIP\": \"10.43.0.10\","
                + " \"clusterIPs\": [\"10.43.0.10\"]}");
        assertThatThrownBy(() -> allocator.allocate(b, null, false)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    var cause = onlyCause(e);
                    assertThat(cause.field()).isEqualTo("spec.clusterIPs");
                    assertThat(cause.message()).isEqualTo("Invalid value: []string{\"10.43.0.10\"}: failed to"
                            + " allocate IP 10.43.0.10: provided IP is already allocated");
                    assertThat(e.getMessage()).isEqualTo("Service \"b\" is invalid: spec.clusterIPs: Invalid value:"
                            + " []string{\"10.43.0.10\"}: failed to allocate IP 10.43.0.10: provided IP is already"
                            + " allocated");
                });
        ObjectNode outside = service("c", "{\"clusterIP\": \"10.0.0.5\", \"clusterIPs\": [\"10.0.0.5\"]}");
        assertThatThrownBy(() -> allocator.allocate(outside, null, false)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(onlyCause(e).message()).isEqualTo("Invalid value:"
                        + " []string{\"10.0.0.5\"}: failed to allocate IP 10.0.0.5: provided IP is not in the valid"
                        + " range. The range of valid IPs is 10.43.0.0/16"));
    }

    @Test
    void firstAddressIsForTheKubernetesService() {
        ObjectNode other = service("other", "{\"clusterIP\": \"10.43.0.1\", \"clusterIPs\": [\"10.43.0.1\"]}");
        assertThatThrownBy(() -> allocator.allocate(other, null, false)).isInstanceOf(ApiException.class);
        ObjectNode kubernetes = service("kubernetes", "{\"clusterIP\": \"10.43.0.1\"}");
        createService(allocator, kubernetes);
        assertThat(kubernetes.at("/spec/clusterIP").asString()).isEqualTo("10.43.0.1");
    }

    @Test
    void headlessAndExternalNameGetNoIp() {
        ObjectNode headless = createService(allocator, service("h", "{\"clusterIP\": \"None\","
                + " \"clusterIPs\": [\"None\"]}"));
        ObjectNode external = createService(allocator, service("e", "{\"type\": \"ExternalName\","
                + " \"externalName\": \"example.com\"}"));
        assertThat(headless.at("/spec/clusterIP").asString()).isEqualTo("None");
        assertThat(external.at("/spec/clusterIP").isMissingNode()).isTrue();
        assertThat(store.keys(ServiceAllocator.IP_PREFIX)).isEmpty();
    }

    @Test
    void allocatesNodePorts() {
        ObjectNode svc = createService(allocator, service("np", """
                {"type": "NodePort", "ports": [{"name": "dns", "port": 53, "protocol": "UDP"},
                  {"name": "dns-tcp", "port": 53, "protocol": "TCP"},
                  {"name": "web", "port": 80, "nodePort": 30080}]}"""));
        long udp = svc.at("/spec/ports/0/nodePort").asLong();
        assertThat(udp).isBetween(30000L, 32767L);
        assertThat(svc.at("/spec/ports/1/nodePort").asLong()).isEqualTo(udp);
        assertThat(svc.at("/spec/ports/2/nodePort").asLong()).isEqualTo(30080);

        ObjectNode clash = service("clash", "{\"type\": \"NodePort\", \"ports\": [{\"port\": 81,"
                + " \"nodePort\": 30080}]}");
        assertThatThrownBy(() -> allocator.allocate(clash, null, false)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    var cause = onlyCause(e);
                    assertThat(cause.field()).isEqualTo("spec.ports[0].nodePort");
                    assertThat(cause.message()).isEqualTo("Invalid value: 30080: provided port is already allocated");
                });
        ObjectNode outside = service("out", "{\"type\": \"NodePort\", \"ports\": [{\"port\": 81,"
                + " \"nodePort\": 8080}]}");
        assertThatThrownBy(() -> allocator.allocate(outside, null, false)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(onlyCause(e).message()).isEqualTo("Invalid value: 8080: provided"
                        + " port is not in the valid range. The range of valid ports is 30000-32767"));
        // The failed allocation released the cluster IP it had reserved first.
        assertThat(store.keys(ServiceAllocator.IP_PREFIX)).hasSize(1);
    }

    @Test
    void loadBalancersGetHealthCheckPortsUnlessNodePortsAreOff() {
        ObjectNode lb = createService(allocator, service("lb", """
                {"type": "LoadBalancer", "externalTrafficPolicy": "Local", "ports": [{"port": 443}]}"""));
        assertThat(lb.at("/spec/healthCheckNodePort").asLong()).isBetween(30000L, 32767L);
        assertThat(lb.at("/spec/ports/0/nodePort").asLong()).isBetween(30000L, 32767L);
        ObjectNode noPorts = createService(allocator, service("lb2", """
                {"type": "LoadBalancer", "allocateLoadBalancerNodePorts": false, "ports": [{"port": 443}]}"""));
        assertThat(noPorts.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
    }

    @Test
    void dryRunReservesNothing() {
        ObjectNode svc = service("dry", "{\"type\": \"NodePort\", \"ports\": [{\"port\": 80}]}");
        allocator.allocate(svc, null, true);
        assertThat(svc.at("/spec/clusterIP").asString()).startsWith("10.43.");
        assertThat(svc.at("/spec/ports/0/nodePort").asLong()).isPositive();
        assertThat(store.keys("/registry/ranges/")).isEmpty();
    }

    @Test
    void deleteReleasesForReuse() {
        ObjectNode a = createService(allocator, service("a", "{\"clusterIP\": \"10.43.0.20\", \"type\": \"NodePort\","
                + " \"ports\": [{\"port\": 80, \"nodePort\": 31000}]}"));
        store.remove(SERVICES + "default/a");
        allocator.release(a);
        assertThat(store.keys("/registry/ranges/")).isEmpty();
        ObjectNode b = createService(allocator, service("b", "{\"clusterIP\": \"10.43.0.20\", \"type\": \"NodePort\","
                + " \"ports\": [{\"port\": 80, \"nodePort\": 31000}]}"));
        assertThat(b.at("/spec/clusterIP").asString()).isEqualTo("10.43.0.20");
    }

    @Test
    void releaseLeavesOtherOwnersAlone() {
        createService(allocator, service("a", "{\"clusterIP\": \"10.43.0.20\"}"));
        ObjectNode impostor = service("x", "{\"clusterIP\": \"10.43.0.20\", \"clusterIPs\": [\"10.43.0.20\"]}");
        allocator.release(impostor);
        assertThat(store.keys(ServiceAllocator.IP_PREFIX)).hasSize(1);
    }

    @Test
    void updatesAllocateOnlyWhatIsNew() {
        ObjectNode old = createService(allocator, service("web",
                "{\"type\": \"ClusterIP\", \"ports\": [{\"port\": 80}]}"));
        ObjectNode same = old.deepCopy();
        allocator.allocate(same, old, false);
        assertThat(same).isEqualTo(old);
        ObjectNode nodePort = old.deepCopy();
        ((ObjectNode) nodePort.get("spec")).put("type", "NodePort");
        allocator.allocate(nodePort, old, false);
        assertThat(nodePort.at("/spec/ports/0/nodePort").asLong()).isBetween(30000L, 32767L);
        assertThat(nodePort.at("/spec/clusterIP")).isEqualTo(old.at("/spec/clusterIP"));
        assertThat(store.keys(ServiceAllocator.PORT_PREFIX)).hasSize(1);
    }

    @Test
    void staleReservationsAreReclaimedAfterTheGracePeriod() {
        // A create that reserved 10.43.0.30 but never stored its Service (the write failed).
        ObjectNode lost = service("lost", "{\"clusterIP\": \"10.43.0.30\"}");
        allocator.allocate(lost, null, false);
        ObjectNode next = service("next", "{\"clusterIP\": \"10.43.0.30\", \"clusterIPs\": [\"10.43.0.30\"]}");
        assertThatThrownBy(() -> allocator.allocate(next.deepCopy(), null, false)).isInstanceOf(ApiException.class);
        clock.advance(ServiceAllocator.GRACE.plusSeconds(1));
        createService(allocator, next);
        assertThat(next.at("/spec/clusterIP").asString()).isEqualTo("10.43.0.30");
    }

    @Test
    void aValueAnUpdateStoppedUsingCanBeTaken() {
        ObjectNode old = createService(allocator, service("a", "{\"type\": \"NodePort\","
                + " \"ports\": [{\"port\": 80, \"nodePort\": 31500}]}"));
        ObjectNode updated = old.deepCopy();
        ((ObjectNode) updated.at("/spec/ports/0")).put("nodePort", 31501);
        allocator.allocate(updated, old, false);
        store.put(SERVICES + "default/a", Json.string(updated));
        clock.advance(ServiceAllocator.GRACE.plusSeconds(1));
        createService(allocator, service("b", "{\"type\": \"NodePort\", \"ports\": [{\"port\": 80,"
                + " \"nodePort\": 31500}]}"));
    }

    @Test
    void survivesRestartAndRepairsMissingReservations() {
        createService(allocator, service("a", "{\"clusterIP\": \"10.43.0.40\"}"));
        // A Service stored without a reservation (written before the allocator existed).
        store.put(SERVICES + "default/old", """
                {"metadata": {"name": "old", "namespace": "default", "uid": "uid-old"},
                 "spec": {"type": "NodePort", "clusterIP": "10.43.0.41", "clusterIPs": ["10.43.0.41"],
                          "ports": [{"port": 80, "nodePort": 30041}]}}""");
        ServiceAllocator restarted = allocator(new ServiceNetwork("10.43.0.0/16", 30000, 32767));
        for (String ip : List.of("10.43.0.40", "10.43.0.41")) {
            ObjectNode taker = service("t", "{\"clusterIP\": \"" + ip + "\", \"clusterIPs\": [\"" + ip + "\"]}");
            assertThatThrownBy(() -> restarted.allocate(taker, null, false)).isInstanceOf(ApiException.class);
        }
        assertThat(store.keys(ServiceAllocator.PORT_PREFIX)).containsExactly(ServiceAllocator.PORT_PREFIX + "30041");
    }

    @Test
    void fullRangeIsAnInternalError() {
        ServiceAllocator tiny = allocator(new ServiceNetwork("10.43.0.0/30", 30000, 30001));
        // A /30 holds network, .1 (kubernetes), one usable address and broadcast.
        createService(tiny, service("a", "{}"));
        assertThatThrownBy(() -> tiny.allocate(service("b", "{}"), null, false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("Internal error occurred: failed to allocate a serviceIP:"
                            + " range is full");
                });
    }

    @Test
    void concurrentCreatesOnTwoApiServersGetDistinctValues() throws Exception {
        var network = new ServiceNetwork("10.43.0.0/27", 30000, 30040);
        ServiceAllocator first = allocator(network);
        ServiceAllocator second = new ServiceAllocator(store, clock, network, SERVICES, new Random(1));
        int services = 24;
        var ips = new ConcurrentLinkedQueue<String>();
        var ports = new ConcurrentLinkedQueue<Long>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < services; i++) {
            ServiceAllocator a = i % 2 == 0 ? first : second;
            ObjectNode svc = service("s" + i, "{\"type\": \"NodePort\", \"ports\": [{\"port\": 80}]}");
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    a.allocate(svc, null, false);
                    ips.add(svc.at("/spec/clusterIP").asString());
                    ports.add(svc.at("/spec/ports/0/nodePort").asLong());
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(20));
        }
        assertThat(failures).isEmpty();
        assertThat(new HashSet<>(ips)).hasSize(services);
        assertThat(new HashSet<>(ports)).hasSize(services);
    }
}
