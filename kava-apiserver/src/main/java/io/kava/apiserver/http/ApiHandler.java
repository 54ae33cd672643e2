package io.kava.apiserver.http;


import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.discovery.Discovery;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.StatusWriter;
import io.kava.apiserver.metrics.ApiMetrics;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's one Jetty handler: routes non-resource URLs (version, health, discovery, OpenAPI, metrics) and
 * resource requests, and turns every failure into a {@code Status} answer. Runs on virtual threads.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final ResourceRegistry registry;
    private final Discovery discovery;
    private final ResourceHandler resources;
    private final NonResourceHandler nonResources;
    private final ApiMetrics metrics;

    /** Serves a non-resource path; returns false when the path is not one it knows. */
    public interface NonResourceHandler {
        boolean handle(Exchange exchange) throws Exception;
    }

    public ApiHandler(ResourceRegistry registry, ResourceHandler resources, NonResourceHandler nonResources,
                      ApiMetrics metrics) {
        this.registry = registry;
        this.discovery = new Discovery(registry);
        this.resources = resources;
        this.nonResources = nonResources;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var exchange = new Exchange(request, response);
        long start = System.nanoTime();
        String verb = exchange.method();
        String resource = "";
        try {
            checkAccept(exchange);
            RequestInfo info = RequestInfo.parse(exchange.method(), exchange.path(),
                    "true".equals(exchange.query("watch")) || "1".equals(exchange.query("watch")));
            ResourceType type = info == null ? null
                    : registry.find(info.group(), info.version(), info.resource()).orElse(null);
            if (type != null) {
                verb = info.verb();
                resource = info.subresource() == null ? type.plural() : type.plural() + "/" + info.subresource();
                resources.handle(exchange, info, type);
            } else if (!serveDiscovery(exchange) && !nonResources.handle(exchange)) {
                notFound(exchange);
            }
        } catch (ApiException e) {
            sendStatus(exchange, e);
        } catch (Exception e) {
            LOG.error("apiserver: {} {} failed", exchange.method(), exchange.path(), e);
            sendStatus(exchange, ApiException.internal(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        try {
            exchange.complete();
            callback.succeeded();
        } catch (Exception e) {
            callback.failed(e);
        }
        metrics.observe(verb, resource, exchange.status(), System.nanoTime() - start);
        return true;
    }

    private static void sendStatus(Exchange exchange, ApiException e) {
        if (exchange.response().isCommitted()) {
            return; // a stream already started; the client sees it end
        }
        exchange.sendJson(e.code(), StatusWriter.failure(e));
    }

    /** Kava speaks JSON only: a request that accepts nothing else (protobuf only) gets 406. */
    private static void checkAccept(Exchange exchange) {
        if (exchange.path().startsWith("/openapi/")) {
            return; // the OpenAPI endpoints negotiate themselves (kubectl 1.27/1.28 fetch protobuf v2)
        }
        String accept = exchange.accept();
        if (accept.isEmpty() || accept.contains("json") || accept.contains("*/*") || accept.contains("yaml")
                || accept.contains("text/plain")) {
            return;
        }
        throw ApiException.notAcceptable("only the following media types are accepted: application/json,"
                + " application/yaml");
    }

    private boolean serveDiscovery(Exchange exchange) {
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            return false;
        }
        String path = trim(exchange.path());
        String[] parts = path.isEmpty() ? new String[0] : path.split("/");
        String aggregated = aggregatedVersion(exchange.accept());
        ObjectNode doc;
        String contentType = "application/json";
        if (path.equals("api")) {
            if (aggregated != null) {
                doc = discovery.aggregated(true, aggregated);
                contentType = aggregatedContentType(aggregated);
            } else {
                doc = discovery.apiVersions(exchange.request().getHttpURI().getAuthority());
            }
        } else if (path.equals("apis")) {
            if (aggregated != null) {
                doc = discovery.aggregated(false, aggregated);
                contentType = aggregatedContentType(aggregated);
            } else {
                doc = discovery.apiGroupList();
            }
        } else if (parts.length == 2 && parts[0].equals("api")) {
            doc = discovery.apiResourceList("", parts[1]);
        } else if (parts.length == 2 && parts[0].equals("apis")) {
            doc = discovery.apiGroup(parts[1]);
        } else if (parts.length == 3 && parts[0].equals("apis")) {
            doc = discovery.apiResourceList(parts[1], parts[2]);
        } else {
            return false;
        }
        if (doc == null) {
            return false;
        }
        byte[] body = Json.bytes(doc);
        String etag = Discovery.etag(body);
        exchange.setHeader("ETag", etag);
        exchange.setHeader("Vary", "Accept");
        exchange.setHeader("Cache-Control", "public");
        if (etag.equals(exchange.header("If-None-Match"))) {
            exchange.sendBytes(304, contentType, new byte[0]);
        } else {
            exchange.sendBytes(200, contentType, body);
        }
        return true;
    }

    /**
     * The aggregated discovery version the client accepts (v2 preferred), or null for legacy discovery. Clients
     * branch on the response Content-Type, which must be exactly base + {@code ;g=;v=;as=}.
     */
    static String aggregatedVersion(String accept) {
        String compact = accept.replace(" ", "");
        if (!compact.contains("as=APIGroupDiscoveryList")) {
            return null;
        }
        for (String range : compact.split(",")) {
            if (range.contains("as=APIGroupDiscoveryList") && range.contains("g=apidiscovery.k8s.io")) {
                if (range.contains("v=v2beta1")) {
                    return compact.contains("v=v2;") || compact.endsWith("v=v2") ? "v2" : "v2beta1";
                }
                if (range.contains("v=v2")) {
                    return "v2";
                }
            }
        }
        return null;
    }

    private static String aggregatedContentType(String version) {
        return "application/json;g=apidiscovery.k8s.io;v=" + version + ";as=APIGroupDiscoveryList";
    }

    private static void notFound(Exchange exchange) {
        // Kubernetes answers unknown paths with a NotFound Status ("the server could not find the requested
        // resource").
        var e = new ApiException(404, "NotFound", "the server could not find the requested resource", null);
        exchange.sendJson(404, StatusWriter.failure(e));
    }

    private static String trim(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
