package io.kava.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.apiserver.testing.TestApiServer;
import tools.jackson.databind.JsonNode;

/** The REST contract over raw HTTP: verbs, optimistic concurrency, metadata and the Status answers of errors. */
class RestSemanticsTest {

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

    private static String configMap(String name, String value) {
        return """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","labels":{"app":"web"}},
                 "data":{"k":"%s"}}""".formatted(name, value);
    }

    @Test
    void createGetUpdateDelete() throws Exception {
        var created = api.post("/api/v1/namespaces/default/configmaps", configMap("crud", "1"));
        assertThat(created.code()).isEqualTo(201);
        JsonNode obj = json(created);
        assertThat(obj.at("/metadata/uid").asString()).isNotEmpty();
        assertThat(obj.at("/metadata/creationTimestamp").asString()).endsWith("Z");
        assertThat(obj.at("/metadata/namespace").asString()).isEqualTo("default");
        String rv = obj.at("/metadata/resourceVersion").asString();

        var got = api.get("/api/v1/namespaces/default/configmaps/crud");
        assertThat(got.code()).isEqualTo(200);
        assertThat(json(got).at("/data/k").asString()).isEqualTo("1");
        assertThat(json(got).at("/metadata/resourceVersion").asString()).isEqualTo(rv);

        String update = configMap("crud", "2").replace("\"name\":\"crud\"",
                "\"name\":\"crud\",\"resourceVersion\":\"" + rv + "\"");
        var updated = api.send("PUT", "/api/v1/namespaces/default/configmaps/crud", "application/json", update);
        assertThat(updated.code()).isEqualTo(200);
        assertThat(json(updated).at("/metadata/resourceVersion").asString()).isNotEqualTo(rv);
        assertThat(json(updated).at("/metadata/uid").asString()).isEqualTo(obj.at("/metadata/uid").asString());

        var deleted = api.send("DELETE", "/api/v1/namespaces/default/configmaps/crud", null, null);
        assertThat(deleted.code()).isEqualTo(200);
        var gone = api.get("/api/v1/namespaces/default/configmaps/crud");
        assertThat(gone.code()).isEqualTo(404);
        assertThat(json(gone).path("reason").asString()).isEqualTo("NotFound");
        assertThat(json(gone).path("message").asString()).isEqualTo("configmaps \"crud\" not found");
        assertThat(json(gone).at("/details/kind").asString()).isEqualTo("configmaps");
    }

    @Test
    void staleUpdateIsConflict() throws Exception {
        String rv = json(api.post("/api/v1/namespaces/default/configmaps", configMap("stale", "1")))
                .at("/metadata/resourceVersion").asString();
        String first = configMap("stale", "2").replace("\"name\":\"stale\"",
                "\"name\":\"stale\",\"resourceVersion\":\"" + rv + "\"");
        assertThat(api.send("PUT", "/api/v1/namespaces/default/configmaps/stale", "application/json", first).code())
                .isEqualTo(200);
        String second = configMap("stale", "3").replace("\"name\":\"stale\"",
                "\"name\":\"stale\",\"resourceVersion\":\"" + rv + "\"");
        var conflict = api.send("PUT", "/api/v1/namespaces/default/configmaps/stale", "application/json", second);
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(json(conflict).path("reason").asString()).isEqualTo("Conflict");
        assertThat(json(conflict).path("message").asString()).isEqualTo("Operation cannot be fulfilled on configmaps"
                + " \"stale\": the object has been modified; please apply your changes to the latest version and"
                + " try again");
        assertThat(json(api.get("/api/v1/namespaces/default/configmaps/stale")).at("/data/k").asString())
                .isEqualTo("2");
    }

    @Test
    void duplicateCreateIsAlreadyExists() throws Exception {
        assertThat(api.post("/api/v1/namespaces/default/configmaps", configMap("dup", "1")).code()).isEqualTo(201);
        var again = api.post("/api/v1/namespaces/default/configmaps", configMap("dup", "1"));
        assertThat(again.code()).isEqualTo(409);
        assertThat(json(again).path("reason").asString()).isEqualTo("AlreadyExists");
        assertThat(json(again).path("message").asString()).isEqualTo("configmaps \"dup\" already exists");
    }

    @Test
    void generateNameMakesAUniqueName() throws Exception {
        String body = """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"gen-"}}""";
        String a = json(api.post("/api/v1/namespaces/default/configmaps", body)).at("/metadata/name").asString();
        String b = json(api.post("/api/v1/namespaces/default/configmaps", body)).at("/metadata/name").asString();
        assertThat(a).startsWith("gen-").hasSize(9).isNotEqualTo(b);
    }

    @Test
    void badInputGetsTheRightStatus() throws Exception {
        var malformed = api.post("/api/v1/namespaces/default/configmaps", "{not json");
        assertThat(malformed.code()).isEqualTo(400);
        assertThat(json(malformed).path("kind").asString()).isEqualTo("Status");

        var wrongKind = api.post("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\"}}");
        assertThat(wrongKind.code()).isEqualTo(400);

        var badName = api.post("/api/v1/namespaces/default/configmaps", configMap("Bad_Name", "1"));
        assertThat(badName.code()).isEqualTo(422);
        assertThat(json(badName).path("reason").asString()).isEqualTo("Invalid");
        assertThat(json(badName).at("/details/causes/0/field").asString()).isEqualTo("metadata.name");
        assertThat(json(badName).path("message").asString()).startsWith("ConfigMap \"Bad_Name\" is invalid:"
                + " metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");

        var noNamespace = api.post("/api/v1/namespaces/nowhere/configmaps", configMap("x", "1"));
        assertThat(noNamespace.code()).isEqualTo(404);
        assertThat(json(noNamespace).path("message").asString()).isEqualTo("namespaces \"nowhere\" not found");

        assertThat(api.get("/api/v1/namespaces/default/widgets").code()).isEqualTo(404);
        assertThat(api.get("/apis/nothing.example.com/v1/things").code()).isEqualTo(404);

        String big = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\""
                + "x".repeat(4 * 1024 * 1024) + "\"}}";
        var tooLarge = api.post("/api/v1/namespaces/default/configmaps", big);
        assertThat(tooLarge.code()).isEqualTo(413);

        var protobufOnly = api.send("GET", "/api/v1/namespaces", null, null, "application/vnd.kubernetes.protobuf");
        assertThat(protobufOnly.code()).isEqualTo(406);

        var badContinue = api.get("/api/v1/namespaces/default/configmaps?limit=1&continue=garbage");
        assertThat(badContinue.code()).isEqualTo(400);

        var badRv = api.get("/api/v1/namespaces/default/configmaps?resourceVersion=abc");
        assertThat(badRv.code()).isEqualTo(400);

        var matchWithoutRv = api.get("/api/v1/namespaces/default/configmaps?resourceVersionMatch=Exact");
        assertThat(matchWithoutRv.code()).isEqualTo(422);
    }

    @Test
    void listsPageWithContinue() throws Exception {
        api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"paging\"}}");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/namespaces/paging/configmaps", configMap("p" + i, "v")).code())
                    .isEqualTo(201);
        }
        var names = new java.util.ArrayList<String>();
        String cont = null;
        int pages = 0;
        do {
            var page = json(api.get("/api/v1/namespaces/paging/configmaps?limit=2"
                    + (cont == null ? "" : "&continue=" + cont)));
            page.path("items").forEach(item -> names.add(item.at("/metadata/name").asString()));
            cont = page.at("/metadata/continue").asString(null);
            pages++;
        } while (cont != null && !cont.isEmpty());
        assertThat(names).containsExactly("p0", "p1", "p2", "p3", "p4");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void unchangedUpdateDoesNotBumpResourceVersion() throws Exception {
        var created = json(api.post("/api/v1/namespaces/default/configmaps", configMap("same", "1")));
        var again = api.send("PUT", "/api/v1/namespaces/default/configmaps/same", "application/json",
                Json.string(created));
        assertThat(json(again).at("/metadata/resourceVersion").asString())
                .isEqualTo(created.at("/metadata/resourceVersion").asString());
    }

    @Test
    void unknownFieldsFollowFieldValidation() throws Exception {
        String body = """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","bogus":1},
                 "data":{"k":"v"},"extra":{"x":1}}""";
        var strict = api.post("/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
                body.formatted("strict"));
        assertThat(strict.code()).isEqualTo(400);
        assertThat(json(strict).path("message").asString())
                .isEqualTo("strict decoding error: unknown field \"metadata.bogus\", unknown field \"extra\"");
        assertThat(api.get("/api/v1/namespaces/default/configmaps/strict").code()).isEqualTo(404);

        var warn = api.post("/api/v1/namespaces/default/configmaps", body.formatted("warned"));
        assertThat(warn.code()).isEqualTo(201);
        assertThat(warn.headers().allValues("Warning"))
                .contains("299 - \"unknown field \\\"extra\\\"\"");
        assertThat(json(warn).has("extra")).isFalse();

        var ignore = api.post("/api/v1/namespaces/default/configmaps?fieldValidation=Ignore",
                body.formatted("ignored"));
        assertThat(ignore.code()).isEqualTo(201);
        assertThat(ignore.headers().allValues("Warning")).isEmpty();
        assertThat(json(api.get("/api/v1/namespaces/default/configmaps/ignored")).at("/metadata/bogus").isMissingNode())
                .isTrue();

        var nested = api.post("/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nested"},
                 "spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},
                 "spec":{"containers":[{"name":"c","image":"busybox","imagePolicy":"x"}]}}}}""");
        assertThat(nested.code()).isEqualTo(400);
        assertThat(json(nested).path("message").asString())
                .isEqualTo("strict decoding error: unknown field \"spec.template.spec.containers[0].imagePolicy\"");
    }

    @Test
    void partialObjectMetadataAndTables() throws Exception {
        api.post("/api/v1/namespaces/default/configmaps", configMap("meta-only", "1"));
        var list = json(api.send("GET", "/api/v1/namespaces/default/configmaps", null, null,
                "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"));
        assertThat(list.path("kind").asString()).isEqualTo("PartialObjectMetadataList");
        assertThat(list.at("/items/0/kind").asString()).isEqualTo("PartialObjectMetadata");
        assertThat(list.at("/items/0/data").isMissingNode()).isTrue();
        var one = json(api.send("GET", "/api/v1/namespaces/default/configmaps/meta-only", null, null,
                "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"));
        assertThat(one.at("/metadata/name").asString()).isEqualTo("meta-only");
        var table = json(api.send("GET", "/api/v1/namespaces/default/configmaps", null, null,
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"));
        assertThat(table.path("kind").asString()).isEqualTo("Table");
        assertThat(table.at("/columnDefinitions/0/name").asString()).isEqualTo("Name");
        assertThat(table.at("/columnDefinitions/1/name").asString()).isEqualTo("Data");
    }

    @Test
    void certificateApprovalWritesConditionsOnly() throws Exception {
        var created = api.post("/apis/certificates.k8s.io/v1/certificatesigningrequests", """
                {"apiVersion":"certificates.k8s.io/v1","kind":"CertificateSigningRequest",
                 "metadata":{"name":"csr1"},"spec":{"request":"LS0t","signerName":"kubernetes.io/kube-apiserver-client",
                 "usages":["client auth"]}}""");
        assertThat(created.code()).isEqualTo(201);
        var approved = api.send("PUT", "/apis/certificates.k8s.io/v1/certificatesigningrequests/csr1/approval",
                "application/json", """
                {"apiVersion":"certificates.k8s.io/v1","kind":"CertificateSigningRequest",
                 "metadata":{"name":"csr1"},"spec":{"request":"changed"},
                 "status":{"conditions":[{"type":"Approved","status":"True","reason":"Test"}]}}""");
        assertThat(approved.code()).isEqualTo(200);
        assertThat(json(approved).at("/status/conditions/0/type").asString()).isEqualTo("Approved");
        assertThat(json(approved).at("/spec/request").asString()).isEqualTo("LS0t");
    }

    @Test
    void writesRecordManagedFields() throws Exception {
        var created = json(api.post("/api/v1/namespaces/default/configmaps?fieldManager=alice",
                configMap("managed", "1")));
        assertThat(created.at("/metadata/managedFields/0/manager").asString()).isEqualTo("alice");
        assertThat(created.at("/metadata/managedFields/0/operation").asString()).isEqualTo("Update");
        assertThat(created.at("/metadata/managedFields/0/fieldsV1/f:data/f:k").isObject()).isTrue();
        var patched = json(api.send("PATCH", "/api/v1/namespaces/default/configmaps/managed?fieldManager=bob",
                "application/merge-patch+json", "{\"data\":{\"other\":\"2\"}}"));
        var managers = new java.util.ArrayList<String>();
        patched.at("/metadata/managedFields").forEach(e -> managers.add(e.path("manager").asString()));
        assertThat(managers).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void speaksH2c() throws Exception {
        var h2 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.url() + "/version")).build();
        h2.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()); // first request upgrades
        var response = h2.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void versionAndHealth() throws Exception {
        JsonNode version = json(api.get("/version"));
        assertThat(version.path("major").asString()).isEqualTo("1");
        assertThat(version.path("gitVersion").asString()).matches("v1\\.\\d+\\.\\d+");
        assertThat(api.get("/healthz").body()).isEqualTo("ok");
        assertThat(api.get("/readyz").code()).isEqualTo(200);
        assertThat(api.get("/metrics").body()).contains("apiserver_request_total");
    }
}
