package io.kava.apiserver.openapi;

import java.util.List;

import io.kava.api.registry.ResourceType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paths of one resource in its group-version document: collection and item paths (plus the all-namespaces list
 * for namespaced kinds) with get/put/post/patch/delete operations, and one path per subresource. Every operation
 * carries {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind}; kubectl finds kinds through the
 * latter (explain, the field-validation probe, client-side apply).
 *
 * <p>Watch paths ({@code /watch/...}, deprecated in Kubernetes) and the proxy-with-path variants are left out.
 */
final class ResourcePaths {

    /** What one subresource is, as discovery reports it: the kind it answers with and its verbs. */
    private record Sub(String group, String version, String kind, List<String> verbs) {
    }

    private final ObjectNode paths;
    private final SchemaCatalog.Collector schemas;
    private final String group;
    private final String version;
    private final String prefix;
    private final String tag;
    private final String gv;

    ResourcePaths(ObjectNode paths, SchemaCatalog.Collector schemas, String group, String version) {
        this.paths = paths;
        this.schemas = schemas;
        this.group = group;
        this.version = version;
        this.prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        this.tag = Operations.tag(group, version);
        this.gv = Operations.groupVersionPart(group, version);
    }

    /** {@code GET /apis/apps/v1/}: the group-version's APIResourceList. */
    void addResourceList() {
        ObjectNode op = Operations.operation(tag, "get available resources", "get" + gv + "APIResources", null,
                null);
        op.remove("x-kubernetes-action");
        Operations.response(op, 200, "OK", schemas.apiResourceList(), Operations.RESPONSE_TYPES);
        Operations.unauthorized(op);
        paths.putObject(prefix + "/").set("get", op);
    }

    void add(ResourceType type, boolean strategicMerge) {
        String kind = schemas.kind(type);
        String list = schemas.list(type);
        String scope = type.namespaced() ? "Namespaced" : "";
        String base = type.namespaced() ? prefix + "/namespaces/{namespace}/" + type.plural()
                : prefix + "/" + type.plural();
        List<String> patchTypes = strategicMerge ? Operations.PATCH_TYPES
                : Operations.PATCH_TYPES.stream().filter(t -> !t.contains("strategic")).toList();

        ObjectNode collection = path(base, type, false);
        ObjectNode listOp = op("list or watch objects of kind " + type.kind(), "list" + gv + scope + type.kind(),
                "list", type.kind());
        Operations.listParameters(listOp);
        Operations.response(listOp, 200, "OK", list, Operations.LIST_RESPONSE_TYPES);
        collection.set("get", finish(listOp));
        ObjectNode create = op("create " + article(type.kind()), "create" + gv + scope + type.kind(), "post",
                type.kind());
        writeBody(create, kind);
        Operations.response(create, 202, "Accepted", kind, Operations.RESPONSE_TYPES);
        collection.set("post", finish(create));
        ObjectNode deleteAll = op("delete collection of " + type.kind(),
                "delete" + gv + "Collection" + scope + type.kind(), "deletecollection", type.kind());
        Operations.deleteCollectionParameters(deleteAll);
        Operations.requestBody(deleteAll, schemas.deleteOptions(), List.of("*/*"), false);
        Operations.response(deleteAll, 200, "OK", schemas.status(), Operations.RESPONSE_TYPES);
        collection.set("delete", finish(deleteAll));

        ObjectNode item = path(base + "/{name}", type, true);
        ObjectNode read = op("read the specified " + type.kind(), "read" + gv + scope + type.kind(), "get",
                type.kind());
        Operations.response(read, 200, "OK", kind, Operations.RESPONSE_TYPES);
        item.set("get", finish(read));
        ObjectNode replace = op("replace the specified " + type.kind(), "replace" + gv + scope + type.kind(), "put",
                type.kind());
        writeBody(replace, kind);
        item.set("put", finish(replace));
        ObjectNode delete = op("delete " + article(type.kind()), "delete" + gv + scope + type.kind(), "delete",
                type.kind());
        Operations.deleteParameters(delete);
        Operations.requestBody(delete, schemas.deleteOptions(), List.of("*/*"), false);
        Operations.response(delete, 200, "OK", kind, Operations.RESPONSE_TYPES);
        Operations.response(delete, 202, "Accepted", kind, Operations.RESPONSE_TYPES);
        item.set("delete", finish(delete));
        item.set("patch", finish(patch("partially update the specified " + type.kind(),
                "patch" + gv + scope + type.kind(), ModelSchemas.gvk(group, version, type.kind()), kind,
                patchTypes)));

        if (type.namespaced()) {
            ObjectNode all = paths.putObject(prefix + "/" + type.plural());
            ObjectNode listAll = op("list or watch objects of kind " + type.kind(),
                    "list" + gv + type.kind() + "ForAllNamespaces", "list", type.kind());
            Operations.listParameters(listAll);
            Operations.response(listAll, 200, "OK", list, Operations.LIST_RESPONSE_TYPES);
            all.set("get", finish(listAll));
        }
        for (String name : type.subresources().stream().sorted().toList()) {
            addSubresource(type, name, base + "/{name}/" + name, scope, patchTypes);
        }
    }

    private void addSubresource(ResourceType type, String name, String path, String scope,
                                List<String> patchTypes) {
        Sub sub = subresource(type, name);
        String kind = schemas.kind(sub.group(), sub.version(), sub.kind());
        ObjectNode item = path(path, type, true);
        String suffix = type.kind() + Operations.capitalize(name);
        String what = name + " of the specified " + type.kind();
        if (List.of("exec", "attach", "portforward", "proxy").contains(name)) {
            for (String verb : sub.verbs()) {
                String method = switch (verb) {
                    case "create" -> "post";
                    case "update" -> "put";
                    default -> verb;
                };
                ObjectNode op = Operations.operation(tag, "connect " + method.toUpperCase(java.util.Locale.ROOT)
                                + " requests to " + name + " of " + type.kind(),
                        "connect" + gv + Operations.capitalize(method) + scope + suffix, "connect",
                        ModelSchemas.gvk(sub.group(), sub.version(), sub.kind()));
                connectParameters(op, name);
                Operations.stringResponse(op, "*/*");
                item.set(method, finish(op));
            }
            return;
        }
        if (name.equals("log")) {
            ObjectNode op = op("read log of the specified Pod", "read" + gv + scope + suffix, "get", type.kind());
            logParameters(op);
            Operations.stringResponse(op, "text/plain");
            item.set("get", finish(op));
            return;
        }
        ObjectNode gvk = ModelSchemas.gvk(sub.group(), sub.version(), sub.kind());
        for (String verb : sub.verbs()) {
            switch (verb) {
                case "get" -> {
                    ObjectNode op = Operations.operation(tag, "read " + what, "read" + gv + scope + suffix, "get",
                            gvk.deepCopy());
                    Operations.response(op, 200, "OK", kind, Operations.RESPONSE_TYPES);
                    item.set("get", finish(op));
                }
                case "update" -> {
                    ObjectNode op = Operations.operation(tag, "replace " + what, "replace" + gv + scope + suffix,
                            "put", gvk.deepCopy());
                    writeBody(op, kind);
                    item.set("put", finish(op));
                }
                case "patch" -> item.set("patch", finish(patch("partially update " + what,
                        "patch" + gv + scope + suffix, gvk.deepCopy(), kind, patchTypes)));
                case "create" -> {
                    ObjectNode op = Operations.operation(tag, "create " + what, "create" + gv + scope + suffix,
                            "post", gvk.deepCopy());
                    writeBody(op, kind);
                    Operations.response(op, 202, "Accepted", kind, Operations.RESPONSE_TYPES);
                    item.set("post", finish(op));
                }
                default -> throw new IllegalStateException("openapi: verb " + verb + " of " + name);
            }
        }
    }

    /** Subresources as Kava's discovery documents them (see {@code Discovery.subresource}). */
    private static Sub subresource(ResourceType type, String name) {
        return switch (name) {
            case "status", "approval" -> new Sub(type.group(), type.version(), type.kind(),
                    List.of("get", "patch", "update"));
            case "scale" -> new Sub("autoscaling", "v1", "Scale", List.of("get", "patch", "update"));
            case "binding" -> new Sub("", "v1", "Binding", List.of("create"));
            case "eviction" -> new Sub("policy", "v1", "Eviction", List.of("create"));
            case "exec" -> new Sub("", "v1", "PodExecOptions", List.of("get", "create"));
            case "attach" -> new Sub("", "v1", "PodAttachOptions", List.of("get", "create"));
            case "portforward" -> new Sub("", "v1", "PodPortForwardOptions", List.of("get", "create"));
            case "proxy" -> new Sub("", "v1", type.kind().equals("Node") ? "NodeProxyOptions" : "ServiceProxyOptions",
                    List.of("get", "create", "update", "patch", "delete"));
            case "token" -> new Sub("authentication.k8s.io", "v1", "TokenRequest", List.of("create"));
            case "finalize" -> new Sub("", "v1", "Namespace", List.of("update"));
            case "ephemeralcontainers" -> new Sub("", "v1", "Pod", List.of("get", "patch", "update"));
            default -> new Sub(type.group(), type.version(), type.kind(), List.of("get"));
        };
    }

    private ObjectNode patch(String description, String operationId, ObjectNode gvk, String kind,
                             List<String> patchTypes) {
        ObjectNode op = Operations.operation(tag, description, operationId, "patch", gvk);
        Operations.patchParameters(op);
        Operations.requestBody(op, schemas.patch(), patchTypes, true);
        Operations.response(op, 200, "OK", kind, Operations.RESPONSE_TYPES);
        Operations.response(op, 201, "Created", kind, Operations.RESPONSE_TYPES);
        return op;
    }

    private void writeBody(ObjectNode op, String kind) {
        Operations.writeParameters(op);
        Operations.requestBody(op, kind, List.of("*/*"), true);
        Operations.response(op, 200, "OK", kind, Operations.RESPONSE_TYPES);
        Operations.response(op, 201, "Created", kind, Operations.RESPONSE_TYPES);
    }

    private ObjectNode op(String description, String operationId, String action, String kind) {
        return Operations.operation(tag, description, operationId, action, ModelSchemas.gvk(group, version, kind));
    }

    private static ObjectNode finish(ObjectNode op) {
        Operations.unauthorized(op);
        return op;
    }

    /** A path item with its path-level parameters: name, namespace, pretty. */
    private ObjectNode path(String path, ResourceType type, boolean named) {
        ObjectNode item = paths.putObject(path);
        ArrayNode params = item.putArray("parameters");
        if (named) {
            params.add(Operations.pathParameter("name", "name of the " + type.kind()));
        }
        if (type.namespaced()) {
            params.add(Operations.pathParameter("namespace", "object name and auth scope, such as for teams and"
                    + " projects"));
        }
        params.add(Operations.pretty());
        return item;
    }

    private static void connectParameters(ObjectNode op, String subresource) {
        switch (subresource) {
            case "exec", "attach" -> {
                if (subresource.equals("exec")) {
                    Operations.queryParameter(op, "command", "Command is the remote command to execute.", "string");
                }
                Operations.queryParameter(op, "container", "The container in which to execute the command.",
                        "string");
                Operations.queryParameter(op, "stderr", "Redirect the standard error stream of the pod.", "boolean");
                Operations.queryParameter(op, "stdin", "Redirect the standard input stream of the pod.", "boolean");
                Operations.queryParameter(op, "stdout", "Redirect the standard output stream of the pod.",
                        "boolean");
                Operations.queryParameter(op, "tty", "TTY if true indicates that a tty will be allocated.",
                        "boolean");
            }
            case "portforward" -> Operations.queryParameter(op, "ports", "List of ports to forward.", "integer");
            case "proxy" -> Operations.queryParameter(op, "path", "Path is the URL path to use for the proxy"
                    + " request.", "string");
            default -> {
            }
        }
    }

    private static void logParameters(ObjectNode op) {
        Operations.queryParameter(op, "container", "The container for which to stream logs.", "string");
        Operations.queryParameter(op, "follow", "Follow the log stream of the pod.", "boolean");
        Operations.queryParameter(op, "insecureSkipTLSVerifyBackend", "insecureSkipTLSVerifyBackend indicates that"
                + " the apiserver should not confirm the validity of the serving certificate of the backend.",
                "boolean");
        Operations.queryParameter(op, "limitBytes", "If set, the number of bytes to read from the server before"
                + " terminating the log output.", "integer");
        Operations.queryParameter(op, "previous", "Return previous terminated container logs.", "boolean");
        Operations.queryParameter(op, "sinceSeconds", "A relative time in seconds before the current time from which"
                + " to show logs.", "integer");
        Operations.queryParameter(op, "stream", "Specify which container log stream to return to the client.",
                "string");
        Operations.queryParameter(op, "tailLines", "If set, the number of lines from the end of the logs to show.",
                "integer");
        Operations.queryParameter(op, "timestamps", "If true, add an RFC3339 timestamp at the beginning of every line"
                + " of log output.", "boolean");
    }

    private static String article(String kind) {
        return ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
