package io.kava.apiserver.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kava.apiserver.testing.TestApiServer;

/** The fabric8 client, unchanged, against kava's API server. */
class Fabric8ClientTest {

    private static final String NS = "fabric8";
    private static TestApiServer api;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApiServer();
        Config config = new ConfigBuilder().withMasterUrl(api.url()).withNamespace(NS).withRequestTimeout(10_000)
                .build();
        client = new KubernetesClientBuilder().withConfig(config).build();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        api.close();
    }

    private static ConfigMap cm(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).addToLabels("app", "f8").endMetadata()
                .addToData("k", value).build();
    }

    @Test
    void crud() {
        ConfigMap created = client.configMaps().resource(cm("crud", "1")).create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(client.configMaps().withName("crud").get().getData()).containsEntry("k", "1");
        created.getData().put("k", "2");
        ConfigMap updated = client.configMaps().resource(created).update();
        assertThat(updated.getData()).containsEntry("k", "2");
        assertThat(client.configMaps().withName("crud").delete()).hasSize(1);
        assertThat(client.configMaps().withName("crud").get()).isNull();
    }

    @Test
    void everyPatchType() {
        client.configMaps().resource(cm("patched", "1")).create();
        var resource = client.configMaps().withName("patched");
        resource.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/data/json\",\"value\":\"j\"}]");
        resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"merge\":\"m\"}}");
        resource.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"data\":{\"smp\":\"s\"}}");
        assertThat(resource.get().getData()).containsEntry("k", "1").containsEntry("json", "j")
                .containsEntry("merge", "m").containsEntry("smp", "s");

        ConfigMap applied = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata()
                .withName("applied").endMetadata().addToData("owner", "fabric8").build()).serverSideApply();
        assertThat(applied.getMetadata().getManagedFields()).extracting(f -> f.getManager()).contains("fabric8");
        assertThat(applied.getData()).containsEntry("owner", "fabric8");
    }

    @Test
    void staleUpdateConflicts() {
        ConfigMap created = client.configMaps().resource(cm("stale", "1")).create();
        ConfigMap first = new ConfigMapBuilder(created).addToData("k", "2").build();
        client.configMaps().resource(first).update();
        ConfigMap second = new ConfigMapBuilder(created).addToData("k", "3").build();
        assertThatThrownBy(() -> client.configMaps().resource(second).update())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409));
    }

    @Test
    void listPagination() {
        for (int i = 0; i < 7; i++) {
            client.configMaps().resource(cm("page-" + i, "v")).create();
        }
        var first = client.configMaps().withLabel("app", "f8").list(
                new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(3L).build());
        assertThat(first.getItems()).hasSize(3);
        assertThat(first.getMetadata().getContinue()).isNotBlank();
        var all = client.configMaps().withLabel("app", "f8").list().getItems().stream()
                .map(c -> c.getMetadata().getName()).filter(n -> n.startsWith("page-")).toList();
        assertThat(all).hasSize(7);
    }

    @Test
    void watchSeesChanges() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (var watch = client.configMaps().withName("watched").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + ":" + resource.getData().get("k"));
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.configMaps().resource(cm("watched", "1")).create();
            client.configMaps().withName("watched").edit(c -> new ConfigMapBuilder(c).addToData("k", "2").build());
            await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
            assertThat(events).startsWith("ADDED:1", "MODIFIED:2");
        }
    }

    @Test
    void informerSeesAddsUpdatesDeletesAndResyncs() {
        var adds = new AtomicInteger();
        var updates = new AtomicInteger();
        var deletes = new AtomicInteger();
        var informer = client.configMaps().withLabel("informed", "yes").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                adds.incrementAndGet();
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                updates.incrementAndGet();
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                deletes.incrementAndGet();
            }
        }, 1000);
        try {
            ConfigMap c = new ConfigMapBuilder(cm("informed", "1")).editMetadata()
                    .addToLabels(Map.of("informed", "yes")).endMetadata().build();
            client.configMaps().resource(c).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> adds.get() == 1);
            // resync every second delivers onUpdate for unchanged objects too
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.get() >= 2);
            client.configMaps().withName("informed").delete();
            await().atMost(Duration.ofSeconds(10)).until(() -> deletes.get() == 1);
            assertThat(informer.getStore().list()).isEmpty();
        } finally {
            informer.close();
        }
    }
}
