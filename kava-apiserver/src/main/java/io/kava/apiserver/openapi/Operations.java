package io.kava.apiserver.openapi;

import java.util.List;
import java.util.Locale;

import io.kava.api.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces of OpenAPI operations as kube-apiserver writes them (k8s:staging/src/k8s.io/apiserver/pkg/endpoints/
 * installer.go): operation ids, tags, query parameters per verb and the media types of bodies and answers.
 */
final class Operations {

    /** PATCH bodies Kava accepts; kubectl reads this list to decide between strategic merge and merge patches. */
    static final List<String> PATCH_TYPES = List.of("application/apply-patch+yaml", "application/json-patch+json",
            "application/merge-patch+json", "application/strategic-merge-patch+json");
    static final List<String> RESPONSE_TYPES = List.of("application/json", "application/yaml");
    static final List<String> LIST_RESPONSE_TYPES = List.of("application/json", "application/json;stream=watch",
            "application/yaml");

    private static final String DRY_RUN = "When present, indicates that modifications should not be persisted. An"
            + " invalid or unrecognized dryRun directive will result in an error response and no further processing"
            + " of the request. Valid values are: - All: all dry run stages will be processed";
    private static final String FIELD_MANAGER = "fieldManager is a name associated with the actor or entity that is"
            + " making these changes. The value must be less than or 128 characters long, and only contain printable"
            + " characters, as defined by https://golang.org/pkg/unicode/#IsPrint.";
    private static final String FIELD_VALIDATION = "fieldValidation instructs the server on how to handle objects in"
            + " the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This"
            + " will ignore any unknown fields that are silently dropped from the object, and will ignore all but the"
            + " last duplicate field that the decoder encounters. - Warn: This will send a warning via the standard"
            + " warning response header for each unknown field that is dropped from the object, and for each"
            + " duplicate field that is encountered. - Strict: This will fail the request with a BadRequest error if"
            + " any unknown fields would be dropped from the object, or if any duplicate fields are present. The"
            + " error returned from the server will contain all unknown and duplicate fields encountered.";

    private Operations() {
    }

    /** {@code Core}, {@code Apps}, {@code RbacAuthorization}, {@code StableExampleCom}: the group in operation ids. */
    static String groupPart(String group) {
        if (group.isEmpty()) {
            return "Core";
        }
        String trimmed = group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
        var out = new StringBuilder();
        for (String word : trimmed.split("[.-]")) {
            out.append(capitalize(word));
        }
        return out.toString();
    }

    /** {@code CoreV1}, {@code AppsV1}: operation ids start with the verb and this. */
    static String groupVersionPart(String group, String version) {
        return groupPart(group) + capitalize(version);
    }

    /** {@code core_v1}, {@code rbacAuthorization_v1}. */
    static String tag(String group, String version) {
        String g = groupPart(group);
        return Character.toLowerCase(g.charAt(0)) + g.substring(1) + "_" + version;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A new operation with the fields every one has. */
    static ObjectNode operation(String tag, String description, String operationId, String action,
                               ObjectNode gvk) {
        ObjectNode op = Json.object();
        op.putArray("tags").add(tag);
        op.put("description", description).put("operationId", operationId);
        op.putArray("parameters");
        op.putObject("responses");
        op.put("x-kubernetes-action", action);
        if (gvk != null) {
            op.set("x-kubernetes-group-version-kind", gvk);
        }
        return op;
    }

    static void response(ObjectNode op, int code, String description, String component, List<String> types) {
        ObjectNode response = ((ObjectNode) op.get("responses")).putObject(Integer.toString(code))
                .put("description", description);
        if (component != null) {
            ObjectNode content = response.putObject("content");
            for (String type : types) {
                content.putObject(type).putObject("schema").put("$ref", ComponentNames.ref(component));
            }
        }
    }

    static void unauthorized(ObjectNode op) {
        ((ObjectNode) op.get("responses")).putObject("401").put("description", "Unauthorized");
    }

    /** A plain-text or stream answer (pod logs, connect operations). */
    static void stringResponse(ObjectNode op, String type) {
        ((ObjectNode) op.get("responses")).putObject("200").put("description", "OK").putObject("content")
                .putObject(type).putObject("schema").put("type", "string");
    }

    static void requestBody(ObjectNode op, String component, List<String> types, boolean required) {
        ObjectNode body = op.putObject("requestBody");
        ObjectNode content = body.putObject("content");
        for (String type : types) {
            content.putObject(type).putObject("schema").put("$ref", ComponentNames.ref(component));
        }
        if (required) {
            body.put("required", true);
        }
    }

    /** The query parameters of create and update (POST, PUT). */
    static void writeParameters(ObjectNode op) {
        ArrayNode params = params(op);
        params.add(query("dryRun", DRY_RUN, "string"));
        params.add(query("fieldManager", FIELD_MANAGER, "string"));
        params.add(query("fieldValidation", FIELD_VALIDATION, "string"));
    }

    /**
     * The query parameters of PATCH. kubectl's field-validation probe looks for {@code fieldValidation} among these
     * (operation-level, not path-level) parameters of the PATCH operation of the object's kind.
     */
    static void patchParameters(ObjectNode op) {
        ArrayNode params = params(op);
        params.add(query("dryRun", DRY_RUN, "string"));
        params.add(query("fieldManager", FIELD_MANAGER + " This field is required for apply requests"
                + " (application/apply-patch) but optional for non-apply patch types (JsonPatch, MergePatch,"
                + " StrategicMergePatch).", "string"));
        params.add(query("fieldValidation", FIELD_VALIDATION, "string"));
        params.add(query("force", "Force is going to \"force\" Apply requests. It means user will re-acquire"
                + " conflicting fields owned by other people. Force flag must be unset for non-apply patch"
                + " requests.", "boolean"));
    }

    /** The query parameters of list and watch. */
    static void listParameters(ObjectNode op) {
        ArrayNode params = params(op);
        params.add(query("allowWatchBookmarks", "allowWatchBookmarks requests watch events with type \"BOOKMARK\".",
                "boolean"));
        params.add(query("continue", "The continue option should be set when retrieving more results from the"
                + " server.", "string"));
        selectors(params);
        params.add(query("limit", "limit is a maximum number of responses to return for a list call.", "integer"));
        resourceVersion(params);
        params.add(query("sendInitialEvents", "`sendInitialEvents=true` may be set together with `watch=true`.",
                "boolean"));
        params.add(query("timeoutSeconds", "Timeout for the list/watch call.", "integer"));
        params.add(query("watch", "Watch for changes to the described resources and return them as a stream of add,"
                + " update, and remove notifications.", "boolean"));
    }

    /** The query parameters of delete. */
    static void deleteParameters(ObjectNode op) {
        ArrayNode params = params(op);
        params.add(query("dryRun", DRY_RUN, "string"));
        deleteOptions(params);
    }

    /** The query parameters of deletecollection. */
    static void deleteCollectionParameters(ObjectNode op) {
        ArrayNode params = params(op);
        params.add(query("continue", "The continue option should be set when retrieving more results from the"
                + " server.", "string"));
        params.add(query("dryRun", DRY_RUN, "string"));
        selectors(params);
        deleteOptions(params);
        params.add(query("limit", "limit is a maximum number of responses to return for a list call.", "integer"));
        resourceVersion(params);
        params.add(query("timeoutSeconds", "Timeout for the list/watch call.", "integer"));
    }

    static void queryParameter(ObjectNode op, String name, String description, String type) {
        params(op).add(query(name, description, type));
    }

    static ObjectNode query(String name, String description, String type) {
        ObjectNode param = Json.object().put("name", name).put("in", "query").put("description", description);
        param.putObject("schema").put("type", type).put("uniqueItems", true);
        return param;
    }

    static ObjectNode pathParameter(String name, String description) {
        ObjectNode param = Json.object().put("name", name).put("in", "path").put("description", description)
                .put("required", true);
        param.putObject("schema").put("type", "string").put("uniqueItems", true);
        return param;
    }

    static ObjectNode pretty() {
        return query("pretty", "If 'true', then the output is pretty printed. Defaults to 'false' unless the"
                + " user-agent indicates a browser or command-line HTTP tool (curl and wget).", "string");
    }

    private static void selectors(ArrayNode params) {
        params.add(query("fieldSelector", "A selector to restrict the list of returned objects by their fields."
                + " Defaults to everything.", "string"));
        params.add(query("labelSelector", "A selector to restrict the list of returned objects by their labels."
                + " Defaults to everything.", "string"));
    }

    private static void resourceVersion(ArrayNode params) {
        params.add(query("resourceVersion", "resourceVersion sets a constraint on what resource versions a request"
                + " may be served from.", "string"));
        params.add(query("resourceVersionMatch", "resourceVersionMatch determines how resourceVersion is applied to"
                + " list calls.", "string"));
    }

    private static void deleteOptions(ArrayNode params) {
        params.add(query("gracePeriodSeconds", "The duration in seconds before the object should be deleted.",
                "integer"));
        params.add(query("ignoreStoreReadErrorWithClusterBreakingPotential", "if set to true, it will trigger an"
                + " unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object"
                + " error.", "boolean"));
        params.add(query("orphanDependents", "Deprecated: please use the PropagationPolicy, this field will be"
                + " deprecated in 1.7.", "boolean"));
        params.add(query("propagationPolicy", "Whether and how garbage collection will be performed. Acceptable"
                + " values are: 'Orphan', 'Background', 'Foreground'.", "string"));
    }

    private static ArrayNode params(ObjectNode op) {
        return (ArrayNode) op.get("parameters");
    }
}
