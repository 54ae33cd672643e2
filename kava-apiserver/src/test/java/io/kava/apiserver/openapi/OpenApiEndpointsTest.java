package io.kava.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;

/** The endpoints over HTTP, behind the API server's real handler chain. */
class OpenApiEndpointsTest {

    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(ResourceRegistry.withBuiltins());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void rootListsEveryGroupVersionWithItsHash() throws Exception {
        HttpResponse<String> root = get("/openapi/v3", null, null);
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode paths = Json.parse(root.body()).path("paths");
        assertThat(paths.has("api/v1")).isTrue();
        assertThat(paths.has("apis/apps/v1")).isTrue();
        assertThat(paths.has("apis/rbac.authorization.k8s.io/v1")).isTrue();
        assertThat(paths.path("apis/apps/v1").path("serverRelativeURL").asString())
                .matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{128}");
    }

    @Test
    void groupVersionWithCurrentHashIsImmutable() throws Exception {
        String url = serverRelativeUrl("apis/apps/v1");
        HttpResponse<String> doc = get(url, "application/json", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        String hash = url.substring(url.indexOf("hash=") + 5);
        assertThat(doc.headers().firstValue("ETag")).hasValue("\"" + hash + "\"");
        assertThat(doc.headers().firstValue("Cache-Control")).hasValue("public, immutable");
        assertThat(doc.headers().firstValue("Expires")).isPresent();
        assertThat(doc.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(OpenApiDocuments.hash(doc.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(hash);
        assertThat(Json.parse(doc.body()).path("paths").has("/apis/apps/v1/namespaces/{namespace}/deployments"))
                .isTrue();

        HttpResponse<String> revalidated = get(url, "application/json", "\"" + hash + "\"");
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    @Test
    void staleHashIsRedirectedAndUnhashedRequestIsNotImmutable() throws Exception {
        String current = serverRelativeUrl("api/v1");
        HttpResponse<String> stale = get("/openapi/v3/api/v1?hash=0123", "application/json", null);
        assertThat(stale.statusCode()).isEqualTo(301);
        assertThat(stale.headers().firstValue("Location")).hasValue(current);

        HttpResponse<String> plain = get("/openapi/v3/api/v1", null, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    void v3IsJsonOnly() throws Exception {
        assertThat(get("/openapi/v3/api/v1", "application/com.github.proto-openapi.spec.v3.v1.0+protobuf", null)
                .statusCode()).isEqualTo(406);
        assertThat(get("/openapi/v3/api/v1", "application/json;q=0.9,*/*;q=0.8", null).statusCode()).isEqualTo(200);
    }

    @Test
    void v2IsServedAsProtobufToKubectl() throws Exception {
        HttpResponse<String> proto = get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf",
                null);
        assertThat(proto.statusCode()).isEqualTo(200);
        assertThat(proto.headers().firstValue("Content-Type")).hasValue(OpenApiEndpoints.PROTOBUF_V2);
        assertThat(get("/openapi/v2", "text/html", null).statusCode()).isEqualTo(406);
        assertThat(OpenApiEndpoints.v2Format("application/json, application/com.github.proto-openapi.spec.v2@v1.0"
                + "+protobuf")).isEqualTo("json");
    }

    @Test
    void unknownGroupVersionIsNotFound() throws Exception {
        assertThat(get("/openapi/v3/apis/nope.example.com/v1", "application/json", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void swaggerV2IsServedAsJson() throws Exception {
        HttpResponse<String> v2 = get("/openapi/v2", "application/json", null);
        assertThat(v2.statusCode()).isEqualTo(200);
        JsonNode doc = Json.parse(v2.body());
        assertThat(doc.path("swagger").asString()).isEqualTo("2.0");
        assertThat(doc.path("paths").has("/api/v1/namespaces/{namespace}/pods/{name}")).isTrue();
    }

    @Test
    void newResourcesAppearAfterTheRegistryChanges() throws Exception {
        var registry = ResourceRegistry.withBuiltins();
        try (var own = new TestServer(registry)) {
            String coreBefore = Json.parse(get(own, "/openapi/v3").body()).path("paths").path("api/v1").toString();
            registry.register(new ResourceType("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true,
                    List.of(), List.of(), Set.of()));
            JsonNode paths = Json.parse(get(own, "/openapi/v3").body()).path("paths");
            assertThat(paths.has("apis/stable.example.com/v1")).isTrue();
            assertThat(paths.path("api/v1").toString()).isEqualTo(coreBefore);
        }
    }

    private static String serverRelativeUrl(String gv) throws Exception {
        return Json.parse(get("/openapi/v3", null, null).body()).path("paths").path(gv).path("serverRelativeURL")
                .asString();
    }

    private static HttpResponse<String> get(TestServer target, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(target.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String accept, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
