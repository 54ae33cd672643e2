package io.kava.apiserver.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Predicate;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.StatusWriter;
import io.kava.apiserver.rest.DeleteOptions;
import io.kava.apiserver.rest.ListOptions;
import io.kava.apiserver.rest.ObjectFilters;
import io.kava.apiserver.rest.ResourceStorage;
import io.kava.apiserver.reviews.Reviews;
import io.kava.apiserver.watch.WatchEvent;
import io.kava.apiserver.watch.Watcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the verbs of one resource request against its {@link ResourceStorage}: get, list, watch, create, update,
 * patch, delete and deletecollection, on the main resource and its {@code status} subresource.
 */
public final class ResourceHandler {

    /** Watches without timeoutSeconds end after this long, like kube-apiserver's min-request-timeout. */
    private static final long DEFAULT_WATCH_SECONDS = 1800;
    private static final long BOOKMARK_INTERVAL_MILLIS = 60_000;

    private final Storages storages;
    private final Output output;
    private final Patcher patcher;

    /** Finds the storage of a resource type. */
    public interface Storages {
        ResourceStorage storage(ResourceType type);
    }

    /** Renders objects and lists for the client's Accept header (JSON, or Tables for kubectl get). */
    public interface Output {
        void object(Exchange exchange, int status, ResourceType type, ObjectNode object);

        void list(Exchange exchange, ResourceType type, ResourceStorage.ListResult list);

        /** A watch frame; {@code first} is true for the stream's first event. */
        byte[] watchFrame(Exchange exchange, ResourceType type, Watcher.Delivery delivery, boolean first);
    }

    /** Applies a PATCH body to the current object. */
    public interface Patcher {
        ObjectNode patch(Exchange exchange, ResourceType type, ObjectNode current, byte[] patch, String contentType,
                         boolean subresource);

        /** Server-side apply may create the object when it does not exist; null when this patch type cannot. */
        ObjectNode createFromPatch(Exchange exchange, ResourceType type, String namespace, String name, byte[] patch,
                                   String contentType);
    }

    /** A subresource other than {@code status} ({@code scale}, {@code binding}, {@code eviction}, ...). */
    public interface Subresource {
        void handle(Exchange exchange, RequestInfo info, ResourceType type, ResourceStorage storage, boolean dryRun)
                throws IOException;
    }

    private final java.util.Map<String, Subresource> subresources;

    /** Records managed fields ({@code live} is null on create). */
    public interface FieldTracker {
        ObjectNode update(Exchange exchange, ResourceType type, ObjectNode live, ObjectNode updated, boolean status);
    }

    private final FieldValidation fieldValidation;
    private final FieldTracker tracker;

    public ResourceHandler(Storages storages, Output output, Patcher patcher,
                           java.util.Map<String, Subresource> subresources,
                           FieldValidation.Pruner unknownFields, FieldTracker tracker) {
        this.fieldValidation = new FieldValidation(unknownFields);
        this.tracker = tracker;
        this.storages = storages;
        this.output = output;
        this.patcher = patcher;
        this.subresources = java.util.Map.copyOf(subresources);
    }

    public void handle(Exchange exchange, RequestInfo info, ResourceType type) throws IOException {
        if (type.isReview()) {
            if (!info.verb().equals("create") || info.name() != null || info.subresource() != null) {
                throw ApiException.methodNotAllowed(info.verb(), type.qualifiedName());
            }
            ObjectNode review = bodyObject(exchange, type, info.namespace());
            output.object(exchange, 201, type, Reviews.answer(type, review));
            return;
        }
        ResourceStorage storage = storages.storage(type);
        String sub = info.subresource();
        if (sub != null && !type.hasSubresource(sub)) {
            throw ApiException.notFound(type.qualifiedName() + "/" + sub, type.group(), info.name());
        }
        // certificatesigningrequests/approval writes status (its Approved/Denied conditions) like /status
        boolean statusLike = "status".equals(sub) || "approval".equals(sub);
        if (sub != null && !statusLike) {
            Subresource handler = subresources.get(sub);
            if (handler == null || info.name() == null) {
                throw ApiException.methodNotAllowed(info.verb(), type.qualifiedName() + "/" + sub);
            }
            handler.handle(exchange, info, type, storage, dryRun(exchange));
            return;
        }
        ResourceStorage.Part part = sub == null ? ResourceStorage.Part.MAIN : ResourceStorage.Part.STATUS;
        String ns = type.namespaced() ? info.namespace() : null;
        if (type.namespaced() && ns == null && info.name() != null) {
            throw ApiException.notFound(type.qualifiedName(), type.group(), info.name());
        }
        boolean dryRun = dryRun(exchange);
        switch (info.verb()) {
            case "get" -> output.object(exchange, 200, type, storage.get(ns, info.name()));
            case "list" -> list(exchange, storage, ns);
            case "watch" -> watch(exchange, storage, ns, info.name());
            case "create" -> {
                if (info.name() != null) {
                    throw ApiException.methodNotAllowed("create", type.qualifiedName());
                }
                requireNamespace(type, ns);
                ObjectNode body = bodyObject(exchange, type, ns);
                fieldValidation.apply(exchange, type, body);
                body = tracker.update(exchange, type, null, body, false);
                output.object(exchange, 201, type, storage.create(ns, body, dryRun));
            }
            case "update" -> {
                ObjectNode body = bodyObject(exchange, type, ns);
                fieldValidation.apply(exchange, type, body);
                boolean status = part == ResourceStorage.Part.STATUS;
                output.object(exchange, 200, type, storage.update(ns, info.name(), body, part, dryRun,
                        (current, updated) -> tracker.update(exchange, type, current, updated, status)));
            }
            case "patch" -> patch(exchange, storage, type, ns, info.name(), part, dryRun);
            case "delete" -> delete(exchange, storage, type, ns, info.name(), dryRun);
            case "deletecollection" -> deleteCollection(exchange, storage, type, ns, dryRun);
            default -> throw ApiException.methodNotAllowed(info.verb(), type.qualifiedName());
        }
    }

    private void list(Exchange exchange, ResourceStorage storage, String ns) {
        ListOptions options = ListOptions.parse(exchange::query, false);
        var list = storage.list(ns, options, filter(storage.type(), options));
        output.list(exchange, storage.type(), list);
    }

    private void watch(Exchange exchange, ResourceStorage storage, String ns, String name) throws IOException {
        if ("websocket".equalsIgnoreCase(exchange.header("Upgrade"))) {
            // WebSocket watches are not served: a plain, complete 200 makes fabric8 fall back to the chunked HTTP
            // watch (a streamed 200 would leave its WebSocket handshake waiting for the body to end).
            exchange.sendBytes(200, "application/json", new byte[0]);
            return;
        }
        ListOptions options = ListOptions.parse(exchange::query, true);
        Predicate<ObjectNode> filter = filter(storage.type(), options);
        if (name != null) {
            Predicate<ObjectNode> byName = o -> name.equals(Meta.name(o));
            filter = filter.and(byName);
        }
        long timeoutMillis = (options.timeoutSeconds() > 0 ? options.timeoutSeconds() : DEFAULT_WATCH_SECONDS)
                * 1000;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Watcher watcher;
        try {
            watcher = storage.watch(ns, options, filter);
        } catch (ApiException e) {
            if (e.code() != 410) {
                throw e;
            }
            // Too old: Kubernetes answers 200 and one ERROR event carrying the 410 Status.
            OutputStream out = exchange.startStream("application/json");
            out.write(WatchEvent.frame(WatchEvent.Type.ERROR, StatusWriter.failure(e)));
            out.flush();
            return;
        }
        try (watcher) {
            OutputStream out = exchange.startStream("application/json");
            out.flush();
            boolean first = true;
            long nextBookmark = System.currentTimeMillis() + BOOKMARK_INTERVAL_MILLIS;
            while (true) {
                long now = System.currentTimeMillis();
                if (now >= deadline) {
                    return;
                }
                long wait = Math.min(deadline, nextBookmark) - now;
                Watcher.Delivery delivery = watcher.next(Math.max(wait, 1));
                if (delivery != null) {
                    out.write(output.watchFrame(exchange, storage.type(), delivery, first));
                    first = false;
                    out.flush();
                    continue;
                }
                if (watcher.isClosed()) {
                    return; // overflowed or the cache restarted: the client re-watches or re-lists
                }
                if (System.currentTimeMillis() >= nextBookmark) {
                    if (options.allowWatchBookmarks()) {
                        ObjectNode bookmark = Json.object();
                        bookmark.put("kind", storage.type().kind()).put("apiVersion", storage.type().apiVersion());
                        bookmark.putObject("metadata").put("resourceVersion",
                                Long.toString(watcher.lastRevision()));
                        out.write(WatchEvent.frame(WatchEvent.Type.BOOKMARK, bookmark));
                        out.flush();
                    }
                    nextBookmark = System.currentTimeMillis() + BOOKMARK_INTERVAL_MILLIS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // client went away
        }
    }

    private void patch(Exchange exchange, ResourceStorage storage, ResourceType type, String ns, String name,
                       ResourceStorage.Part part, boolean dryRun) {
        String contentType = exchange.contentType();
        byte[] patch = exchange.body();
        try {
            ObjectNode result = storage.guaranteedUpdate(ns, name, current -> {
                ObjectNode patched = patcher.patch(exchange, type, current, patch, contentType,
                        part == ResourceStorage.Part.STATUS);
                fieldValidation.apply(exchange, type, patched);
                return patched;
            }, part, dryRun);
            output.object(exchange, 200, type, result);
        } catch (ApiException e) {
            if (e.code() != 404 || part != ResourceStorage.Part.MAIN) {
                throw e;
            }
            ObjectNode created = patcher.createFromPatch(exchange, type, ns, name, patch, contentType);
            if (created == null) {
                throw e;
            }
            requireNamespace(type, ns);
            fieldValidation.apply(exchange, type, created);
            output.object(exchange, 201, type, storage.create(ns, created, dryRun));
        }
    }

    private void delete(Exchange exchange, ResourceStorage storage, ResourceType type, String ns, String name,
                        boolean dryRun) {
        JsonNode body = exchange.bodyTree();
        DeleteOptions options = DeleteOptions.from(body, exchange::query, dryRun);
        var result = storage.delete(ns, name, options);
        // 200 with the object whether it is gone or only marked (Kubernetes answers 202 only for orphanDependents=false)
        output.object(exchange, 200, type, result.object());
    }

    private void deleteCollection(Exchange exchange, ResourceStorage storage, ResourceType type, String ns,
                                  boolean dryRun) {
        JsonNode body = exchange.bodyTree();
        DeleteOptions options = DeleteOptions.from(body, exchange::query, dryRun);
        ListOptions listOptions = ListOptions.parse(exchange::query, false);
        var list = storage.list(ns, listOptions, filter(type, listOptions));
        ArrayNode items = Json.array();
        for (ObjectNode object : list.items()) {
            try {
                items.add(storage.delete(Meta.namespace(object), Meta.name(object), options).object());
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        output.list(exchange, type, new ResourceStorage.ListResult(
                items.valueStream().map(ObjectNode.class::cast).toList(), list.revision(), null, null));
    }

    private Predicate<ObjectNode> filter(ResourceType type, ListOptions options) {
        return ObjectFilters.of(type, options.labelSelector(), options.fieldSelector());
    }

    private static ObjectNode bodyObject(Exchange exchange, ResourceType type, String ns) {
        JsonNode body = exchange.bodyTree();
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body of the request must be a JSON or YAML object");
        }
        checkKind(object, type);
        if (type.namespaced()) {
            String bodyNs = Meta.namespace(object);
            if (bodyNs != null && !bodyNs.isEmpty() && !bodyNs.equals(ns)) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace"
                        + " sent on the request");
            }
        }
        return object;
    }

    /** The body's kind and apiVersion must name this resource (both may be omitted). */
    static void checkKind(ObjectNode object, ResourceType type) {
        String kind = object.path("kind").asString("");
        String apiVersion = object.path("apiVersion").asString("");
        if (!kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version()
                    + "\" cannot be handled as a " + kind + ": the kind of the body (" + kind
                    + ") does not match the resource (" + type.kind() + ")");
        }
        if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + type.apiVersion() + ")");
        }
        object.put("apiVersion", type.apiVersion());
        object.put("kind", type.kind());
        // keep apiVersion/kind first, as clients print them
        var reordered = Json.object();
        reordered.put("apiVersion", type.apiVersion()).put("kind", type.kind());
        object.properties().forEach(e -> {
            if (!e.getKey().equals("apiVersion") && !e.getKey().equals("kind")) {
                reordered.set(e.getKey(), e.getValue());
            }
        });
        object.removeAll();
        object.setAll(reordered);
    }

    private static void requireNamespace(ResourceType type, String ns) {
        if (type.namespaced() && (ns == null || ns.isEmpty())) {
            throw ApiException.badRequest("the server could not find the requested resource: " + type.plural()
                    + " must be created in a namespace");
        }
    }

    private static boolean dryRun(Exchange exchange) {
        List<String> values = exchange.queryValues("dryRun");
        if (values == null || values.isEmpty()) {
            return false;
        }
        for (String value : values) {
            if (!value.equals("All")) {
                throw ApiException.badRequest("dryRun: Unsupported value: \"" + value
                        + "\": supported values: \"All\"");
            }
        }
        return true;
    }
}
