package io.kava.apiserver;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.bootstrap.KubernetesService;
import io.kava.apiserver.crd.CrdRegistrar;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.ApiHandler;
import io.kava.apiserver.http.JsonOutput;
import io.kava.apiserver.http.NonResourceEndpoints;
import io.kava.apiserver.http.ResourceHandler;
import io.kava.apiserver.kinds.Strategies;
import io.kava.apiserver.kinds.StrategyContext;
import io.kava.apiserver.kinds.service.ServiceNetwork;
import io.kava.apiserver.metrics.ApiMetrics;
import io.kava.apiserver.openapi.OpenApiEndpoints;
import io.kava.apiserver.patch.ManagedFieldsTracker;
import io.kava.apiserver.patch.PatchHandler;
import io.kava.apiserver.kinds.conversion.Conversions;
import io.kava.apiserver.rest.Conversion;
import io.kava.apiserver.rest.ObjectCodec;
import io.kava.apiserver.rest.ResourceStorage;
import io.kava.apiserver.rest.Strategy;
import io.kava.apiserver.subresources.BindingSubresource;
import io.kava.apiserver.subresources.EvictionSubresource;
import io.kava.apiserver.subresources.FinalizeSubresource;
import io.kava.apiserver.subresources.ScaleSubresource;
import io.kava.apiserver.table.TableWriter;
import io.kava.apiserver.watch.WatchCache;
import io.kava.store.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes API server: serves every registered resource from a {@link Store} over HTTP/1.1 and h2c, on
 * virtual threads.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int WATCH_HISTORY = 10_000;
    private static final int WATCHER_QUEUE = 10_000;

    /** Where and how to serve. */
    public record Config(String bindAddress, int port) {
    }

    private final Config config;
    private final Store store;
    private final ResourceRegistry registry;
    private final Clock clock;
    private final ApiMetrics metrics = new ApiMetrics();
    private final Map<ResourceType, ResourceStorage> storages = new ConcurrentHashMap<>();
    /** Strategies of custom resources, set by the CRD registrar before their type is registered. */
    private final Map<ResourceType, Strategy> customStrategies = new ConcurrentHashMap<>();
    private Server server;
    private CrdRegistrar crdRegistrar;
    private final TableWriter tables = new TableWriter();
    private final OpenApiEndpoints openApi;

    public ApiServer(Config config, Store store) {
        this(config, store, ResourceRegistry.withBuiltins(), Clock.systemUTC());
    }

    public ApiServer(Config config, Store store, ResourceRegistry registry, Clock clock) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.openApi = new OpenApiEndpoints(registry);
    }

    public ApiServer start() throws Exception {
        ensureDefaultNamespaces();
        crdRegistrar = new CrdRegistrar(storage(registry.find("apiextensions.k8s.io", "v1",
                "customresourcedefinitions").orElseThrow()), new CustomResources()).start();
        var pool = new QueuedThreadPool();
        pool.setName("apiserver");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(pool);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        connector.setIdleTimeout(3_600_000);
        server.addConnector(connector);
        var managedFields = new ManagedFieldsTracker();
        var resources = new ResourceHandler(this::storage, new JsonOutput(tables),
                new PatchHandler(managedFields), Map.of(
                "binding", new BindingSubresource(),
                "finalize", new FinalizeSubresource(),
                "scale", new ScaleSubresource(),
                "eviction", new EvictionSubresource(() -> storage(registry.find("policy", "v1",
                        "poddisruptionbudgets").orElseThrow()))),
                openApi.knownFields()::prune, managedFields::update);
        server.setHandler(new ApiHandler(registry, resources,
                new NonResourceEndpoints(metrics, openApi), metrics));
        server.start();
        KubernetesService.reconcile(storage(type("", "services")), storage(type("", "endpoints")),
                ServiceNetwork.DEFAULT, config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress(),
                port());
        LOG.info("apiserver: serving on http://{}:{}", config.bindAddress(), port());
        return this;
    }

    private ResourceType type(String group, String plural) {
        return registry.resources(group, group.isEmpty() ? "v1" : registry.versions(group).getFirst()).stream()
                .filter(t -> t.plural().equals(plural)).findFirst().orElseThrow();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String url() {
        return "http://" + config.bindAddress() + ":" + port();
    }

    public ResourceRegistry registry() {
        return registry;
    }

    public ApiMetrics metrics() {
        return metrics;
    }

    /** The storage of a resource type, with its watch cache started on first use. */
    public ResourceStorage storage(ResourceType type) {
        return storages.computeIfAbsent(type, t -> {
            Strategy strategy = customStrategies.getOrDefault(t, Strategies.forType(t, new StrategyContext(store,
                    clock)));
            var storedAs = Conversions.forType(t, registry)
                    .orElse(new Conversions.StoredAs(t, Conversion.NONE));
            var cache = new WatchCache(t.qualifiedName(), ObjectCodec.reader(t.apiVersion(), storedAs.conversion()),
                    storedAs.storage().storagePrefix(), store, WATCH_HISTORY, WATCHER_QUEUE).start();
            return new ResourceStorage(t, storedAs.storage(), storedAs.conversion(), store, strategy, cache, clock,
                    this::checkNamespace);
        });
    }

    /** NamespaceLifecycle: objects may only be created in a namespace that exists and is not terminating. */
    private void checkNamespace(String namespace, ResourceType type) {
        var ns = registry.find("", "v1", "namespaces").orElseThrow();
        var kv = store.get(ns.storageKey(null, namespace))
                .orElseThrow(() -> ApiException.notFound("namespaces", "", namespace));
        ObjectNode object = ObjectCodec.decode(kv);
        if ("Terminating".equals(object.path("status").path("phase").asString(""))
                || object.path("metadata").hasNonNull("deletionTimestamp")) {
            throw ApiException.forbidden(type.qualifiedName(), null, "unable to create new content in namespace "
                    + namespace + " because it is being terminated");
        }
    }

    private void ensureDefaultNamespaces() {
        var type = registry.find("", "v1", "namespaces").orElseThrow();
        for (String name : new String[] {"default", "kube-system", "kube-public", "kube-node-lease"}) {
            if (store.get(type.storageKey(null, name)).isEmpty()) {
                ObjectNode ns = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
                ns.putObject("metadata").put("name", name);
                try {
                    storage(type).create(null, ns, false);
                } catch (ApiException e) {
                    if (e.code() != 409) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Registers custom resource types for the CRD registrar. */
    private final class CustomResources implements CrdRegistrar.Target {
        @Override
        public void register(ResourceType type, Strategy strategy, ObjectNode crd, JsonNode openApiV3Schema) {
            customStrategies.put(type, strategy);
            tables.printers().registerCustomResource(crd);
            openApi.customResourceSchemas().put(type.group(), type.version(), type.kind(), openApiV3Schema);
            ResourceStorage old = storages.remove(type);
            if (old != null) {
                old.cache().close();
            }
            registry.register(type);
        }

        @Override
        public void unregister(ResourceType type) {
            registry.unregister(type);
            tables.printers().remove(type.group(), type.kind());
            openApi.customResourceSchemas().remove(type.group(), type.version(), type.kind());
        }

        @Override
        public ResourceStorage storage(ResourceType type) {
            return ApiServer.this.storage(type);
        }
    }

    @Override
    public void close() {
        if (crdRegistrar != null) {
            crdRegistrar.close();
        }
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            LOG.warn("apiserver: error while stopping: {}", e.getMessage());
        }
        storages.values().forEach(s -> s.cache().close());
    }

}
