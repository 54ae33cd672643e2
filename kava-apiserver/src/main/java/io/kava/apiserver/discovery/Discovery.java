package io.kava.apiserver.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery documents clients read to learn what the server serves: legacy ({@code /api}, {@code /apis},
 * {@code /api/v1}, {@code /apis/{group}/{version}}) and aggregated ({@code apidiscovery.k8s.io} v2 and v2beta1).
 * Built from the {@link ResourceRegistry} on demand; cheap enough, and always current after CRD changes.
 */
public final class Discovery {

    /** Subresources and the kind/verbs discovery reports for them. */
    private record Sub(String group, String version, String kind, List<String> verbs) {
    }

    private final ResourceRegistry registry;

    public Discovery(ResourceRegistry registry) {
        this.registry = registry;
    }

    public ObjectNode apiVersions(String serverAddress) {
        ObjectNode doc = Json.object().put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return doc;
    }

    public ObjectNode apiGroupList() {
        ObjectNode doc = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        for (String group : registry.groups()) {
            if (!group.isEmpty()) {
                groups.add(apiGroup(group));
            }
        }
        return doc;
    }

    /** {@code GET /apis/{group}}; null when the group is unknown. */
    public ObjectNode apiGroup(String group) {
        List<String> versions = registry.versions(group);
        if (versions.isEmpty()) {
            return null;
        }
        ObjectNode doc = Json.object().put("kind", "APIGroup").put("apiVersion", "v1").put("name", group);
        ArrayNode list = doc.putArray("versions");
        for (String version : versions) {
            list.addObject().put("groupVersion", group + "/" + version).put("version", version);
        }
        doc.putObject("preferredVersion").put("groupVersion", group + "/" + versions.getFirst())
                .put("version", versions.getFirst());
        return doc;
    }

    /** {@code GET /api/v1} or {@code /apis/{group}/{version}}; null when unknown. */
    public ObjectNode apiResourceList(String group, String version) {
        List<ResourceType> types = registry.resources(group, version);
        if (types.isEmpty()) {
            return null;
        }
        ObjectNode doc = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode r = resources.addObject();
            r.put("name", type.plural()).put("singularName", type.singular()).put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            strings(r.putArray("verbs"), type.verbs());
            if (!type.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), type.shortNames());
            }
            if (!type.categories().isEmpty()) {
                strings(r.putArray("categories"), type.categories());
            }
            r.put("storageVersionHash", storageVersionHash(type));
            for (String name : type.subresources().stream().sorted().toList()) {
                Sub sub = subresource(type, name);
                ObjectNode s = resources.addObject();
                s.put("name", type.plural() + "/" + name).put("singularName", "").put("namespaced", type.namespaced());
                if (!sub.group().equals(type.group()) || !sub.version().equals(type.version())) {
                    s.put("group", sub.group()).put("version", sub.version());
                }
                s.put("kind", sub.kind());
                strings(s.putArray("verbs"), sub.verbs());
            }
        }
        return doc;
    }

    /** The aggregated document for {@code /api} (core) or {@code /apis} (every other group). */
    public ObjectNode aggregated(boolean core, String discoveryVersion) {
        ObjectNode doc = Json.object().put("kind", "APIGroupDiscoveryList")
                .put("apiVersion", "apidiscovery.k8s.io/" + discoveryVersion);
        doc.putObject("metadata");
        ArrayNode items = doc.putArray("items");
        for (String group : registry.groups()) {
            if (group.isEmpty() != core) {
                continue;
            }
            ObjectNode item = items.addObject();
            ObjectNode meta = item.putObject("metadata");
            if (!group.isEmpty()) {
                meta.put("name", group);
            }
            ArrayNode versions = item.putArray("versions");
            for (String version : registry.versions(group)) {
                ObjectNode v = versions.addObject().put("version", version);
                ArrayNode resources = v.putArray("resources");
                for (ResourceType type : registry.resources(group, version)) {
                    ObjectNode r = resources.addObject();
                    r.put("resource", type.plural());
                    r.putObject("responseKind").put("group", group).put("version", version).put("kind", type.kind());
                    r.put("scope", type.namespaced() ? "Namespaced" : "Cluster");
                    r.put("singularResource", type.singular());
                    strings(r.putArray("verbs"), type.verbs());
                    if (!type.shortNames().isEmpty()) {
                        strings(r.putArray("shortNames"), type.shortNames());
                    }
                    if (!type.categories().isEmpty()) {
                        strings(r.putArray("categories"), type.categories());
                    }
                    if (!type.subresources().isEmpty()) {
                        ArrayNode subs = r.putArray("subresources");
                        for (String name : type.subresources().stream().sorted().toList()) {
                            Sub sub = subresource(type, name);
                            ObjectNode s = subs.addObject().put("subresource", name);
                            s.putObject("responseKind").put("group", sub.group()).put("version", sub.version())
                                    .put("kind", sub.kind());
                            strings(s.putArray("verbs"), sub.verbs());
                        }
                    }
                }
                v.put("freshness", "Current");
            }
        }
        return doc;
    }

    private static Sub subresource(ResourceType type, String name) {
        return switch (name) {
            case "status" -> new Sub(type.group(), type.version(), type.kind(), List.of("get", "patch", "update"));
            case "scale" -> new Sub("autoscaling", "v1", "Scale", List.of("get", "patch", "update"));
            case "binding" -> new Sub("", "v1", "Binding", List.of("create"));
            case "eviction" -> new Sub("policy", "v1", "Eviction", List.of("create"));
            case "log" -> new Sub("", "v1", "Pod", List.of("get"));
            case "exec" -> new Sub("", "v1", "PodExecOptions", List.of("create", "get"));
            case "attach" -> new Sub("", "v1", "PodAttachOptions", List.of("create", "get"));
            case "portforward" -> new Sub("", "v1", "PodPortForwardOptions", List.of("create", "get"));
            case "proxy" -> new Sub("", "v1", type.kind().equals("Node") ? "NodeProxyOptions" : "ServiceProxyOptions",
                    List.of("create", "delete", "get", "patch", "update"));
            case "token" -> new Sub("authentication.k8s.io", "v1", "TokenRequest", List.of("create"));
            case "finalize" -> new Sub("", "v1", "Namespace", List.of("update"));
            case "approval" -> new Sub(type.group(), type.version(), type.kind(), List.of("get", "patch", "update"));
            case "ephemeralcontainers" -> new Sub("", "v1", "Pod", List.of("get", "patch", "update"));
            default -> new Sub(type.group(), type.version(), type.kind(), List.of("get"));
        };
    }

    private static String storageVersionHash(ResourceType type) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (type.group() + "/" + type.version() + "/" + type.kind()).getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A strong ETag for a discovery document, as the real server sends. */
    public static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
