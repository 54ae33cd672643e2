package io.kava.apiserver.kinds.service;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.duplicate;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.notSupported;
import static io.kava.apiserver.kinds.KindsTesting.required;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.kava.apiserver.rest.NameRule;
import tools.jackson.databind.node.ObjectNode;

class ServiceStrategyTest {

    private final FakeAllocationStore store = new FakeAllocationStore();
    private final ServiceStrategy strategy = new ServiceStrategy(new ServiceAllocator(store, new MutableClock(),
            ServiceNetwork.DEFAULT, "/registry/services/", new Random(3)));

    private static ObjectNode service(String spec) {
        return json("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\",\"namespace\":"
                + "\"default\"},\"spec\":" + spec + "}");
    }

    /** Create hooks, then the allocation that runs just before the write. */
    private ObjectNode created(String spec) {
        ObjectNode svc = create(strategy, service(spec));
        strategy.beforeWrite(svc, null, false);
        return svc;
    }

    @Test
    void clusterIpDefaults() {
        ObjectNode svc = created("{\"selector\": {\"app\": \"web\"}, \"ports\": [{\"port\": 80}]}");
        String ip = svc.at("/spec/clusterIP").asString();
        assertThat(svc.get("spec")).isEqualTo(json("""
                {"selector": {"app": "web"}, "ports": [{"port": 80, "protocol": "TCP", "targetPort": 80}],
                 "sessionAffinity": "None", "type": "ClusterIP", "internalTrafficPolicy": "Cluster",
                 "ipFamilyPolicy": "SingleStack", "ipFamilies": ["IPv4"],
                 "clusterIP": "%s", "clusterIPs": ["%s"]}""".formatted(ip, ip)));
        assertThat(svc.get("status")).isEqualTo(json("{\"loadBalancer\": {}}"));
        assertThat(strategy.nameRule()).isEqualTo(NameRule.DNS1035_LABEL);
        assertThat(strategy.tracksGeneration()).isFalse();
    }

    @Test
    void nodePortAndLoadBalancerDefaults() {
        ObjectNode np = created("{\"type\": \"NodePort\", \"ports\": [{\"port\": 80, \"targetPort\": \"http\"}]}");
        assertThat(np.at("/spec/externalTrafficPolicy").asString()).isEqualTo("Cluster");
        assertThat(np.at("/spec/ports/0/targetPort").asString()).isEqualTo("http");
        assertThat(np.at("/spec/ports/0/nodePort").asLong()).isBetween(30000L, 32767L);
        ObjectNode lb = create(strategy, service("{\"type\": \"LoadBalancer\", \"ports\": [{\"port\": 443}],"
                + " \"sessionAffinity\": \"ClientIP\"}"));
        assertThat(lb.at("/spec/allocateLoadBalancerNodePorts").asBoolean()).isTrue();
        assertThat(lb.at("/spec/sessionAffinityConfig/clientIP/timeoutSeconds").asInt()).isEqualTo(10800);
    }

    @Test
    void headlessServices() {
        ObjectNode selectorless = created("{\"clusterIP\": \"None\"}");
        assertThat(selectorless.at("/spec/ipFamilyPolicy").asString()).isEqualTo("RequireDualStack");
        assertThat(selectorless.at("/spec/ipFamilies")).isEqualTo(json("{\"a\": [\"IPv4\", \"IPv6\"]}").get("a"));
        assertThat(selectorless.at("/spec/clusterIPs").get(0).asString()).isEqualTo("None");
        ObjectNode withSelector = created("{\"clusterIP\": \"None\", \"selector\": {\"app\": \"db\"},"
                + " \"ports\": [{\"port\": 5432}]}");
        assertThat(withSelector.at("/spec/ipFamilyPolicy").asString()).isEqualTo("SingleStack");
        assertThat(store.keys(ServiceAllocator.IP_PREFIX)).isEmpty();
    }

    @Test
    void externalNameNeedsNoPorts() {
        ObjectNode svc = created("{\"type\": \"ExternalName\", \"externalName\": \"db.example.com\"}");
        assertThat(svc.at("/spec/clusterIP").isMissingNode()).isTrue();
        assertThat(svc.at("/spec/ipFamilies").isMissingNode()).isTrue();
        assertThat(createErrors(strategy, service("{\"type\": \"ExternalName\"}")))
                .containsExactly(required("spec.externalName"));
    }

    @Test
    void portRules() {
        assertThat(createErrors(strategy, service("{\"selector\": {\"app\": \"web\"}}")))
                .containsExactly(required("spec.ports"));
        assertThat(createErrors(strategy, service("""
                {"ports": [{"port": 80}, {"name": "http", "port": 70000, "protocol": "HTTP"},
                           {"name": "http", "port": 80}]}""")))
                .containsExactly(
                        required("spec.ports[0].name"),
                        invalid("spec.ports[1].port", "Invalid value: 70000: must be between 1 and 65535, inclusive"),
                        notSupported("spec.ports[1].protocol",
                                "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
                        invalid("spec.ports[1].targetPort",
                                "Invalid value: 70000: must be between 1 and 65535, inclusive"),
                        duplicate("spec.ports[2].name", "Duplicate value: \"http\""),
                        duplicate("spec.ports[2]", "Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\","
                                + " AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0,"
                                + " IntVal:0, StrVal:\"\"}, NodePort:0}"));
    }

    @Test
    void typeRules() {
        assertThat(createErrors(strategy, service("{\"type\": \"Magic\", \"ports\": [{\"port\": 80}]}")))
                .containsExactly(notSupported("spec.type", "Unsupported value: \"Magic\": supported values:"
                        + " \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""));
        assertThat(createErrors(strategy, service("{\"ports\": [{\"port\": 80, \"nodePort\": 30001}]}")))
                .containsExactly(new io.kava.apiserver.kinds.KindsTesting.Cause("FieldValueForbidden",
                        "spec.ports[0].nodePort", "Forbidden: may not be used when `type` is 'ClusterIP'"));
        assertThat(createErrors(strategy, service("{\"clusterIP\": \"fd00::10\", \"ports\": [{\"port\": 80}]}")))
                .containsExactly(invalid("spec.clusterIPs[0]",
                        "Invalid value: []string{\"fd00::10\"}: IPv6 is not configured on this cluster"));
    }

    @Test
    void clusterIpIsKeptAndImmutableOnUpdate() {
        ObjectNode old = created("{\"selector\": {\"app\": \"web\"}, \"ports\": [{\"port\": 80}]}");
        String ip = old.at("/spec/clusterIP").asString();
        // kubectl replace with the original manifest: the allocated IP is carried over.
        ObjectNode replaced = service("{\"selector\": {\"app\": \"web\"}, \"ports\": [{\"port\": 8080}]}");
        assertThat(updateErrors(strategy, replaced, old)).isEmpty();
        assertThat(replaced.at("/spec/clusterIP").asString()).isEqualTo(ip);
        assertThat(replaced.at("/spec/ipFamilyPolicy").asString()).isEqualTo("SingleStack");

        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.get("spec")).put("clusterIP", "10.43.9.9");
        assertThat(updateErrors(strategy, changed, old)).containsExactly(invalid("spec.clusterIPs[0]",
                "Invalid value: []string{\"10.43.9.9\"}: may not change once set"));
    }

    @Test
    void switchingToClusterIpDropsNodePorts() {
        ObjectNode old = created("{\"type\": \"NodePort\", \"ports\": [{\"port\": 80}]}");
        ObjectNode updated = old.deepCopy();
        ((ObjectNode) updated.get("spec")).put("type", "ClusterIP");
        assertThat(updateErrors(strategy, updated, old)).isEmpty();
        assertThat(updated.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
        assertThat(updated.at("/spec/externalTrafficPolicy").isMissingNode()).isTrue();
    }

    @Test
    void deleteReleasesTheAllocation() {
        ObjectNode svc = created("{\"type\": \"NodePort\", \"ports\": [{\"port\": 80}]}");
        assertThat(store.keys("/registry/ranges/")).hasSize(2);
        strategy.afterDelete(svc);
        assertThat(store.keys("/registry/ranges/")).isEmpty();
    }
}
