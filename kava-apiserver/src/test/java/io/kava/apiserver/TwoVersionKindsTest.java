package io.kava.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.apiserver.testing.TestApiServer;
import tools.jackson.databind.JsonNode;

/** Kinds served in two versions over one storage, converted both ways, as Kubernetes serves them. */
class TwoVersionKindsTest {

    private static TestApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static JsonNode json(TestApiServer.Reply reply) {
        return Json.parse(reply.body());
    }

    @Test
    void coreEventsAreEventsK8sIoEvents() throws Exception {
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        var watch = HttpRequest.newBuilder(URI.create(api.url()
                + "/apis/events.k8s.io/v1/namespaces/default/events?watch=true")).build();
        api.http().sendAsync(watch, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(line -> seen.add(Json.parse(line))));
        var created = api.post("/api/v1/namespaces/default/events", """
                {"apiVersion":"v1","kind":"Event","metadata":{"name":"e1"},
                 "involvedObject":{"kind":"Pod","name":"web","namespace":"default"},
                 "reason":"Started","message":"Started container web","type":"Normal","count":3,
                 "source":{"component":"kubelet"}}""");
        assertThat(created.code()).isEqualTo(201);
        JsonNode v1 = json(api.get("/apis/events.k8s.io/v1/namespaces/default/events/e1"));
        assertThat(v1.path("apiVersion").asString()).isEqualTo("events.k8s.io/v1");
        assertThat(v1.at("/regarding/name").asString()).isEqualTo("web");
        assertThat(v1.path("note").asString()).isEqualTo("Started container web");
        assertThat(v1.path("deprecatedCount").asInt()).isEqualTo(3);
        assertThat(v1.at("/deprecatedSource/component").asString()).isEqualTo("kubelet");
        assertThat(v1.at("/metadata/resourceVersion").asString())
                .isEqualTo(json(created).at("/metadata/resourceVersion").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        assertThat(seen.getFirst().at("/object/regarding/kind").asString()).isEqualTo("Pod");

        var fromNew = api.post("/apis/events.k8s.io/v1/namespaces/default/events", """
                {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e2"},
                 "eventTime":"2026-11-25T07:00:00.000000Z","reportingController":"kava/scheduler",
                 "reportingInstance":"kava-1","action":"Binding","reason":"Scheduled","type":"Normal",
                 "regarding":{"kind":"Pod","name":"db","namespace":"default"},"note":"assigned"}""");
        assertThat(fromNew.code()).as(fromNew.body()).isEqualTo(201);
        JsonNode core = json(api.get("/api/v1/namespaces/default/events/e2"));
        assertThat(core.at("/involvedObject/name").asString()).isEqualTo("db");
        assertThat(core.path("message").asString()).isEqualTo("assigned");
        assertThat(core.path("reportingComponent").asString()).isEqualTo("kava/scheduler");
    }

    @Test
    void horizontalPodAutoscalerV1IsTheV2CpuMetric() throws Exception {
        var created = api.post("/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers", """
                {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},
                 "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},
                 "minReplicas":2,"maxReplicas":10,"targetCPUUtilizationPercentage":70}}""");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(json(created).at("/spec/targetCPUUtilizationPercentage").asInt()).isEqualTo(70);
        JsonNode v2 = json(api.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web"));
        assertThat(v2.at("/spec/metrics/0/resource/name").asString()).isEqualTo("cpu");
        assertThat(v2.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);

        // a v2-only metric survives a round trip through v1
        ((tools.jackson.databind.node.ArrayNode) v2.at("/spec/metrics")).addObject().put("type", "Pods")
                .putObject("pods").putObject("metric").put("name", "qps");
        ((tools.jackson.databind.node.ObjectNode) v2.at("/spec/metrics/1/pods")).putObject("target")
                .put("type", "AverageValue").put("averageValue", "10");
        assertThat(api.send("PUT", "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web",
                "application/json", Json.string(v2)).code()).isEqualTo(200);
        JsonNode v1 = json(api.get("/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web"));
        ((tools.jackson.databind.node.ObjectNode) v1.path("spec")).put("maxReplicas", 12);
        assertThat(api.send("PUT", "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web",
                "application/json", Json.string(v1)).code()).isEqualTo(200);
        JsonNode after = json(api.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web"));
        assertThat(after.at("/spec/maxReplicas").asInt()).isEqualTo(12);
        assertThat(after.at("/spec/metrics").size()).isEqualTo(2);
        assertThat(after.at("/spec/metrics/1/pods/metric/name").asString()).isEqualTo("qps");
        assertThat(after.at("/metadata/annotations").isMissingNode()).isTrue();
    }
}
