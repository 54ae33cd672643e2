package io.kava.apiserver.kinds;

import static io.kava.apiserver.kinds.KindsTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.rest.DeleteOptions;
import io.kava.apiserver.rest.ResourceStorage;
import io.kava.apiserver.watch.WatchCache;
import tools.jackson.databind.node.ObjectNode;

/** The strategies driven through the generic storage: allocation before writes, release after deletes. */
class ResourceStorageHooksTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;
    private io.kava.store.Store store;

    @org.junit.jupiter.api.BeforeEach
    void open() {
        store = io.kava.store.Stores.open("sqlite", dir);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private ResourceStorage storage(String group, String resource) {
        ResourceType type = ResourceRegistry.withBuiltins().find(group, "v1", resource).orElseThrow();
        return new ResourceStorage(type, store, Strategies.forType(type, new StrategyContext(store,
                Clock.systemUTC())), new WatchCache(resource,
                io.kava.apiserver.rest.ObjectCodec.reader(type.apiVersion(), io.kava.apiserver.rest.Conversion.NONE),
                type.storagePrefix(), store, 100, 100).start(),
                Clock.systemUTC(), (ns, t) -> {
                });
    }

    private static ObjectNode service(String name, String spec) {
        return json("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":" + spec + "}");
    }

    private long reservations() {
        return store.count("/registry/ranges/");
    }

    @Test
    void servicesAllocateOnCreateAndReleaseOnDelete() {
        ResourceStorage services = storage("", "services");
        ObjectNode created = services.create("default", service("web", """
                {"type": "NodePort", "selector": {"app": "web"}, "ports": [{"port": 80}]}"""), false);
        String ip = created.at("/spec/clusterIP").asString();
        assertThat(ip).startsWith("10.43.");
        assertThat(services.get("default", "web").at("/spec/ports/0/nodePort").asLong()).isBetween(30000L, 32767L);
        assertThat(reservations()).isEqualTo(2);

        assertThatThrownBy(() -> services.create("default", service("copy", """
                {"clusterIP": "%s", "ports": [{"port": 80}]}""".formatted(ip)), false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Service \"copy\" is invalid: spec.clusterIPs: Invalid value: []string{\"" + ip + "\"}: failed"
                                + " to allocate IP " + ip + ": provided IP is already allocated"));

        services.delete("default", "web", DeleteOptions.DEFAULT);
        assertThat(reservations()).isZero();
        ObjectNode reused = services.create("default", service("copy", """
                {"clusterIP": "%s", "ports": [{"port": 80}]}""".formatted(ip)), false);
        assertThat(reused.at("/spec/clusterIP").asString()).isEqualTo(ip);
        assertThat(reused.at("/metadata/generation").isMissingNode()).isTrue();
    }

    @Test
    void dryRunsAndNoOpUpdatesReserveNothing() {
        ResourceStorage services = storage("", "services");
        services.create("default", service("dry", "{\"ports\": [{\"port\": 80}]}"), true);
        assertThat(reservations()).isZero();
        ObjectNode created = services.create("default", service("web", "{\"ports\": [{\"port\": 80}]}"), false);
        ObjectNode again = services.update("default", "web", service("web", "{\"ports\": [{\"port\": 80}]}"),
                ResourceStorage.Part.MAIN, false);
        assertThat(again.at("/metadata/resourceVersion")).isEqualTo(created.at("/metadata/resourceVersion"));
        assertThat(again.at("/spec/clusterIP")).isEqualTo(created.at("/spec/clusterIP"));
        assertThat(reservations()).isEqualTo(1);
    }

    @Test
    void deploymentsCountGenerationsOnSpecChanges() {
        ResourceStorage deployments = storage("apps", "deployments");
        ObjectNode d = json("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                 "spec": {"selector": {"matchLabels": {"app": "web"}},
                  "template": {"metadata": {"labels": {"app": "web"}},
                               "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}""");
        ObjectNode created = deployments.create("default", d.deepCopy(), false);
        assertThat(created.at("/metadata/generation").asInt()).isEqualTo(1);
        ObjectNode same = deployments.update("default", "web", d.deepCopy(), ResourceStorage.Part.MAIN, false);
        assertThat(same.at("/metadata/resourceVersion")).isEqualTo(created.at("/metadata/resourceVersion"));
        ((ObjectNode) d.get("spec")).put("replicas", 3);
        ObjectNode scaled = deployments.update("default", "web", d, ResourceStorage.Part.MAIN, false);
        assertThat(scaled.at("/metadata/generation").asInt()).isEqualTo(2);
    }

    @Test
    void boundPodsAreDeletedGracefully() {
        ResourceStorage pods = storage("", "pods");
        pods.create("default", json("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"nodeName": "n1", "containers": [{"name": "a", "image": "x"}]}}"""), false);
        var result = pods.delete("default", "p", DeleteOptions.DEFAULT);
        assertThat(result.deleted()).isFalse();
        assertThat(result.object().at("/metadata/deletionGracePeriodSeconds").asLong()).isEqualTo(30);
        assertThat(result.object().at("/metadata/generation").isMissingNode()).isTrue();
    }
}
