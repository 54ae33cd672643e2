package io.kava.apiserver.rest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.watch.CachedObject;
import io.kava.apiserver.watch.WatchCache;
import io.kava.apiserver.watch.Watcher;
import io.kava.store.CompactedException;
import io.kava.store.FutureRevisionException;
import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import io.kava.store.Store;
import io.kava.store.WriteResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic storage of one resource type (Kubernetes' {@code registry/generic/registry.Store}): create, get, list,
 * update, delete and watch on top of the {@link Store}, with the per-kind rules of a {@link Strategy}.
 *
 * <p>Objects are kept under {@link ResourceType#storageKey}; writes are compare-and-swap on the key's mod revision,
 * which is also the object's resourceVersion.
 */
public final class ResourceStorage {

    private static final int MAX_CAS_RETRIES = 16;
    private static final char[] NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ResourceType type;
    /** Whose storage keys the objects live under (itself, or the stored version of a converted kind). */
    private final ResourceType keys;
    private final Conversion conversion;
    private final java.util.function.Function<KeyValue, ObjectNode> reader;
    private final Store store;
    private final Strategy strategy;
    private final WatchCache cache;
    private final Clock clock;
    private final NamespaceCheck namespaces;
    private final TtlLeases leases;

    /** Decides whether objects may be created in a namespace (NamespaceLifecycle). */
    public interface NamespaceCheck {
        void checkCreate(String namespace, ResourceType type);
    }

    public ResourceStorage(ResourceType type, Store store, Strategy strategy, WatchCache cache, Clock clock,
                           NamespaceCheck namespaces) {
        this(type, type, Conversion.NONE, store, strategy, cache, clock, namespaces);
    }

    /**
     * Storage of {@code type} kept under {@code storedAs}'s keys in that type's version, through {@code conversion}
     * (a kind served in a second version).
     */
    public ResourceStorage(ResourceType type, ResourceType storedAs, Conversion conversion, Store store,
                           Strategy strategy, WatchCache cache, Clock clock, NamespaceCheck namespaces) {
        this.keys = storedAs;
        this.conversion = conversion;
        this.reader = ObjectCodec.reader(type.apiVersion(), conversion);
        this.type = type;
        this.store = store;
        this.strategy = strategy;
        this.cache = cache;
        this.clock = clock;
        this.namespaces = namespaces;
        this.leases = new TtlLeases(store, clock);
    }

    public ResourceType type() {
        return type;
    }

    public Strategy strategy() {
        return strategy;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    public ObjectNode get(String namespace, String name) {
        return store.get(keys.storageKey(namespace, name)).map(reader)
                .orElseThrow(() -> notFound(name));
    }

    /** A page of a list; {@code continueToken} is null on the last page. */
    /**
     * @param encoded the items' JSON in the same order when the watch cache already has it (lists at
     *                resourceVersion 0), else null
     */
    public record ListResult(List<ObjectNode> items, long revision, String continueToken, Long remaining,
                             List<byte[]> encoded) {
        public ListResult(List<ObjectNode> items, long revision, String continueToken, Long remaining) {
            this(items, revision, continueToken, remaining, null);
        }
    }

    public ListResult list(String namespace, ListOptions options, Predicate<ObjectNode> filter) {
        String prefix = keys.storagePrefix(namespace);
        boolean fromCache = "0".equals(options.resourceVersion()) && options.continueToken() == null
                || options.resourceVersion() != null && !options.resourceVersion().equals("0")
                && "NotOlderThan".equals(options.resourceVersionMatch()) && options.continueToken() == null
                && options.revision() <= cache.revision();
        if (fromCache && (options.limit() == 0 || "0".equals(options.resourceVersion()))) {
            // resourceVersion=0 means "any state": the cache answers and ignores the limit, as Kubernetes does.
            var snapshot = cache.list(prefix, filter);
            return new ListResult(snapshot.objects().stream().map(CachedObject::object).toList(),
                    snapshot.revision(), null, null, snapshot.objects().stream().map(CachedObject::json).toList());
        }
        long revision = 0;
        String start = null;
        if (options.continueToken() != null) {
            var token = ContinueToken.decode(options.continueToken(), prefix);
            revision = token.revision();
            start = token.startKey();
        } else if (options.resourceVersion() != null && !options.resourceVersion().equals("0")) {
            long rv = options.revision();
            boolean exact = "Exact".equals(options.resourceVersionMatch())
                    || options.resourceVersionMatch() == null && options.limit() > 0;
            if (exact) {
                revision = rv;
            } else if (rv > store.currentRevision()) {
                throw tooLarge(rv);
            }
        }
        long limit = options.limit();
        var items = new ArrayList<ObjectNode>();
        while (true) {
            RangeResult page;
            try {
                int pageSize = limit == 0 ? 0 : (int) Math.min(Math.max(limit - items.size(), 1) + 1, 10_000);
                page = store.range(prefix, start, pageSize, revision);
            } catch (CompactedException e) {
                if (options.continueToken() != null) {
                    throw ApiException.expired("The provided continue parameter is too old to display a consistent"
                            + " list result. You can start a new list without the continue parameter, or use the"
                            + " continue token in this response to retrieve the remainder of the results. Continuing"
                            + " with the provided token results in an inconsistent list - objects that were created,"
                            + " modified, or deleted between the time the first chunk was returned and now may show"
                            + " up in the list.");
                }
                throw ApiException.expired("too old resource version: " + e.requestedRevision() + " ("
                        + (e.compactRevision() + 1) + ")");
            } catch (FutureRevisionException e) {
                throw tooLarge(e.requestedRevision());
            }
            revision = page.revision();
            List<KeyValue> kvs = page.kvs();
            for (int i = 0; i < kvs.size(); i++) {
                KeyValue kv = kvs.get(i);
                if (limit > 0 && items.size() == limit) {
                    // The page is full and more keys follow: hand out a token that resumes at this key.
                    return new ListResult(items, revision, ContinueToken.encode(revision, kv.key(), prefix), null);
                }
                ObjectNode object = reader.apply(kv);
                if (filter.test(object)) {
                    items.add(object);
                }
            }
            if (!page.more() || kvs.isEmpty()) {
                return new ListResult(items, revision, null, null);
            }
            start = kvs.getLast().key() + "\0";
        }
    }

    /**
     * Starts a watch: with no resourceVersion (or "0") it begins with the current objects as ADDED events, else
     * with every change after that revision.
     */
    public Watcher watch(String namespace, ListOptions options, Predicate<ObjectNode> filter) {
        String rv = options.resourceVersion();
        long from = rv == null || rv.equals("0") ? -1 : options.revision();
        if (from >= 0 && from > store.currentRevision()) {
            throw tooLarge(from);
        }
        return cache.watch(keys.storagePrefix(namespace), filter, from);
    }

    public WatchCache cache() {
        return cache;
    }

    // ---- create ---------------------------------------------------------------------------------------------

    public ObjectNode create(String namespace, ObjectNode object, boolean dryRun) {
        ObjectNode meta = Meta.metadata(object);
        if (type.namespaced()) {
            meta.put("namespace", namespace);
        } else {
            meta.remove("namespace");
        }
        String name = Meta.name(object);
        if ((name == null || name.isEmpty()) && Meta.generateName(object) != null) {
            name = generateName(Meta.generateName(object));
            meta.put("name", name);
        }
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", now());
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        meta.remove("resourceVersion");
        if (strategy.tracksGeneration() && object.has("spec")) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        strategy.prepareForCreate(object);
        strategy.applyDefaults(object);
        var errors = new FieldErrors();
        MetadataValidation.validate(object, type, strategy.nameRule(), errors);
        strategy.validate(object, errors);
        errors.throwIfAny(type.kind(), type.group(), name);
        if (type.namespaced()) {
            namespaces.checkCreate(namespace, type);
        }
        strategy.beforeWrite(object, null, dryRun);
        if (dryRun) {
            if (store.get(keys.storageKey(namespace, name)).isPresent()) {
                throw ApiException.alreadyExists(type.qualifiedName(), type.group(), name);
            }
            return object;
        }
        long lease = strategy.ttlSeconds() > 0 ? leases.leaseFor(strategy.ttlSeconds()) : 0;
        var result = store.create(keys.storageKey(namespace, name), encode(object), lease);
        return switch (result) {
            case WriteResult.Ok ok -> withRevision(object, ok.revision());
            case WriteResult.Conflict c -> throw ApiException.alreadyExists(type.qualifiedName(), type.group(), name);
        };
    }

    private static String generateName(String base) {
        String trimmed = base.length() > 58 ? base.substring(0, 58) : base;
        var sb = new StringBuilder(trimmed);
        for (int i = 0; i < 5; i++) {
            sb.append(NAME_SUFFIX_ALPHABET[RANDOM.nextInt(NAME_SUFFIX_ALPHABET.length)]);
        }
        return sb.toString();
    }

    // ---- update ---------------------------------------------------------------------------------------------

    /** Which part of the object a write may change. */
    public enum Part {
        /** The main resource: everything but status (for kinds with a status subresource). */
        MAIN,
        /** The status subresource: status only. */
        STATUS,
        /** A server-internal write (pods/binding): any field, without the kind's update rules. */
        SYSTEM
    }

    /**
     * Replaces an object (PUT). A non-empty {@code metadata.resourceVersion} in {@code object} must equal the
     * current one (else 409); an empty one updates unconditionally. {@code track} records managed fields
     * (current, new) and returns the object to write.
     */
    public ObjectNode update(String namespace, String name, ObjectNode object, Part part, boolean dryRun) {
        return update(namespace, name, object, part, dryRun, (current, updated) -> updated);
    }

    public ObjectNode update(String namespace, String name, ObjectNode object, Part part, boolean dryRun,
                             java.util.function.BinaryOperator<ObjectNode> track) {
        String expected = Meta.resourceVersion(object);
        return guaranteedUpdate(namespace, name, current -> {
            if (expected != null && !expected.isEmpty()
                    && !expected.equals(Meta.resourceVersion(current))) {
                throw ApiException.conflict(type.qualifiedName(), type.group(), name);
            }
            return track.apply(current, object.deepCopy());
        }, part, dryRun);
    }

    /**
     * Reads the current object, lets {@code mutate} compute the new one (patch, or PUT's body), applies the update
     * rules and writes it with compare-and-swap, retrying when another writer got there first.
     */
    public ObjectNode guaranteedUpdate(String namespace, String name, UnaryOperator<ObjectNode> mutate, Part part,
                                       boolean dryRun) {
        String key = keys.storageKey(namespace, name);
        for (int attempt = 0; attempt < MAX_CAS_RETRIES; attempt++) {
            KeyValue currentKv = store.get(key).orElseThrow(() -> notFound(name));
            ObjectNode current = reader.apply(currentKv);
            ObjectNode updated = mutate.apply(current.deepCopy());
            checkIdentity(updated, namespace, name);
            prepareUpdate(updated, current, part);
            if (updated.equals(current)) {
                return current; // no-op: Kubernetes does not write (or bump resourceVersion) for unchanged objects
            }
            if (part == Part.MAIN) {
                strategy.beforeWrite(updated, current, dryRun);
            }
            if (dryRun) {
                return updated;
            }
            if (Meta.deletionTimestamp(updated) != null && !Meta.hasFinalizers(updated)
                    && !strategy.deletionBlocked(updated)) {
                var deleted = store.delete(key, currentKv.modRevision());
                if (deleted instanceof WriteResult.Ok ok) {
                    strategy.afterDelete(updated);
                    return withRevision(updated, ok.revision());
                }
                continue;
            }
            var result = store.update(key, encode(updated), currentKv.modRevision(), currentKv.lease());
            if (result instanceof WriteResult.Ok ok) {
                return withRevision(updated, ok.revision());
            }
        }
        throw ApiException.conflict(type.qualifiedName(), type.group(), name);
    }

    private void checkIdentity(ObjectNode updated, String namespace, String name) {
        String bodyName = Meta.name(updated);
        if (bodyName == null || bodyName.isEmpty()) {
            Meta.metadata(updated).put("name", name);
        } else if (!bodyName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + name + ")");
        }
        if (type.namespaced()) {
            String bodyNs = Meta.namespace(updated);
            if (bodyNs != null && !bodyNs.isEmpty() && !bodyNs.equals(namespace)) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace"
                        + " sent on the request");
            }
            Meta.metadata(updated).put("namespace", namespace);
        }
    }

    private void prepareUpdate(ObjectNode updated, ObjectNode current, Part part) {
        ObjectNode meta = Meta.metadata(updated);
        ObjectNode oldMeta = Meta.metadata(current);
        for (String systemField : List.of("uid", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "generation")) {
            copyField(oldMeta, meta, systemField);
        }
        meta.put("resourceVersion", Meta.resourceVersion(current));
        if (part == Part.STATUS) {
            // A status write changes only status: everything else comes from the stored object.
            JsonNode status = updated.get("status");
            updated.removeAll();
            updated.setAll(current.deepCopy());
            if (status == null) {
                updated.remove("status");
            } else {
                updated.set("status", status);
            }
        } else if (part == Part.MAIN) {
            if (type.hasSubresource("status")) {
                copyField(current, updated, "status");
            }
            strategy.prepareForUpdate(updated, current);
            strategy.applyDefaults(updated);
        }
        var errors = new FieldErrors();
        MetadataValidation.validate(updated, type, strategy.nameRule(), errors);
        if (part == Part.MAIN) {
            strategy.validate(updated, errors);
            strategy.validateUpdate(updated, current, errors);
        }
        errors.throwIfAny(type.kind(), type.group(), Meta.name(updated));
        if (strategy.tracksGeneration() && part == Part.MAIN && current.has("spec")
                && !Objects.equals(updated.get("spec"), current.get("spec"))) {
            meta.put("generation", Meta.generation(current) + 1);
        }
    }

    private static void copyField(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }

    // ---- delete ---------------------------------------------------------------------------------------------

    /** The result of a delete: the object, and whether it is gone (false: marked for graceful deletion). */
    public record DeleteResult(ObjectNode object, boolean deleted) {
    }

    public DeleteResult delete(String namespace, String name, DeleteOptions options) {
        String key = keys.storageKey(namespace, name);
        for (int attempt = 0; attempt < MAX_CAS_RETRIES; attempt++) {
            KeyValue currentKv = store.get(key).orElseThrow(() -> notFound(name));
            ObjectNode current = reader.apply(currentKv);
            options.checkPreconditions(current, type, name);
            ObjectNode marked = current.deepCopy();
            ObjectNode meta = Meta.metadata(marked);
            boolean changed = addPropagationFinalizer(meta, options.propagationPolicy());
            long grace = strategy.gracePeriodSeconds(current, options.gracePeriodSeconds());
            boolean alreadyDeleting = Meta.deletionTimestamp(current) != null;
            if (!Meta.hasFinalizers(marked) && grace == 0 && !strategy.deletionBlocked(marked)) {
                if (options.dryRun()) {
                    return new DeleteResult(current, true);
                }
                var result = store.delete(key, currentKv.modRevision());
                if (result instanceof WriteResult.Ok ok) {
                    strategy.afterDelete(current);
                    return new DeleteResult(withRevision(current, ok.revision()), true);
                }
                continue;
            }
            // Graceful: mark the object and let finalizers (or the kubelet, for pods) finish the deletion.
            if (!alreadyDeleting) {
                meta.put("deletionTimestamp", clock.instant().plusSeconds(grace).truncatedTo(ChronoUnit.SECONDS)
                        .toString());
                meta.put("deletionGracePeriodSeconds", grace);
                strategy.prepareForDelete(marked);
                changed = true;
            } else if (grace < meta.path("deletionGracePeriodSeconds").asLong(Long.MAX_VALUE)) {
                meta.put("deletionGracePeriodSeconds", grace);
                changed = true;
            }
            if (!changed || options.dryRun()) {
                return new DeleteResult(current, false);
            }
            var result = store.update(key, encode(marked), currentKv.modRevision(), currentKv.lease());
            if (result instanceof WriteResult.Ok ok) {
                return new DeleteResult(withRevision(marked, ok.revision()), false);
            }
        }
        throw ApiException.conflict(type.qualifiedName(), type.group(), name);
    }

    private static boolean addPropagationFinalizer(ObjectNode meta, String policy) {
        String finalizer = switch (policy == null ? "" : policy) {
            case "Orphan" -> "orphan";
            case "Foreground" -> "foregroundDeletion";
            default -> null;
        };
        if (finalizer == null) {
            return false;
        }
        ArrayNode finalizers = meta.has("finalizers") && meta.get("finalizers").isArray()
                ? (ArrayNode) meta.get("finalizers") : meta.putArray("finalizers");
        for (JsonNode f : finalizers) {
            if (f.asString().equals(finalizer)) {
                return false;
            }
        }
        finalizers.add(finalizer);
        return true;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private byte[] encode(ObjectNode object) {
        return ObjectCodec.encode(conversion.toStored(object));
    }

    private ObjectNode withRevision(ObjectNode object, long revision) {
        Meta.setResourceVersion(object, revision);
        return object;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private ApiException notFound(String name) {
        return ApiException.notFound(type.qualifiedName(), type.group(), name);
    }

    private ApiException tooLarge(long rv) {
        return ApiException.timeout("Timeout: Too large resource version: " + rv + ", current: "
                + store.currentRevision(), new ApiException.Cause("ResourceVersionTooLarge",
                "Too large resource version", ""));
    }
}
