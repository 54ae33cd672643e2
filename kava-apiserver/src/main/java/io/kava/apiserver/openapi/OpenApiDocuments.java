package io.kava.apiserver.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import tools.jackson.databind.node.ObjectNode;

/**
 * The serialized OpenAPI documents and their hashes, rebuilt from the registry after it changes. Documents are
 * built lazily: a change only bumps a generation counter, and the next request rebuilds every group-version (the root
 * document lists all their hashes, so they are built together). The Swagger 2.0 document (JSON and protobuf) is
 * built on its first request after a change.
 *
 * <p>Concurrency: readers take the volatile {@link #snapshot} without locking; a rebuild runs under the object's lock.
 * A change that lands during a rebuild leaves the new snapshot stale (its generation is older), so the next reader
 * rebuilds again.
 */
final class OpenApiDocuments {

    /** One serialized document; {@code etag} is the upper-case hex SHA-512 of {@code bytes}. */
    record Document(byte[] bytes, String etag) {
        static Document of(byte[] bytes) {
            return new Document(bytes, hash(bytes));
        }
    }

    /** Everything served at one generation. {@code groupVersions} is keyed by {@code api/v1}, {@code apis/g/v}. */
    private record Snapshot(long generation, Map<String, Document> groupVersions, Document root) {
    }

    private final ResourceRegistry registry;
    private final SchemaCatalog catalog;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;
    private Document swagger; // guarded by this; built from `swaggerOf`
    private Document swaggerProto; // guarded by this; built from `swaggerOf`
    private Snapshot swaggerOf; // guarded by this

    /** Documents of {@code registry}'s resources, rebuilt after it or {@code customSchemas} change. */
    OpenApiDocuments(ResourceRegistry registry, CustomResourceSchemas customSchemas, ModelSchemas models) {
        this.registry = registry;
        this.catalog = new SchemaCatalog(models, customSchemas);
        registry.onChange(this::invalidate);
        customSchemas.onChange(this::invalidate);
    }

    /** Marks every document stale. Cheap: call it from change listeners. */
    void invalidate() {
        generation.incrementAndGet();
    }

    /** {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."}, ...}}}. */
    Document root() {
        return current().root();
    }

    /** The document of {@code api/v1} or {@code apis/<group>/<version>}, or null when no such group-version. */
    Document groupVersion(String path) {
        return current().groupVersions().get(path);
    }

    /** The Swagger 2.0 document of every group-version, as JSON. */
    synchronized Document swagger() {
        buildSwagger();
        return swagger;
    }

    /** The Swagger 2.0 document as gnostic's {@code openapi.v2.Document} protobuf message. */
    synchronized Document swaggerProto() {
        buildSwagger();
        return swaggerProto;
    }

    private void buildSwagger() {
        Snapshot current = current();
        if (swaggerOf != current) {
            var trees = new ArrayList<ObjectNode>();
            for (Document doc : current.groupVersions().values()) {
                trees.add((ObjectNode) Json.parse(doc.bytes()));
            }
            ObjectNode merged = SwaggerV2.merge(trees);
            swagger = Document.of(Json.bytes(merged));
            swaggerProto = Document.of(SwaggerProto.encode(merged));
            swaggerOf = current;
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == generation.get()) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            long wanted = generation.get();
            if (s == null || s.generation() != wanted) {
                s = build(wanted);
                snapshot = s;
            }
            return s;
        }
    }

    private Snapshot build(long at) {
        var documents = new LinkedHashMap<String, Document>();
        ObjectNode root = Json.object();
        ObjectNode paths = root.putObject("paths");
        for (String group : registry.groups()) {
            for (String version : registry.versions(group)) {
                ObjectNode tree = GroupVersionDocument.build(group, version, registry.resources(group, version),
                        catalog);
                Document doc = Document.of(Json.bytes(tree));
                String path = GroupVersionDocument.path(group, version);
                documents.put(path, doc);
                paths.putObject(path).put("serverRelativeURL", serverRelativeUrl(path, doc.etag()));
            }
        }
        return new Snapshot(at, java.util.Collections.unmodifiableMap(documents), Document.of(Json.bytes(root)));
    }

    static String serverRelativeUrl(String path, String etag) {
        return "/openapi/v3/" + path + "?hash=" + etag;
    }

    /** Like kube-openapi's {@code computeETag}: {@code fmt.Sprintf("%X", sha512.Sum512(data))}. */
    static String hash(byte[] data) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
