package io.kava.apiserver.crd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.rest.ListOptions;
import io.kava.apiserver.rest.ObjectFilters;
import io.kava.apiserver.rest.ResourceStorage;
import io.kava.apiserver.rest.Strategy;
import io.kava.apiserver.watch.WatchEvent;
import io.kava.apiserver.watch.Watcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves custom resources: follows the CustomResourceDefinitions in the API server's own watch cache and
 * registers (or removes) one resource per served version, with the CRD's schema as its strategy. Deleting a CRD
 * deletes its custom resources.
 */
public final class CrdRegistrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrdRegistrar.class);

    /** What the registrar needs from the API server. */
    public interface Target {
        void register(ResourceType type, Strategy strategy, ObjectNode crd, JsonNode openApiV3Schema);

        void unregister(ResourceType type);

        ResourceStorage storage(ResourceType type);
    }

    private final ResourceStorage crds;
    private final Target target;
    private final Map<String, List<ResourceType>> served = new HashMap<>();
    private Watcher watcher;
    private Thread loop;

    public CrdRegistrar(ResourceStorage crds, Target target) {
        this.crds = crds;
        this.target = target;
    }

    /** Registers the CRDs that exist now (before serving starts), then follows changes. */
    public CrdRegistrar start() {
        watcher = crds.watch(null, ListOptions.parse(q -> null, true), ObjectFilters.ALL);
        // The synthetic ADDED events for existing CRDs are already queued: apply them before returning.
        try {
            Watcher.Delivery delivery;
            while ((delivery = watcher.next(0)) != null) {
                apply(delivery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = Thread.ofVirtual().name("crd-registrar").start(this::run);
        return this;
    }

    private void run() {
        try {
            while (!watcher.isClosed()) {
                Watcher.Delivery delivery = watcher.next(1000);
                if (delivery != null) {
                    apply(delivery);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void apply(Watcher.Delivery delivery) {
        ObjectNode crd = delivery.event().object();
        String name = Meta.name(crd);
        try {
            List<ResourceType> old = served.remove(name);
            if (delivery.type() == WatchEvent.Type.DELETED) {
                if (old != null) {
                    old.forEach(target::unregister);
                    deleteAll(old);
                    LOG.info("crd {}: no longer served", name);
                }
                return;
            }
            if (old != null) {
                old.forEach(target::unregister);
            }
            List<ResourceType> types = typesOf(crd);
            for (ResourceType type : types) {
                JsonNode version = versionOf(crd, type.version());
                var schema = new StructuralSchema(version.path("schema").path("openAPIV3Schema"));
                target.register(type, new CustomResourceStrategy(schema, type.hasSubresource("status")), crd,
                        version.path("schema").path("openAPIV3Schema"));
            }
            served.put(name, types);
            LOG.info("crd {}: serving {}", name, types.stream().map(ResourceType::apiVersion).toList());
        } catch (RuntimeException e) {
            LOG.error("crd {}: cannot serve it: {}", name, e.getMessage());
        }
    }

    private void deleteAll(List<ResourceType> types) {
        // All versions share one storage prefix: delete through the first.
        ResourceStorage storage = target.storage(types.getFirst());
        var list = storage.list(null, ListOptions.parse(q -> null, false), ObjectFilters.ALL);
        for (ObjectNode object : list.items()) {
            try {
                storage.delete(Meta.namespace(object), Meta.name(object),
                        io.kava.apiserver.rest.DeleteOptions.DEFAULT);
            } catch (RuntimeException e) {
                LOG.warn("crd cleanup: could not delete {}: {}", Meta.name(object), e.getMessage());
            }
        }
    }

    static List<ResourceType> typesOf(ObjectNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asString();
        JsonNode names = spec.path("names");
        String kind = names.path("kind").asString();
        String plural = names.path("plural").asString();
        String singular = names.path("singular").asString(kind.toLowerCase(java.util.Locale.ROOT));
        boolean namespaced = spec.path("scope").asString("Namespaced").equals("Namespaced");
        List<String> shortNames = strings(names.path("shortNames"));
        List<String> categories = strings(names.path("categories"));
        var types = new ArrayList<ResourceType>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            var subresources = new java.util.HashSet<String>();
            JsonNode subs = version.path("subresources");
            if (subs.has("status")) {
                subresources.add("status");
            }
            if (subs.has("scale")) {
                subresources.add("scale");
            }
            types.add(new ResourceType(group, version.path("name").asString(), kind, plural, singular, namespaced,
                    shortNames, categories, Set.copyOf(subresources)));
        }
        return types;
    }

    private static JsonNode versionOf(ObjectNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asString().equals(version)) {
                return v;
            }
        }
        return crd.objectNode();
    }

    private static List<String> strings(JsonNode array) {
        var result = new ArrayList<String>();
        array.forEach(v -> result.add(v.asString()));
        return result;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (loop != null) {
            loop.interrupt();
        }
    }
}
