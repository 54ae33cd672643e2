package io.kava.apiserver.kinds.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.store.KeyValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands out Service cluster IPs and node ports, unique across the cluster (Kubernetes' {@code ipallocator} and
 * {@code portallocator}, with the messages of {@code pkg/registry/core/service/storage/alloc.go}).
 *
 * <h2>Design</h2>
 * Each allocated value is a <em>reservation key</em> in the store, {@code /registry/ranges/serviceips/<ip>} or
 * {@code /registry/ranges/servicenodeports/<port>}, whose value names its owner (namespace, name, uid of the
 * Service) and when it was reserved. A reservation is taken with the store's create-if-absent, so two API servers can
 * never hand out the same value; within one API server a lock serializes allocations so they do not race each other.
 * Because the keys live in the store, allocations survive restarts.
 *
 * <p>A value is reserved just before the Service is written ({@link io.kava.apiserver.rest.Strategy#beforeWrite}),
 * so a write that then fails (name taken, conflict) leaves a reservation behind, and so does an update that stops
 * using a value (type changed to ClusterIP, node port changed). Such a reservation is <em>stale</em>: older than
 * {@link #GRACE} and its owner Service does not exist or no longer uses the value. A stale reservation is taken over
 * when someone asks for that value, and swept (with a check that every stored Service holds its reservations) on the
 * first allocation after start and whenever a range looks full. The grace period protects reservations of writes
 * still in flight. Deleting a Service releases its reservations at once ({@link #release}).
 *
 * <p>Lock order: the allocator's lock is taken inside ResourceStorage's write path and never around a call back into
 * it; store calls are made while holding it.
 */
public final class ServiceAllocator {

    static final String IP_PREFIX = "/registry/ranges/serviceips/";
    static final String PORT_PREFIX = "/registry/ranges/servicenodeports/";
    /** How long a fresh reservation is protected, so a Service being written is not robbed of its values. */
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final int MAX_CAS_RETRIES = 8;

    /** Who holds a reservation. */
    record Owner(String namespace, String name, String uid) {
        static Owner of(ObjectNode service) {
            return new Owner(nonNull(Meta.namespace(service)), nonNull(Meta.name(service)),
                    nonNull(Meta.uid(service)));
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }

    private record Reservation(Owner owner, Instant reservedAt) {
    }

    private final AllocationStore store;
    private final Clock clock;
    private final ServiceNetwork network;
    private final String servicePrefix;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean repaired; // guarded by lock

    /**
     * @param servicePrefix the store prefix of Service objects ({@code /registry/services/}), to check owners
     */
    public ServiceAllocator(AllocationStore store, Clock clock, ServiceNetwork network, String servicePrefix,
                            RandomGenerator random) {
        this.store = store;
        this.clock = clock;
        this.network = network;
        this.servicePrefix = servicePrefix;
        this.random = random;
    }

    public ServiceNetwork network() {
        return network;
    }

    /**
     * Fills in and reserves the cluster IP, node ports and health check node port {@code service} needs ({@code old}
     * is null on create). Values unchanged from {@code old} were reserved before. A dry run checks and fills but
     * reserves nothing. Throws 422 for a requested value that is taken or out of range, 500 when a range is full.
     */
    public void allocate(ObjectNode service, ObjectNode old, boolean dryRun) {
        lock.lock();
        var reserved = new ArrayList<String>();
        Owner owner = Owner.of(service);
        boolean done = false;
        try {
            if (!repaired) {
                repair();
                repaired = true;
            }
            ObjectNode spec = Trees.object(service, "spec");
            JsonNode oldSpec = old == null ? null : old.get("spec");
            allocateClusterIp(service, spec, oldSpec, owner, dryRun, reserved);
            allocateNodePorts(service, spec, oldSpec, owner, dryRun, reserved);
            allocateHealthCheckNodePort(spec, oldSpec, owner, dryRun, reserved);
            done = true;
        } finally {
            if (!done) {
                for (String key : reserved) {
                    releaseKey(key, owner.uid());
                }
            }
            lock.unlock();
        }
    }

    /** Releases what {@code service} holds; called after it was deleted. */
    public void release(ObjectNode service) {
        lock.lock();
        try {
            String uid = Owner.of(service).uid();
            JsonNode spec = service.get("spec");
            for (String ip : clusterIps(spec)) {
                releaseKey(IP_PREFIX + ip, uid);
            }
            for (long port : nodePorts(spec)) {
                releaseKey(PORT_PREFIX + port, uid);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- cluster IP -----------------------------------------------------------------------------------------

    private void allocateClusterIp(ObjectNode service, ObjectNode spec, JsonNode oldSpec, Owner owner, boolean dryRun,
                                   List<String> reserved) {
        if (Trees.textOrEmpty(spec, "type").equals("ExternalName")) {
            return;
        }
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        if (ip.equals("None")) {
            return;
        }
        if (oldSpec != null && !ip.isEmpty() && ip.equals(Trees.textOrEmpty(oldSpec, "clusterIP"))
                && !Trees.textOrEmpty(oldSpec, "type").equals("ExternalName")) {
            return; // reserved when it was first set
        }
        if (ip.isEmpty()) {
            ip = nextIp(owner, dryRun, reserved);
        } else {
            String problem = null;
            if (!network.inRange(ip)) {
                problem = "provided IP is not in the valid range. The range of valid IPs is " + network.serviceCidr();
            } else if (ip.equals(network.kubernetesServiceIp())
                    && !(owner.namespace().equals("default") && owner.name().equals("kubernetes"))
                    || !reserve(IP_PREFIX + ip, owner, dryRun, reserved)) {
                problem = "provided IP is already allocated";
            }
            if (problem != null) {
                throw invalid(service, "spec.clusterIPs", GoValues.stringSlice(Trees.strings(spec, "clusterIPs")),
                        "failed to allocate IP " + ip + ": " + problem);
            }
        }
        spec.put("clusterIP", ip);
        spec.putArray("clusterIPs").add(ip);
    }

    private String nextIp(Owner owner, boolean dryRun, List<String> reserved) {
        long first = network.network() + 2; // skip the network address and the kubernetes Service's address
        long count = network.size() - 3;    // ... and the broadcast address
        for (int round = 0; round < 2; round++) {
            Set<String> used = keys(IP_PREFIX);
            long offset = random.nextLong(count);
            for (long i = 0; i < count; i++) {
                String ip = ServiceNetwork.toIp(first + (offset + i) % count);
                if (!used.contains(ip) && reserve(IP_PREFIX + ip, owner, dryRun, reserved)) {
                    return ip;
                }
            }
            repair();
        }
        throw ApiException.internal("failed to allocate a serviceIP: range is full");
    }

    // ---- node ports -----------------------------------------------------------------------------------------

    private void allocateNodePorts(ObjectNode service, ObjectNode spec, JsonNode oldSpec, Owner owner, boolean dryRun,
                                   List<String> reserved) {
        String type = Trees.textOrEmpty(spec, "type");
        if (!type.equals("NodePort") && !type.equals("LoadBalancer")) {
            return;
        }
        boolean allocateNew = type.equals("NodePort")
                || !Boolean.FALSE.equals(Trees.bool(spec, "allocateLoadBalancerNodePorts"));
        boolean create = oldSpec == null;
        Set<Long> oldPorts = create ? Set.of() : new HashSet<>(nodePorts(oldSpec));
        Set<Long> taken = new HashSet<>();
        Map<Long, Long> byServicePort = new HashMap<>();
        var ports = Trees.objects(spec, "ports");
        for (int i = 0; i < ports.size(); i++) {
            ObjectNode port = ports.get(i);
            long nodePort = Trees.number(port, "nodePort", 0);
            if (nodePort == 0 && !allocateNew) {
                continue;
            }
            String path = "spec.ports[" + i + "].nodePort";
            if (create) {
                long servicePort = Trees.number(port, "port", 0);
                Long shared = byServicePort.get(servicePort);
                if (shared == null) {
                    long requested = requestedNodePort(servicePort, ports);
                    long value = requested != 0 ? requested : nextPort(owner, dryRun, reserved);
                    if (requested != 0) {
                        reservePort(service, path, requested, owner, dryRun, reserved, taken);
                    }
                    Trees.putNumber(port, "nodePort", value);
                    byServicePort.put(servicePort, value);
                } else if (nodePort != shared) {
                    if (nodePort == 0) {
                        Trees.putNumber(port, "nodePort", shared);
                    } else {
                        reservePort(service, path, nodePort, owner, dryRun, reserved, taken);
                    }
                }
            } else if (nodePort != 0) {
                if (!oldPorts.contains(nodePort) && !taken.contains(nodePort)) {
                    reservePort(service, path, nodePort, owner, dryRun, reserved, taken);
                }
            } else {
                Trees.putNumber(port, "nodePort", nextPort(owner, dryRun, reserved));
            }
        }
    }

    /** The first node port requested for {@code servicePort} ({@code findRequestedNodePort}). */
    private static long requestedNodePort(long servicePort, List<ObjectNode> ports) {
        for (ObjectNode port : ports) {
            if (Trees.number(port, "port", 0) == servicePort && Trees.number(port, "nodePort", 0) != 0) {
                return Trees.number(port, "nodePort", 0);
            }
        }
        return 0;
    }

    private void reservePort(ObjectNode service, String path, long nodePort, Owner owner, boolean dryRun,
                             List<String> reserved, Set<Long> taken) {
        String problem = null;
        if (!network.portInRange(nodePort)) {
            problem = "provided port is not in the valid range. The range of valid ports is " + network.portRange();
        } else if (taken.contains(nodePort) || !reserve(PORT_PREFIX + nodePort, owner, dryRun, reserved)) {
            problem = "provided port is already allocated";
        }
        if (problem != null) {
            throw invalid(service, path, nodePort, problem);
        }
        taken.add(nodePort);
    }

    private long nextPort(Owner owner, boolean dryRun, List<String> reserved) {
        long count = (long) network.nodePortMax() - network.nodePortMin() + 1;
        for (int round = 0; round < 2; round++) {
            Set<String> used = keys(PORT_PREFIX);
            long offset = random.nextLong(count);
            for (long i = 0; i < count; i++) {
                long port = network.nodePortMin() + (offset + i) % count;
                if (!used.contains(Long.toString(port)) && reserve(PORT_PREFIX + port, owner, dryRun, reserved)) {
                    return port;
                }
            }
            repair();
        }
        throw ApiException.internal("failed to allocate a nodePort: range is full");
    }

    private void allocateHealthCheckNodePort(ObjectNode spec, JsonNode oldSpec, Owner owner, boolean dryRun,
                                             List<String> reserved) {
        if (!needsHealthCheck(spec) || oldSpec != null && needsHealthCheck(oldSpec)) {
            return;
        }
        long port = Trees.number(spec, "healthCheckNodePort", 0);
        if (port == 0) {
            Trees.putNumber(spec, "healthCheckNodePort", nextPort(owner, dryRun, reserved));
            return;
        }
        String problem = !network.portInRange(port)
                ? "provided port is not in the valid range. The range of valid ports is " + network.portRange()
                : !reserve(PORT_PREFIX + port, owner, dryRun, reserved) ? "provided port is already allocated" : null;
        if (problem != null) {
            throw ApiException.internal("failed to allocate requested HealthCheck NodePort " + port + ": " + problem);
        }
    }

    static boolean needsHealthCheck(JsonNode spec) {
        return Trees.textOrEmpty(spec, "type").equals("LoadBalancer")
                && Trees.textOrEmpty(spec, "externalTrafficPolicy").equals("Local");
    }

    // ---- reservations ---------------------------------------------------------------------------------------

    /**
     * Takes the reservation {@code key} for {@code owner}: true when it was free, stale or already the owner's. A dry
     * run only checks.
     */
    private boolean reserve(String key, Owner owner, boolean dryRun, List<String> reserved) {
        for (int attempt = 0; attempt < MAX_CAS_RETRIES; attempt++) {
            Optional<KeyValue> current = store.get(key);
            if (current.isEmpty()) {
                if (dryRun) {
                    return true;
                }
                if (store.create(key, encode(owner))) {
                    reserved.add(key);
                    return true;
                }
                continue;
            }
            Reservation reservation = decode(current.get());
            if (reservation.owner().uid().equals(owner.uid())) {
                return true;
            }
            if (!isStale(key, reservation)) {
                return false;
            }
            if (dryRun) {
                return true;
            }
            if (store.update(key, encode(owner), current.get().modRevision())) {
                reserved.add(key);
                return true;
            }
        }
        return false;
    }

    private void releaseKey(String key, String uid) {
        for (int attempt = 0; attempt < MAX_CAS_RETRIES; attempt++) {
            Optional<KeyValue> current = store.get(key);
            if (current.isEmpty() || !decode(current.get()).owner().uid().equals(uid)) {
                return;
            }
            if (store.delete(key, current.get().modRevision())) {
                return;
            }
        }
    }

    /** Old enough, and its owner is gone or no longer uses the value. */
    private boolean isStale(String key, Reservation reservation) {
        if (reservation.reservedAt().plus(GRACE).isAfter(clock.instant())) {
            return false;
        }
        Owner owner = reservation.owner();
        Optional<KeyValue> kv = store.get(servicePrefix + owner.namespace() + "/" + owner.name());
        if (kv.isEmpty()) {
            return true;
        }
        JsonNode service;
        try {
            service = Json.parse(kv.get().value());
        } catch (RuntimeException e) {
            return true;
        }
        if (!owner.uid().equals(Trees.textOrEmpty(service.get("metadata"), "uid"))) {
            return true;
        }
        JsonNode spec = service.get("spec");
        if (key.startsWith(IP_PREFIX)) {
            return !clusterIps(spec).contains(key.substring(IP_PREFIX.length()));
        }
        return !nodePorts(spec).contains(Long.parseLong(key.substring(PORT_PREFIX.length())));
    }

    /**
     * Makes every stored Service hold reservations for its values (values reserved by nobody are taken for it), then
     * deletes stale reservations.
     */
    void repair() {
        for (KeyValue kv : store.list(servicePrefix)) {
            ObjectNode service;
            try {
                service = (ObjectNode) Json.parse(kv.value());
            } catch (RuntimeException e) {
                continue;
            }
            Owner owner = Owner.of(service);
            JsonNode spec = service.get("spec");
            for (String ip : clusterIps(spec)) {
                if (network.inRange(ip) || ip.equals(network.kubernetesServiceIp())) {
                    store.create(IP_PREFIX + ip, encode(owner));
                }
            }
            for (long port : nodePorts(spec)) {
                store.create(PORT_PREFIX + port, encode(owner));
            }
        }
        for (String prefix : List.of(IP_PREFIX, PORT_PREFIX)) {
            for (KeyValue kv : store.list(prefix)) {
                if (isStale(kv.key(), decode(kv))) {
                    store.delete(kv.key(), kv.modRevision());
                }
            }
        }
    }

    private Set<String> keys(String prefix) {
        var keys = new HashSet<String>();
        for (KeyValue kv : store.list(prefix)) {
            keys.add(kv.key().substring(prefix.length()));
        }
        return keys;
    }

    private byte[] encode(Owner owner) {
        ObjectNode value = Json.object().put("namespace", owner.namespace()).put("name", owner.name())
                .put("uid", owner.uid()).put("reservedAt", clock.instant().toString());
        return Json.bytes(value);
    }

    private static Reservation decode(KeyValue kv) {
        try {
            JsonNode value = Json.parse(kv.value());
            return new Reservation(new Owner(Trees.textOrEmpty(value, "namespace"), Trees.textOrEmpty(value, "name"),
                    Trees.textOrEmpty(value, "uid")), Instant.parse(Trees.textOrEmpty(value, "reservedAt")));
        } catch (RuntimeException e) {
            return new Reservation(new Owner("", "", ""), Instant.EPOCH);
        }
    }

    // ---- what a Service holds -------------------------------------------------------------------------------

    static List<String> clusterIps(JsonNode spec) {
        var ips = new ArrayList<String>();
        if (Trees.textOrEmpty(spec, "type").equals("ExternalName")) {
            return ips;
        }
        for (String ip : Trees.strings(spec, "clusterIPs")) {
            if (!ip.isEmpty() && !ip.equals("None") && !ips.contains(ip)) {
                ips.add(ip);
            }
        }
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        if (!ip.isEmpty() && !ip.equals("None") && !ips.contains(ip)) {
            ips.add(ip);
        }
        return ips;
    }

    static List<Long> nodePorts(JsonNode spec) {
        var ports = new ArrayList<Long>();
        for (JsonNode port : Trees.objects(spec, "ports")) {
            long nodePort = Trees.number(port, "nodePort", 0);
            if (nodePort != 0 && !ports.contains(nodePort)) {
                ports.add(nodePort);
            }
        }
        long health = Trees.number(spec, "healthCheckNodePort", 0);
        if (health != 0 && !ports.contains(health)) {
            ports.add(health);
        }
        return ports;
    }

    private static ApiException invalid(ObjectNode service, String field, Object value, String detail) {
        var errors = new FieldErrors().invalid(field, value, detail);
        return ApiException.invalid("Service", "", Meta.name(service) == null ? "" : Meta.name(service),
                errors.causes());
    }
}
