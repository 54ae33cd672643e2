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

/** Watch over HTTP: chunked JSON events, resourceVersion semantics, selectors by name, timeouts. */
class WatchTest {

    private static TestApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApiServer();
        api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"w\"}}");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Streams watch events into a list on a background thread. */
    private static List<JsonNode> watch(String path) {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        var request = HttpRequest.newBuilder(URI.create(api.url() + path)).build();
        api.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> events.add(Json.parse(line))));
        return events;
    }

    private static String cm(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}}";
    }

    @Test
    void watchFromListRevisionSeesLaterChangesInOrder() throws Exception {
        String rv = Json.parse(api.get("/api/v1/namespaces/w/configmaps").body()).at("/metadata/resourceVersion")
                .asString();
        List<JsonNode> events = watch("/api/v1/namespaces/w/configmaps?watch=true&resourceVersion=" + rv);
        api.post("/api/v1/namespaces/w/configmaps", cm("a"));
        var a = Json.parse(api.get("/api/v1/namespaces/w/configmaps/a").body());
        ((tools.jackson.databind.node.ObjectNode) a).putObject("data").put("x", "y");
        api.send("PUT", "/api/v1/namespaces/w/configmaps/a", "application/json", Json.string(a));
        api.send("DELETE", "/api/v1/namespaces/w/configmaps/a", null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("ADDED", "MODIFIED", "DELETED");
        assertThat(events.get(1).at("/object/data/x").asString()).isEqualTo("y");
        long r0 = Long.parseLong(events.get(0).at("/object/metadata/resourceVersion").asString());
        long r2 = Long.parseLong(events.get(2).at("/object/metadata/resourceVersion").asString());
        assertThat(r2).isGreaterThan(r0);
    }

    @Test
    void watchWithoutResourceVersionStartsWithCurrentObjects() throws Exception {
        api.post("/api/v1/namespaces/w/configmaps", cm("existing"));
        List<JsonNode> events = watch("/api/v1/namespaces/w/configmaps?watch=1&fieldSelector=metadata.name%3Dexisting");
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.getFirst().path("type").asString()).isEqualTo("ADDED");
        assertThat(events.getFirst().at("/object/metadata/name").asString()).isEqualTo("existing");
    }

    @Test
    void tooOldResourceVersionIsAn410ErrorEvent() throws Exception {
        // Push the history window past revision 1 is not needed: the cache starts after the namespaces were made,
        // so revision 1 is older than anything it kept.
        var reply = api.get("/api/v1/namespaces/w/configmaps?watch=true&resourceVersion=1");
        assertThat(reply.code()).isEqualTo(200);
        JsonNode event = Json.parse(reply.body().lines().findFirst().orElseThrow());
        assertThat(event.path("type").asString()).isEqualTo("ERROR");
        assertThat(event.at("/object/code").asInt()).isEqualTo(410);
        assertThat(event.at("/object/reason").asString()).isEqualTo("Expired");
    }

    @Test
    void timeoutSecondsEndsTheStream() throws Exception {
        long start = System.nanoTime();
        var reply = api.get("/api/v1/namespaces/w/configmaps?watch=true&timeoutSeconds=1&resourceVersion="
                + api.server().registry().find("", "v1", "configmaps").map(t -> api.server().storage(t).cache()
                .revision()).orElseThrow());
        assertThat(reply.code()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void futureResourceVersionIsTooLarge() throws Exception {
        var reply = api.get("/api/v1/namespaces/w/configmaps?watch=true&resourceVersion=999999999");
        assertThat(reply.code()).isEqualTo(504);
        assertThat(Json.parse(reply.body()).path("message").asString()).startsWith("Timeout: Too large resource version");
    }
}
