package io.kava.apiserver.patch;

import java.util.List;

import io.kava.api.apply.ApplyConflictException;
import io.kava.api.apply.Conflict;
import io.kava.api.apply.FieldManager;
import io.kava.api.json.Json;
import io.kava.api.patch.JsonMergePatch;
import io.kava.api.patch.JsonPatch;
import io.kava.api.patch.PatchException;
import io.kava.api.patch.StrategicMergePatch;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.ResourceHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies PATCH requests by Content-Type, as Kubernetes' patch handler does: JSON patch (RFC 6902), JSON merge
 * patch (RFC 7386), strategic merge patch (built-in kinds only; 415 for custom resources) and server-side apply
 * ({@code application/apply-patch+yaml}, with field managers and conflicts).
 */
public final class PatchHandler implements ResourceHandler.Patcher {

    static final String JSON_PATCH = "application/json-patch+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    private final ManagedFieldsTracker tracker;

    public PatchHandler(ManagedFieldsTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public ObjectNode patch(Exchange exchange, ResourceType type, ObjectNode current, byte[] patch,
                            String contentType, boolean subresource) {
        String media = mediaType(contentType);
        boolean apply = media.equals(APPLY_PATCH);
        if (!apply && exchange.query("force") != null) {
            throw ApiException.invalid("PatchOptions", "meta.k8s.io", "", List.of(new ApiException.Cause(
                    "FieldValueForbidden", "Forbidden: may not be specified for non-apply patch", "force")));
        }
        try {
            JsonNode result = switch (media) {
                case JSON_PATCH -> tracked(exchange, type, current, JsonPatch.apply(current, parse(patch)), subresource);
                case MERGE_PATCH ->
                        tracked(exchange, type, current, JsonMergePatch.apply(current, parse(patch)), subresource);
                case STRATEGIC_MERGE_PATCH -> {
                    if (!tracker.isBuiltin(type)) {
                        throw unsupported();
                    }
                    yield tracked(exchange, type, current,
                            StrategicMergePatch.apply(current, parse(patch), tracker.meta(type)), subresource);
                }
                case APPLY_PATCH -> apply(exchange, type, current, patch, subresource);
                default -> throw unsupported();
            };
            if (!(result instanceof ObjectNode object)) {
                throw ApiException.badRequest("the patch result is not a JSON object");
            }
            return object;
        } catch (PatchException e) {
            throw translate(e);
        }
    }

    @Override
    public ObjectNode createFromPatch(Exchange exchange, ResourceType type, String namespace, String name,
                                      byte[] patch, String contentType) {
        if (!mediaType(contentType).equals(APPLY_PATCH)) {
            return null;
        }
        ObjectNode created = apply(exchange, type, null, patch, false);
        if (!name.equals(created.path("metadata").path("name").asString(name))) {
            throw ApiException.badRequest("the name of the object (" + created.path("metadata").path("name")
                    .asString() + ") does not match the name on the URL (" + name + ")");
        }
        return created;
    }

    private ObjectNode apply(Exchange exchange, ResourceType type, ObjectNode live, byte[] patch,
                             boolean subresource) {
        String manager = exchange.query("fieldManager");
        if (manager == null || manager.isEmpty()) {
            throw ApiException.invalid("PatchOptions", "meta.k8s.io", "", List.of(new ApiException.Cause(
                    "FieldValueRequired", "Required value: is required for apply patch", "fieldManager")));
        }
        JsonNode config;
        try {
            config = Json.parseYaml(patch);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("error decoding YAML: " + firstLine(e.getMessage()));
        }
        if (!(config instanceof ObjectNode object)) {
            throw ApiException.badRequest("the apply configuration must be an object");
        }
        String kind = object.path("kind").asString("");
        String apiVersion = object.path("apiVersion").asString("");
        if (!kind.equals(type.kind()) || !apiVersion.equals(type.apiVersion())) {
            throw ApiException.badRequest("the apply configuration's apiVersion/kind (" + apiVersion + "/" + kind
                    + ") does not match the resource (" + type.apiVersion() + "/" + type.kind() + ")");
        }
        boolean force = "true".equals(exchange.query("force"));
        try {
            var result = new FieldManager(tracker.meta(type)).apply(live, object, manager, force,
                    subresource ? "status" : null);
            return result.object();
        } catch (ApplyConflictException e) {
            List<ApiException.Cause> causes = e.conflicts().stream()
                    .map((Conflict c) -> new ApiException.Cause("FieldManagerConflict", c.message(), c.field()))
                    .toList();
            throw new ApiException(409, "Conflict", e.getMessage(), new ApiException.Details(
                    live == null ? null : live.path("metadata").path("name").asString(null), type.group(),
                    type.plural(), causes, null));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (PatchException e) {
            throw translate(e);
        }
    }

    private JsonNode tracked(Exchange exchange, ResourceType type, ObjectNode current, JsonNode patched,
                             boolean subresource) {
        if (!(patched instanceof ObjectNode object)) {
            return patched;
        }
        return tracker.update(exchange, type, current, object, subresource);
    }

    private static JsonNode parse(byte[] patch) {
        try {
            return Json.parse(patch);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + firstLine(e.getMessage()));
        }
    }

    private static ApiException translate(PatchException e) {
        return switch (e.code()) {
            case 400 -> ApiException.badRequest(e.getMessage());
            case 413 -> ApiException.tooLarge(e.getMessage());
            case 422 -> new ApiException(422, "Invalid", e.getMessage(), null);
            default -> ApiException.internal(e.getMessage());
        };
    }

    /** The media type without parameters ({@code ; charset=utf-8}), lower-cased. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    static ApiException unsupported() {
        return ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted"
                + " media types include: application/json-patch+json, application/merge-patch+json,"
                + " application/apply-patch+yaml");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
