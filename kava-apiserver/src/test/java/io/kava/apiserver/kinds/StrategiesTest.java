package io.kava.apiserver.kinds;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.kinds.apps.DeploymentStrategy;
import io.kava.apiserver.kinds.pod.PodStrategy;
import io.kava.apiserver.kinds.service.ServiceStrategy;
import io.kava.apiserver.rest.NameRule;
import io.kava.apiserver.rest.Strategy;

class StrategiesTest {

    private static final StrategyContext CONTEXT = new StrategyContext(null, Clock.systemUTC());

    private static Strategy of(String group, String resource) {
        ResourceType type = ResourceRegistry.withBuiltins().find(group, group.isEmpty() ? "v1" : version(group),
                resource).orElseThrow();
        return Strategies.forType(type, CONTEXT);
    }

    private static String version(String group) {
        return group.equals("autoscaling") ? "v2" : "v1";
    }

    @Test
    void picksTheKindsStrategy() {
        assertThat(of("", "pods")).isInstanceOf(PodStrategy.class);
        assertThat(of("apps", "deployments")).isInstanceOf(DeploymentStrategy.class);
        assertThat(of("", "namespaces").nameRule()).isEqualTo(NameRule.DNS_LABEL);
        assertThat(of("rbac.authorization.k8s.io", "clusterroles").nameRule()).isEqualTo(NameRule.PATH_SEGMENT);
    }

    @Test
    void serviceStrategyNeedsOnlyTheContext() {
        var type = ResourceRegistry.withBuiltins().find("", "v1", "services").orElseThrow();
        Strategy strategy = Strategies.forType(type, CONTEXT);
        assertThat(strategy).isInstanceOf(ServiceStrategy.class);
        assertThat(((ServiceStrategy) strategy).kubernetesServiceIp()).isEqualTo("10.43.0.1");
    }

    @Test
    void generationOnlyWhereKubernetesTracksIt() {
        for (String resource : new String[] {"configmaps", "secrets", "events", "endpoints", "serviceaccounts",
                "namespaces", "nodes", "pods", "services", "persistentvolumeclaims"}) {
            assertThat(of("", resource).tracksGeneration()).as(resource).isFalse();
        }
        assertThat(of("coordination.k8s.io", "leases").tracksGeneration()).isFalse();
        assertThat(of("events.k8s.io", "events").tracksGeneration()).isFalse();
        for (String resource : new String[] {"deployments", "replicasets", "statefulsets", "daemonsets"}) {
            assertThat(of("apps", resource).tracksGeneration()).as(resource).isTrue();
        }
        assertThat(of("batch", "jobs").tracksGeneration()).isTrue();
        assertThat(of("batch", "cronjobs").tracksGeneration()).isTrue();
        assertThat(of("", "replicationcontrollers").tracksGeneration()).isTrue();
        assertThat(of("networking.k8s.io", "ingresses").tracksGeneration()).isTrue();
    }

    @Test
    void coreEventsMustAgreeOnTheNamespace() {
        Strategy events = of("", "events");
        create(events, json("""
                {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web.1", "namespace": "prod"},
                 "involvedObject": {"kind": "Pod", "name": "web", "namespace": "prod"}, "reason": "Started"}"""));
        assertThat(createErrors(events, json("""
                {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web.2", "namespace": "prod"},
                 "reason": "Started"}""")))
                .containsExactly(invalid("involvedObject.namespace",
                        "Invalid value: \"\": does not match event.namespace"));
    }
}
