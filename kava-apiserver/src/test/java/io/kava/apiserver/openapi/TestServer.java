package io.kava.apiserver.openapi;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.StatusWriter;
import io.kava.apiserver.http.ApiHandler;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.JsonOutput;
import io.kava.apiserver.http.NonResourceEndpoints;
import io.kava.apiserver.http.ResourceHandler;
import io.kava.apiserver.kinds.Strategies;
import io.kava.apiserver.metrics.ApiMetrics;
import io.kava.apiserver.rest.ResourceStorage;
import io.kava.apiserver.table.TableWriter;
import io.kava.apiserver.watch.WatchCache;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's HTTP stack as {@code ApiServer} wires it, with {@link OpenApiEndpoints} behind
 * {@link NonResourceEndpoints}, over the embedded SQLite store. PATCH requests are recorded and answered with the current
 * object unchanged (the patch engine is not part of this package).
 */
final class TestServer implements AutoCloseable {

    /** One PATCH request as the server received it. */
    record RecordedPatch(String path, String query, String contentType, String body) {
    }

    final ResourceRegistry registry;
    final OpenApiEndpoints openApi;
    final List<RecordedPatch> patches = new CopyOnWriteArrayList<>();
    private final java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kava-openapi-test");
    private final io.kava.store.Store store = io.kava.store.Stores.open("sqlite", dir);
    private final Map<ResourceType, ResourceStorage> storages = new ConcurrentHashMap<>();
    private final Server server;

    TestServer(ResourceRegistry registry) throws Exception {
        this.registry = registry;
        this.openApi = new OpenApiEndpoints(registry);
        var metrics = new ApiMetrics();
        var resources = new ResourceHandler(this::storage, new JsonOutput(new TableWriter()), new Recorder(),
                java.util.Map.of(), (type, object) -> java.util.List.of(),
                (exchange, type, live, updated, status) -> updated);
        server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ApiHandler(registry, resources, new NonResourceEndpoints(metrics, openApi), metrics));
        server.start();
        ObjectNode ns = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
        ns.putObject("metadata").put("name", "default");
        storage(registry.find("", "v1", "namespaces").orElseThrow()).create(null, ns, false);
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private ResourceStorage storage(ResourceType type) {
        return storages.computeIfAbsent(type, t -> new ResourceStorage(t, store,
                Strategies.forType(t, new io.kava.apiserver.kinds.StrategyContext(store, Clock.systemUTC())),
                new WatchCache(t.qualifiedName(),
                        io.kava.apiserver.rest.ObjectCodec.reader(t.apiVersion(), io.kava.apiserver.rest.Conversion.NONE),
                        t.storagePrefix(), store, 100, 100).start(), Clock.systemUTC(),
                (namespace, ignored) -> { }));
    }

    @Override
    public void close() throws Exception {
        server.stop();
        storages.values().forEach(s -> s.cache().close());
        store.close();
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }


    private final class Recorder implements ResourceHandler.Patcher {
        @Override
        public ObjectNode patch(Exchange exchange, ResourceType type, ObjectNode current, byte[] patch,
                                String contentType, boolean subresource) {
            patches.add(new RecordedPatch(exchange.path(), exchange.request().getHttpURI().getQuery(), contentType,
                    new String(patch, java.nio.charset.StandardCharsets.UTF_8)));
            return current;
        }

        @Override
        public ObjectNode createFromPatch(Exchange exchange, ResourceType type, String namespace, String name,
                                          byte[] patch, String contentType) {
            return null;
        }
    }
}
