package io.kava.apiserver.http;

/**
 * What a resource request asks for, parsed from its method, path and query (like Kubernetes'
 * {@code RequestInfoFactory}): {@code GET /apis/apps/v1/namespaces/ns/deployments/web/scale} is verb {@code get} on
 * {@code apps/v1 deployments}, namespace {@code ns}, name {@code web}, subresource {@code scale}.
 *
 * @param verb        get, list, watch, create, update, patch, delete or deletecollection
 * @param group       "" for the core group
 * @param version     API version
 * @param namespace   null for cluster-wide requests
 * @param resource    the plural resource name
 * @param name        null for collection requests
 * @param subresource null unless the path has one
 */
public record RequestInfo(String verb, String group, String version, String namespace, String resource, String name,
                          String subresource) {

    private static final java.util.Set<String> NAMESPACE_SUBRESOURCES = java.util.Set.of("status", "finalize");

    /**
     * Parses a resource path. Returns null when the path is not a resource path (discovery documents and other
     * non-resource URLs).
     */
    public static RequestInfo parse(String method, String path, boolean watchParam) {
        String[] parts = split(path);
        int i;
        String group;
        String version;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            i = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            i = 3;
        } else {
            return null;
        }
        boolean watchPath = false;
        if (parts[i].equals("watch")) {
            // Deprecated /api/v1/watch/... form: same as ?watch=true.
            watchPath = true;
            i++;
            if (i >= parts.length) {
                return null;
            }
        }
        String namespace = null;
        String resource;
        String name = null;
        String sub = null;
        // namespaces/{ns}/{resource}... scopes a request to a namespace, except namespaces/{ns}/status|finalize,
        // which are subresources of the Namespace object itself.
        if (parts[i].equals("namespaces") && parts.length - i >= 3
                && !NAMESPACE_SUBRESOURCES.contains(parts[i + 2])) {
            namespace = parts[i + 1];
            resource = parts[i + 2];
            i += 3;
        } else {
            resource = parts[i];
            i++;
        }
        if (i < parts.length) {
            name = parts[i++];
        }
        if (i < parts.length) {
            sub = parts[i++];
        }
        if (i < parts.length) {
            return null;
        }
        boolean watch = watchPath || watchParam;
        String verb = switch (method) {
            case "GET", "HEAD" -> name == null ? (watch ? "watch" : "list") : (watch ? "watch" : "get");
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
        return new RequestInfo(verb, group, version, namespace, resource, name, sub);
    }

    private static String[] split(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
