package io.kava.apiserver.kinds.service;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.NameRule;
import io.kava.apiserver.rest.Strategy;
import io.kava.store.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Services ({@code pkg/registry/core/service/strategy.go} and {@code storage/alloc.go}, {@code SetDefaults_Service},
 * {@code ValidateService}): defaults, IP family fields, cluster IP and node port allocation through a
 * {@link ServiceAllocator} just before the write, their release after a delete, and the clusterIP immutability of
 * updates. Services have no generation.
 */
public final class ServiceStrategy implements Strategy {

    private final ServiceAllocator allocator;

    public ServiceStrategy(ServiceAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * A strategy allocating from {@code store}.
     *
     * @param servicePrefix the store prefix of Service objects ({@code /registry/services/})
     */
    public ServiceStrategy(Store store, Clock clock, ServiceNetwork network, String servicePrefix) {
        this(new ServiceAllocator(AllocationStore.of(store), clock, network, servicePrefix, new Random()));
    }

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1035_LABEL;
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }

    // ---- defaults -------------------------------------------------------------------------------------------

    @Override
    public void applyDefaults(ObjectNode object) {
        ObjectNode spec = Trees.object(object, "spec");
        Trees.defaultText(spec, "sessionAffinity", "None");
        String affinity = Trees.textOrEmpty(spec, "sessionAffinity");
        if (affinity.equals("None")) {
            spec.remove("sessionAffinityConfig");
        } else if (affinity.equals("ClientIP")) {
            JsonNode clientIp = Trees.objectOrNull(Trees.objectOrNull(spec, "sessionAffinityConfig"), "clientIP");
            if (!Trees.has(clientIp, "timeoutSeconds")) {
                spec.putObject("sessionAffinityConfig").putObject("clientIP").put("timeoutSeconds", 10800);
            }
        }
        Trees.defaultText(spec, "type", "ClusterIP");
        String type = Trees.textOrEmpty(spec, "type");
        for (ObjectNode port : Trees.objects(spec, "ports")) {
            Trees.defaultText(port, "protocol", "TCP");
            JsonNode target = port.get("targetPort");
            if (target == null || target.isNull() || target.isNumber() && target.asLong() == 0
                    || target.isString() && target.asString().isEmpty()) {
                port.set("targetPort", port.get("port") == null ? port.numberNode(0) : port.get("port"));
            }
        }
        if (externallyAccessible(spec)) {
            Trees.defaultText(spec, "externalTrafficPolicy", "Cluster");
        }
        if (List.of("NodePort", "LoadBalancer", "ClusterIP").contains(type)) {
            Trees.defaultText(spec, "internalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer")) {
            Trees.defaultBool(spec, "allocateLoadBalancerNodePorts", true);
            for (ObjectNode ingress : Trees.objects(Trees.objectOrNull(object.get("status"), "loadBalancer"),
                    "ingress")) {
                if (!Trees.textOrEmpty(ingress, "ip").isEmpty()) {
                    Trees.defaultText(ingress, "ipMode", "VIP");
                }
            }
        }
        defaultIpFamilies(spec);
    }

    /**
     * {@code initIPFamilyFields} for this single-stack IPv4 cluster: SingleStack unless the Service is headless and
     * selectorless (RequireDualStack, both families), families inferred from the cluster IPs, else IPv4.
     */
    private static void defaultIpFamilies(ObjectNode spec) {
        if (Trees.textOrEmpty(spec, "type").equals("ExternalName")) {
            return;
        }
        boolean headlessSelectorless = Trees.textOrEmpty(spec, "clusterIP").equals("None")
                && Trees.stringMap(spec, "selector").isEmpty();
        if (!Trees.has(spec, "ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", headlessSelectorless ? "RequireDualStack" : "SingleStack");
        }
        ArrayNode families = Trees.arrayOrNull(spec, "ipFamilies");
        if (families == null || families.isEmpty()) {
            families = spec.putArray("ipFamilies");
            for (String ip : Trees.strings(spec, "clusterIPs")) {
                if (ip.equals("None")) {
                    break;
                }
                families.add(ip.contains(":") ? "IPv6" : "IPv4");
            }
            if (families.isEmpty()) {
                families.add("IPv4");
            }
        }
        if (headlessSelectorless && families.size() < 2
                && !Trees.textOrEmpty(spec, "ipFamilyPolicy").equals("SingleStack")) {
            families.add(families.get(0).asString().equals("IPv4") ? "IPv6" : "IPv4");
        }
    }

    static boolean externallyAccessible(JsonNode spec) {
        String type = Trees.textOrEmpty(spec, "type");
        return type.equals("LoadBalancer") || type.equals("NodePort")
                || type.equals("ClusterIP") && !Trees.strings(spec, "externalIPs").isEmpty();
    }

    // ---- create and update ----------------------------------------------------------------------------------

    @Override
    public void prepareForCreate(ObjectNode object) {
        object.putObject("status").putObject("loadBalancer");
        ObjectNode spec = Trees.object(object, "spec");
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        if (!ip.isEmpty() && Trees.strings(spec, "clusterIPs").isEmpty()) {
            spec.putArray("clusterIPs").add(ip);
        }
    }

    @Override
    public void prepareForUpdate(ObjectNode object, ObjectNode old) {
        ObjectNode spec = Trees.object(object, "spec");
        JsonNode oldSpec = Trees.object(old, "spec");
        patchAllocatedValues(spec, oldSpec);
        normalizeClusterIps(spec, oldSpec);
        dropTypeDependentFields(spec, oldSpec);
        if (!Trees.has(spec, "ipFamilyPolicy") && Trees.has(oldSpec, "ipFamilyPolicy")
                && needsClusterIp(spec)) {
            spec.set("ipFamilyPolicy", oldSpec.get("ipFamilyPolicy").deepCopy());
        }
        if (Trees.strings(spec, "ipFamilies").isEmpty() && !Trees.strings(oldSpec, "ipFamilies").isEmpty()
                && needsClusterIp(spec) && Objects.equals(spec.get("clusterIPs"), oldSpec.get("clusterIPs"))) {
            spec.set("ipFamilies", oldSpec.get("ipFamilies").deepCopy());
        }
    }

    /** A PUT that leaves out allocated values keeps them ({@code patchAllocatedValues}). */
    private static void patchAllocatedValues(ObjectNode spec, JsonNode oldSpec) {
        if (needsClusterIp(oldSpec) && needsClusterIp(spec)) {
            if (Trees.textOrEmpty(spec, "clusterIP").isEmpty() && Trees.has(oldSpec, "clusterIP")) {
                spec.set("clusterIP", oldSpec.get("clusterIP").deepCopy());
            }
            if (Trees.strings(spec, "clusterIPs").isEmpty() && !Trees.strings(oldSpec, "clusterIPs").isEmpty()) {
                spec.set("clusterIPs", oldSpec.get("clusterIPs").deepCopy());
            }
        }
        if (needsNodePort(oldSpec) && needsNodePort(spec)) {
            var oldPorts = Trees.objects(oldSpec, "ports");
            var used = new java.util.HashSet<Long>();
            for (JsonNode port : Trees.objects(spec, "ports")) {
                used.add(Trees.number(port, "nodePort", 0));
            }
            for (ObjectNode port : Trees.objects(spec, "ports")) {
                if (Trees.number(port, "nodePort", 0) != 0) {
                    continue;
                }
                String name = Trees.textOrEmpty(port, "name");
                for (JsonNode old : oldPorts) {
                    long oldValue = Trees.number(old, "nodePort", 0);
                    if (Trees.textOrEmpty(old, "name").equals(name) && oldValue != 0 && !used.contains(oldValue)) {
                        Trees.putNumber(port, "nodePort", oldValue);
                        used.add(oldValue);
                        break;
                    }
                }
            }
        }
        if (ServiceAllocator.needsHealthCheck(oldSpec) && ServiceAllocator.needsHealthCheck(spec)
                && Trees.number(spec, "healthCheckNodePort", 0) == 0 && Trees.has(oldSpec, "healthCheckNodePort")) {
            spec.set("healthCheckNodePort", oldSpec.get("healthCheckNodePort").deepCopy());
        }
    }

    /** {@code NormalizeClusterIPs} of an update: keep {@code clusterIP} and {@code clusterIPs} in step. */
    private static void normalizeClusterIps(ObjectNode spec, JsonNode oldSpec) {
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        String oldIp = Trees.textOrEmpty(oldSpec, "clusterIP");
        boolean sameIps = Objects.equals(Trees.strings(spec, "clusterIPs"), Trees.strings(oldSpec, "clusterIPs"));
        if (!Trees.strings(oldSpec, "clusterIPs").isEmpty() && Trees.strings(spec, "clusterIPs").isEmpty()
                && ip.equals(oldIp)) {
            spec.set("clusterIPs", oldSpec.get("clusterIPs").deepCopy());
            sameIps = true;
        }
        if (!ip.equals(oldIp)) {
            if (!oldIp.isEmpty() && ip.isEmpty()) {
                if (sameIps) {
                    spec.remove("clusterIPs");
                }
            } else if (sameIps) {
                spec.putArray("clusterIPs").add(ip);
            }
        }
    }

    /** {@code dropTypeDependentFields}: a type change wipes the values the old type had and the user kept. */
    private static void dropTypeDependentFields(ObjectNode spec, JsonNode oldSpec) {
        if (needsClusterIp(oldSpec) && !needsClusterIp(spec)) {
            if (Objects.equals(spec.get("clusterIPs"), oldSpec.get("clusterIPs"))) {
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
            }
            if (Objects.equals(spec.get("ipFamilies"), oldSpec.get("ipFamilies"))) {
                spec.remove("ipFamilies");
            }
            if (Objects.equals(spec.get("ipFamilyPolicy"), oldSpec.get("ipFamilyPolicy"))) {
                spec.remove("ipFamilyPolicy");
            }
        }
        if (needsNodePort(oldSpec) && !needsNodePort(spec)) {
            var ports = Trees.objects(spec, "ports");
            var oldPorts = Trees.objects(oldSpec, "ports");
            boolean same = ports.size() == oldPorts.size();
            for (int i = 0; same && i < ports.size(); i++) {
                same = Trees.number(ports.get(i), "nodePort", 0) == Trees.number(oldPorts.get(i), "nodePort", 0);
            }
            if (same) {
                ports.forEach(p -> p.remove("nodePort"));
            }
        }
        if (ServiceAllocator.needsHealthCheck(oldSpec) && !ServiceAllocator.needsHealthCheck(spec)
                && Objects.equals(spec.get("healthCheckNodePort"), oldSpec.get("healthCheckNodePort"))) {
            spec.remove("healthCheckNodePort");
        }
        if (!Trees.textOrEmpty(spec, "type").equals("LoadBalancer")) {
            if (Objects.equals(spec.get("allocateLoadBalancerNodePorts"),
                    oldSpec.get("allocateLoadBalancerNodePorts"))) {
                spec.remove("allocateLoadBalancerNodePorts");
            }
            if (Objects.equals(spec.get("loadBalancerClass"), oldSpec.get("loadBalancerClass"))) {
                spec.remove("loadBalancerClass");
            }
        }
        if (!externallyAccessible(spec)
                && Objects.equals(spec.get("externalTrafficPolicy"), oldSpec.get("externalTrafficPolicy"))) {
            spec.remove("externalTrafficPolicy");
        }
    }

    static boolean needsClusterIp(JsonNode spec) {
        return !Trees.textOrEmpty(spec, "type").equals("ExternalName");
    }

    static boolean needsNodePort(JsonNode spec) {
        String type = Trees.textOrEmpty(spec, "type");
        return type.equals("NodePort") || type.equals("LoadBalancer");
    }

    // ---- validation -----------------------------------------------------------------------------------------

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        ServiceValidation.validate(object, errors);
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        ServiceValidation.validateUpdate(object, old, errors);
    }

    // ---- allocation -----------------------------------------------------------------------------------------

    @Override
    public void beforeWrite(ObjectNode object, ObjectNode old, boolean dryRun) {
        allocator.allocate(object, old, dryRun);
    }

    @Override
    public void afterDelete(ObjectNode deleted) {
        allocator.release(deleted);
    }

    /** The first address of the service CIDR, which only {@code default/kubernetes} may use. */
    public String kubernetesServiceIp() {
        return allocator.network().kubernetesServiceIp();
    }

    static boolean isIpv6(String ip) {
        return Names.parseIp(ip) instanceof java.net.Inet6Address;
    }
}
