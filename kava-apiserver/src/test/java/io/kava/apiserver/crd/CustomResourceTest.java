package io.kava.apiserver.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.apiserver.testing.TestApiServer;
import tools.jackson.databind.JsonNode;

/** CustomResourceDefinitions over HTTP: served at once, versions, schema defaulting/pruning, status, deletion. */
class CustomResourceTest {

    private static TestApiServer api;

    private static final String CRD = """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"crontabs.stable.example.com"},
             "spec":{"group":"stable.example.com","scope":"Namespaced",
              "names":{"plural":"crontabs","singular":"crontab","kind":"CronTab","shortNames":["ct"]},
              "versions":[
               {"name":"v1","served":true,"storage":true,"subresources":{"status":{},"scale":{
                 "specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas"}},
                "schema":{"openAPIV3Schema":{"type":"object","properties":{
                 "spec":{"type":"object","properties":{
                   "cronSpec":{"type":"string"},"replicas":{"type":"integer","default":1}}},
                 "status":{"type":"object","properties":{"replicas":{"type":"integer"}}}}}}},
               {"name":"v1beta1","served":true,"storage":false,
                "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}""";

    @BeforeAll
    static void start() throws Exception {
        api = new TestApiServer();
        var created = api.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", CRD);
        assertThat(created.code()).isEqualTo(201);
        JsonNode crd = Json.parse(created.body());
        assertThat(crd.at("/status/conditions").toString()).contains("\"type\":\"Established\",\"status\":\"True\"");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/apis/stable.example.com/v1/namespaces/default/crontabs").code() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static JsonNode json(TestApiServer.Reply reply) {
        return Json.parse(reply.body());
    }

    @Test
    void defaultsPrunesAndServesEveryVersion() throws Exception {
        var created = api.post("/apis/stable.example.com/v1/namespaces/default/crontabs", """
                {"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"a"},
                 "spec":{"cronSpec":"* * * * */5","unknown":"dropped"},"status":{"replicas":9}}""");
        assertThat(created.code()).isEqualTo(201);
        JsonNode object = json(created);
        assertThat(object.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(object.at("/spec/unknown").isMissingNode()).isTrue();
        assertThat(object.at("/status").isMissingNode()).as("status is set through /status only").isTrue();
        assertThat(object.at("/metadata/generation").asInt()).isEqualTo(1);

        JsonNode beta = json(api.get("/apis/stable.example.com/v1beta1/namespaces/default/crontabs/a"));
        assertThat(beta.path("apiVersion").asString()).isEqualTo("stable.example.com/v1beta1");
        assertThat(beta.at("/spec/cronSpec").asString()).isEqualTo("* * * * */5");
    }

    @Test
    void statusAndScaleSubresources() throws Exception {
        api.post("/apis/stable.example.com/v1/namespaces/default/crontabs", """
                {"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"s"},"spec":{}}""");
        var status = api.send("PATCH", "/apis/stable.example.com/v1/namespaces/default/crontabs/s/status",
                "application/merge-patch+json", "{\"status\":{\"replicas\":2},\"spec\":{\"replicas\":5}}");
        assertThat(status.code()).isEqualTo(200);
        assertThat(json(status).at("/status/replicas").asInt()).isEqualTo(2);
        assertThat(json(status).at("/spec/replicas").asInt()).as("spec ignored on /status").isEqualTo(1);
        var scale = api.send("PATCH", "/apis/stable.example.com/v1/namespaces/default/crontabs/s/scale",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}");
        assertThat(scale.code()).isEqualTo(200);
        assertThat(json(scale).path("kind").asString()).isEqualTo("Scale");
        assertThat(json(api.get("/apis/stable.example.com/v1/namespaces/default/crontabs/s")).at("/spec/replicas")
                .asInt()).isEqualTo(4);
    }

    @Test
    void invalidCustomResourceIs422() throws Exception {
        var bad = api.post("/apis/stable.example.com/v1/namespaces/default/crontabs", """
                {"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"bad"},
                 "spec":{"replicas":"many"}}""");
        assertThat(bad.code()).isEqualTo(422);
        assertThat(json(bad).path("message").asString()).isEqualTo("CronTab.stable.example.com \"bad\" is invalid:"
                + " spec.replicas: Invalid value: \"many\": spec.replicas in body must be of type integer: \"string\"");
    }

    @Test
    void strategicMergePatchIsUnsupportedForCustomResources() throws Exception {
        api.post("/apis/stable.example.com/v1/namespaces/default/crontabs", """
                {"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"p"},"spec":{}}""");
        var smp = api.send("PATCH", "/apis/stable.example.com/v1/namespaces/default/crontabs/p",
                "application/strategic-merge-patch+json", "{\"spec\":{\"cronSpec\":\"x\"}}");
        assertThat(smp.code()).isEqualTo(415);
    }
}
