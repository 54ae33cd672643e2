package io.kava.apiserver.kinds.service;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;

/** {@code ValidateService} and {@code ValidateServiceUpdate} of {@code pkg/apis/core/validation}. */
final class ServiceValidation {

    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");
    private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
    private static final List<String> FAMILIES = List.of("IPv4", "IPv6");
    private static final List<String> FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");
    private static final int MAX_AFFINITY_SECONDS = 86400;

    private ServiceValidation() {
    }

    static void validate(JsonNode service, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(service, "spec");
        String type = Trees.textOrEmpty(spec, "type");
        var ports = Trees.objects(spec, "ports");
        boolean headless = isHeadless(spec);
        var clusterIps = Trees.strings(spec, "clusterIPs");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errors.required("spec.ports");
        }
        switch (type) {
            case "LoadBalancer", "NodePort" -> {
                if (headless) {
                    errors.invalid("spec.clusterIPs[0]", clusterIps.get(0), "may not be set to 'None' for " + type
                            + " services");
                }
            }
            case "ExternalName" -> {
                if (!clusterIps.isEmpty()) {
                    errors.forbidden("spec.clusterIPs", "may not be set for ExternalName services");
                }
                if (!Trees.strings(spec, "ipFamilies").isEmpty()) {
                    errors.forbidden("spec.ipFamilies", "may not be set for ExternalName services");
                }
                if (Trees.has(spec, "ipFamilyPolicy")) {
                    errors.forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services");
                }
                String cname = Trees.textOrEmpty(spec, "externalName");
                cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
                if (cname.isEmpty()) {
                    errors.required("spec.externalName");
                } else {
                    String name = cname;
                    Names.dns1123Subdomain(name).forEach(msg -> errors.invalid("spec.externalName", name, msg));
                }
            }
            default -> {
            }
        }
        Set<String> portNames = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            validatePort(ports.get(i), ports.size() > 1, portNames, "spec.ports[" + i + "]", errors);
        }
        Checks.labels(Trees.stringMap(spec, "selector"), "spec.selector", errors);
        validateAffinity(spec, errors);
        validateClusterIps(spec, errors);
        var externalIps = Trees.strings(spec, "externalIPs");
        for (int i = 0; i < externalIps.size(); i++) {
            String ip = externalIps.get(i);
            String path = "spec.externalIPs[" + i + "]";
            Names.ip(ip).forEach(msg -> errors.invalid(path, ip, msg));
        }
        if (type.isEmpty()) {
            errors.required("spec.type");
        } else if (!TYPES.contains(type)) {
            errors.notSupported("spec.type", type, TYPES);
        }
        if (type.equals("ClusterIP")) {
            for (int i = 0; i < ports.size(); i++) {
                if (Trees.number(ports.get(i), "nodePort", 0) != 0) {
                    errors.forbidden("spec.ports[" + i + "].nodePort", "may not be used when `type` is 'ClusterIP'");
                }
            }
        }
        Set<String> nodePorts = new HashSet<>();
        Set<String> portKeys = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String protocol = Trees.textOrEmpty(port, "protocol");
            long nodePort = Trees.number(port, "nodePort", 0);
            if (nodePort != 0 && !nodePorts.add(protocol + "/" + nodePort)) {
                errors.duplicate("spec.ports[" + i + "].nodePort", nodePort);
            }
            long number = Trees.number(port, "port", 0);
            if (!portKeys.add(protocol + "/" + number)) {
                errors.duplicate("spec.ports[" + i + "]", GoValues.raw("core.ServicePort{Name:\"\", Protocol:"
                        + GoValues.quote(protocol) + ", AppProtocol:(*string)(nil), Port:" + number + ", TargetPort:"
                        + "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"));
            }
        }
        if (!Trees.strings(spec, "loadBalancerSourceRanges").isEmpty() && !type.equals("LoadBalancer")) {
            errors.forbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'");
        }
        if (Trees.has(spec, "allocateLoadBalancerNodePorts") && !type.equals("LoadBalancer")) {
            errors.forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'");
        }
        if (type.equals("LoadBalancer") && !Trees.has(spec, "allocateLoadBalancerNodePorts")) {
            errors.required("allocateLoadBalancerNodePorts");
        }
        if (Trees.has(spec, "loadBalancerClass")) {
            String lbClass = Trees.textOrEmpty(spec, "loadBalancerClass");
            if (type.equals("LoadBalancer")) {
                Names.qualifiedName(lbClass).forEach(msg -> errors.invalid("spec.loadBalancerClass", lbClass, msg));
            } else {
                errors.forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'");
            }
        }
        validateTrafficPolicies(spec, errors);
    }

    private static void validatePort(JsonNode port, boolean requireName, Set<String> names, String path,
                                     FieldErrors errors) {
        String name = Trees.textOrEmpty(port, "name");
        if (requireName && name.isEmpty()) {
            errors.required(path + ".name");
        } else if (!name.isEmpty()) {
            Names.dns1123Label(name).forEach(msg -> errors.invalid(path + ".name", name, msg));
            if (!names.add(name)) {
                errors.duplicate(path + ".name", name);
            }
        }
        long number = Trees.number(port, "port", 0);
        Names.portNumber(number).forEach(msg -> errors.invalid(path + ".port", number, msg));
        String protocol = Trees.textOrEmpty(port, "protocol");
        if (protocol.isEmpty()) {
            errors.required(path + ".protocol");
        } else if (!PROTOCOLS.contains(protocol)) {
            errors.notSupported(path + ".protocol", protocol, PROTOCOLS);
        }
        JsonNode target = port.get("targetPort");
        if (target != null && target.isString()) {
            String targetName = target.asString();
            Names.portName(targetName).forEach(msg -> errors.invalid(path + ".targetPort", targetName, msg));
        } else {
            long targetNumber = target == null || target.isNull() ? 0 : target.asLong();
            Names.portNumber(targetNumber).forEach(msg -> errors.invalid(path + ".targetPort", targetNumber, msg));
        }
        String appProtocol = Trees.text(port, "appProtocol");
        if (appProtocol != null) {
            Names.qualifiedName(appProtocol).forEach(msg -> errors.invalid(path + ".appProtocol", appProtocol, msg));
        }
    }

    private static void validateAffinity(JsonNode spec, FieldErrors errors) {
        String affinity = Trees.textOrEmpty(spec, "sessionAffinity");
        if (affinity.isEmpty()) {
            errors.required("spec.sessionAffinity");
        } else if (!AFFINITIES.contains(affinity)) {
            errors.notSupported("spec.sessionAffinity", affinity, AFFINITIES);
        }
        JsonNode config = Trees.objectOrNull(spec, "sessionAffinityConfig");
        if (affinity.equals("ClientIP")) {
            JsonNode clientIp = Trees.objectOrNull(config, "clientIP");
            if (config == null) {
                errors.required("spec.sessionAffinityConfig", "when session affinity type is ClientIP");
            } else if (clientIp == null) {
                errors.required("spec.sessionAffinityConfig.clientIP", "when session affinity type is ClientIP");
            } else if (!Trees.has(clientIp, "timeoutSeconds")) {
                errors.required("spec.sessionAffinityConfig.clientIP.timeoutSeconds",
                        "when session affinity type is ClientIP");
            } else {
                long timeout = Trees.number(clientIp, "timeoutSeconds", 0);
                if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
                    errors.invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", timeout,
                            "must be greater than 0 and less than " + MAX_AFFINITY_SECONDS);
                }
            }
        } else if (affinity.equals("None") && config != null) {
            errors.forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None");
        }
    }

    /** {@code ValidateServiceClusterIPsRelatedFields}, and the families this single-stack IPv4 cluster offers. */
    private static void validateClusterIps(JsonNode spec, FieldErrors errors) {
        if (Trees.textOrEmpty(spec, "type").equals("ExternalName")) {
            return;
        }
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        var ips = Trees.strings(spec, "clusterIPs");
        var ipsValue = GoValues.stringSlice(Trees.arrayOrNull(spec, "clusterIPs") == null ? null : ips);
        if (!ip.isEmpty()) {
            if (ips.isEmpty()) {
                errors.required("spec.clusterIPs");
            } else if (!ips.get(0).equals(ip)) {
                errors.invalid("spec.clusterIPs", ipsValue, "first value must match `clusterIP`");
            }
        } else if (!ips.isEmpty()) {
            errors.invalid("spec.clusterIPs", ipsValue, "must be empty when `clusterIP` is not specified");
        }
        var families = Trees.strings(spec, "ipFamilies");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            String family = families.get(i);
            if (!FAMILIES.contains(family)) {
                errors.notSupported("spec.ipFamilies[" + i + "]", family, FAMILIES);
            }
            if (!seen.add(family)) {
                errors.duplicate("spec.ipFamilies[" + i + "]", family);
            }
        }
        String policy = Trees.text(spec, "ipFamilyPolicy");
        if (policy != null && !FAMILY_POLICIES.contains(policy)) {
            errors.notSupported("spec.ipFamilyPolicy", policy, FAMILY_POLICIES);
        }
        boolean invalidIps = false;
        for (int i = 0; i < ips.size(); i++) {
            String value = ips.get(i);
            if (i == 0 && value.equals("None")) {
                if (ips.size() > 1) {
                    invalidIps = true;
                    errors.invalid("spec.clusterIPs", ipsValue, "'None' must be the first and only value");
                }
                continue;
            }
            var msgs = Names.ip(value);
            invalidIps |= !msgs.isEmpty();
            String path = "spec.clusterIPs[" + i + "]";
            msgs.forEach(msg -> errors.invalid(path, value, msg));
        }
        if (ips.size() > 2) {
            errors.invalid("spec.clusterIPs", ipsValue, "may only hold up to 2 values");
        }
        if (invalidIps) {
            return;
        }
        if (ips.size() > 1 && ServiceStrategy.isIpv6(ips.get(0)) == ServiceStrategy.isIpv6(ips.get(1))) {
            errors.invalid("spec.clusterIPs", ipsValue, "may specify no more than one IP for each IP family");
        }
        boolean headless = isHeadless(spec);
        if (!headless) {
            for (int i = 0; i < ips.size() && i < families.size(); i++) {
                boolean v6 = ServiceStrategy.isIpv6(ips.get(i));
                if (families.get(i).equals("IPv4") && v6) {
                    errors.invalid("spec.clusterIPs[" + i + "]", ips.get(i),
                            "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`");
                }
                if (families.get(i).equals("IPv6") && !v6) {
                    errors.invalid("spec.clusterIPs[" + i + "]", ips.get(i),
                            "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`");
                }
            }
        }
        // The cluster serves IPv4 only (initIPFamilyFields); headless selectorless Services may name both families.
        boolean headlessSelectorless = headless && Trees.stringMap(spec, "selector").isEmpty();
        if ("SingleStack".equals(policy)) {
            if (ips.size() == 2) {
                errors.invalid("spec.ipFamilyPolicy", policy,
                        "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified");
            }
            if (families.size() == 2) {
                errors.invalid("spec.ipFamilyPolicy", policy,
                        "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified");
            }
        }
        if (headlessSelectorless) {
            return;
        }
        for (int i = 0; i < ips.size(); i++) {
            if (ServiceStrategy.isIpv6(ips.get(i))) {
                errors.invalid("spec.clusterIPs[" + i + "]", ipsValue, "IPv6 is not configured on this cluster");
            }
        }
        if ("RequireDualStack".equals(policy)) {
            errors.invalid("spec.ipFamilyPolicy", policy, "this cluster is not configured for dual-stack services");
        }
        for (int i = 0; i < families.size(); i++) {
            if (families.get(i).equals("IPv6") && !(i < ips.size() && ServiceStrategy.isIpv6(ips.get(i)))) {
                errors.invalid("spec.ipFamilies[" + i + "]", families.get(i), "not configured on this cluster");
            }
        }
    }

    private static void validateTrafficPolicies(JsonNode spec, FieldErrors errors) {
        String external = Trees.textOrEmpty(spec, "externalTrafficPolicy");
        if (!ServiceStrategy.externallyAccessible(spec)) {
            if (!external.isEmpty()) {
                errors.invalid("spec.externalTrafficPolicy", external,
                        "may only be set for externally-accessible services");
            }
        } else if (external.isEmpty()) {
            errors.required("spec.externalTrafficPolicy");
        } else if (!TRAFFIC_POLICIES.contains(external)) {
            errors.notSupported("spec.externalTrafficPolicy", external, TRAFFIC_POLICIES);
        }
        long health = Trees.number(spec, "healthCheckNodePort", 0);
        if (!ServiceAllocator.needsHealthCheck(spec)) {
            if (health != 0) {
                errors.invalid("spec.healthCheckNodePort", health,
                        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
            }
        } else if (health != 0) {
            // 0 is filled in by the allocator, which runs after validation here.
            Names.portNumber(health).forEach(msg -> errors.invalid("spec.healthCheckNodePort", health, msg));
        }
        String type = Trees.textOrEmpty(spec, "type");
        String internal = Trees.text(spec, "internalTrafficPolicy");
        if (internal == null) {
            if (List.of("NodePort", "LoadBalancer", "ClusterIP").contains(type)) {
                errors.required("spec.internalTrafficPolicy");
            }
        } else if (!TRAFFIC_POLICIES.contains(internal)) {
            errors.notSupported("spec.internalTrafficPolicy", internal, TRAFFIC_POLICIES);
        }
        String distribution = Trees.text(spec, "trafficDistribution");
        if (distribution != null && !distribution.equals("PreferClose")) {
            errors.notSupported("spec.trafficDistribution", distribution, List.of("PreferClose"));
        }
    }

    static void validateUpdate(JsonNode service, JsonNode old, FieldErrors errors) {
        JsonNode spec = Trees.objectOrNull(service, "spec");
        JsonNode oldSpec = Trees.objectOrNull(old, "spec");
        if (ServiceStrategy.needsClusterIp(spec) && ServiceStrategy.needsClusterIp(oldSpec)
                && !(isHeadless(spec) && isHeadless(oldSpec))) {
            var ips = Trees.strings(spec, "clusterIPs");
            var oldIps = Trees.strings(oldSpec, "clusterIPs");
            var ipsValue = GoValues.stringSlice(Trees.arrayOrNull(spec, "clusterIPs") == null ? null : ips);
            if (ips.size() == oldIps.size()) {
                for (int i = 0; i < oldIps.size(); i++) {
                    if (!oldIps.get(i).equals(ips.get(i))) {
                        errors.invalid("spec.clusterIPs[" + i + "]", ipsValue, "may not change once set");
                    }
                }
            } else if (oldIps.size() > ips.size()) {
                if (ips.isEmpty()) {
                    errors.invalid("spec.clusterIPs[0]", ipsValue, "primary clusterIP can not be unset");
                } else if (!ips.get(0).equals(oldIps.get(0))) {
                    errors.invalid("spec.clusterIPs[0]", ipsValue, "may not change once set");
                }
            } else if (!oldIps.isEmpty() && !ips.get(0).equals(oldIps.get(0))) {
                errors.invalid("spec.clusterIPs[0]", ipsValue, "may not change once set");
            }
        }
        if (ServiceStrategy.needsClusterIp(spec) && ServiceStrategy.needsClusterIp(oldSpec)
                && isHeadless(spec) == isHeadless(oldSpec) && !isHeadless(spec)) {
            var families = Trees.strings(spec, "ipFamilies");
            var oldFamilies = Trees.strings(oldSpec, "ipFamilies");
            if (!families.isEmpty() && !oldFamilies.isEmpty() && !families.get(0).equals(oldFamilies.get(0))) {
                errors.invalid("spec.ipFamilies[0]", GoValues.raw("[]core.IPFamily{" + String.join(", ",
                        families.stream().map(GoValues::quote).toList()) + "}"), "may not change once set");
            }
        }
        if (Trees.textOrEmpty(spec, "type").equals("LoadBalancer")
                && Trees.textOrEmpty(oldSpec, "type").equals("LoadBalancer")
                && !Objects.equals(Trees.text(spec, "loadBalancerClass"), Trees.text(oldSpec, "loadBalancerClass"))) {
            String lbClass = Trees.text(spec, "loadBalancerClass");
            errors.invalid("spec.loadBalancerClass", lbClass == null ? "null" : lbClass, "may not change once set");
        }
        if (ServiceAllocator.needsHealthCheck(spec) && ServiceAllocator.needsHealthCheck(oldSpec)
                && Trees.number(spec, "healthCheckNodePort", 0) != Trees.number(oldSpec, "healthCheckNodePort", 0)) {
            errors.forbidden("spec.healthCheckNodePort", Checks.IMMUTABLE);
        }
    }

    static boolean isHeadless(JsonNode spec) {
        var ips = Trees.strings(spec, "clusterIPs");
        return ips.size() == 1 && ips.get(0).equals("None");
    }
}
