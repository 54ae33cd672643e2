package io.kava.apiserver.http;

import io.kava.api.json.Json;
import io.kava.apiserver.metrics.ApiMetrics;
import tools.jackson.databind.node.ObjectNode;

/** {@code /version}, the health endpoints and {@code /metrics}. */
public final class NonResourceEndpoints implements ApiHandler.NonResourceHandler {

    /** The Kubernetes version Kava implements; clients parse it as semver. */
    public static final String KUBERNETES_VERSION = "v1.33.0";

    private final ApiMetrics metrics;
    private final ApiHandler.NonResourceHandler next;

    public NonResourceEndpoints(ApiMetrics metrics, ApiHandler.NonResourceHandler next) {
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public boolean handle(Exchange exchange) throws Exception {
        String path = exchange.path();
        switch (path) {
            case "/version", "/version/" -> exchange.sendJson(200, version());
            case "/healthz", "/livez", "/readyz", "/healthz/ping", "/livez/ping", "/readyz/ping" ->
                    exchange.sendText(200, "ok");
            case "/metrics" -> exchange.sendBytes(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> {
                return next != null && next.handle(exchange);
            }
        }
        return true;
    }

    static ObjectNode version() {
        String[] parts = KUBERNETES_VERSION.substring(1).split("\\.");
        return Json.object().put("major", parts[0]).put("minor", parts[1]).put("gitVersion", KUBERNETES_VERSION)
                .put("gitCommit", "kava").put("gitTreeState", "clean").put("buildDate", "2026-11-25T00:00:00Z")
                .put("goVersion", "java" + Runtime.version().feature()).put("compiler", "javac")
                .put("platform", System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/"
                        + ("amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(
                                System.getProperty("os.arch")) ? "amd64" : System.getProperty("os.arch")));
    }
}
