package io.kava.apiserver.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.kava.apiserver.ApiServer;
import io.kava.apiserver.bootstrap.Kubeconfig;
import io.kava.store.Store;
import io.kava.store.Stores;

/**
 * An API server on the embedded SQLite store in a temporary directory, on a free loopback port, for tests that
 * talk HTTP to it (raw, through fabric8 or through the real kubectl).
 */
public final class TestApiServer implements AutoCloseable {

    private final Path dir;
    private final Store store;
    private final ApiServer server;
    /** HTTP/1.1, as kubectl speaks to a plain-HTTP server (Go's client never upgrades to h2c). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestApiServer() throws Exception {
        dir = Files.createTempDirectory("kava-apiserver-test");
        store = Stores.open("sqlite", dir);
        server = new ApiServer(new ApiServer.Config("127.0.0.1", 0), store).start();
    }

    public String url() {
        return server.url();
    }

    public ApiServer server() {
        return server;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a kubeconfig for this server and returns its path. */
    public Path kubeconfig() throws IOException {
        Path file = dir.resolve("kubeconfig");
        if (!Files.exists(file)) {
            Kubeconfig.write(file, url());
        }
        return file;
    }

    /** A plain HTTP response, for asserting wire details. */
    public record Reply(int code, String body, java.net.http.HttpHeaders headers) {
    }

    public Reply send(String method, String path, String contentType, String body) throws Exception {
        return send(method, path, contentType, body, null);
    }

    public Reply send(String method, String path, String contentType, String body, String accept) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (accept != null) {
            builder.header("Accept", accept);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers());
    }

    public Reply get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    public Reply post(String path, String json) throws Exception {
        return send("POST", path, "application/json", json);
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() throws IOException {
        server.close();
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
