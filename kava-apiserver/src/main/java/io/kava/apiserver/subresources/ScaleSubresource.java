package io.kava.apiserver.subresources;

import java.util.List;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.api.patch.JsonMergePatch;
import io.kava.api.patch.JsonPatch;
import io.kava.api.patch.PatchException;
import io.kava.api.registry.ResourceType;
import io.kava.api.selector.LabelSelector;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.RequestInfo;
import io.kava.apiserver.http.ResourceHandler;
import io.kava.apiserver.rest.ResourceStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code scale} subresource: the {@code autoscaling/v1 Scale} view of a workload's replicas (deployments, replicasets,
 * statefulsets, replicationcontrollers, and custom resources with a scale subresource). GET reads it; PUT and PATCH
 * change {@code spec.replicas} of the parent object.
 */
public final class ScaleSubresource implements ResourceHandler.Subresource {

    @Override
    public void handle(Exchange exchange, RequestInfo info, ResourceType type, ResourceStorage storage,
                       boolean dryRun) {
        String ns = type.namespaced() ? info.namespace() : null;
        switch (info.verb()) {
            case "get" -> exchange.sendJson(200, scaleOf(type, storage.get(ns, info.name())));
            case "update", "patch" -> {
                byte[] body = exchange.body();
                String contentType = exchange.contentType();
                ObjectNode result = storage.guaranteedUpdate(ns, info.name(), parent -> {
                    ObjectNode scale = scaleOf(type, parent);
                    ObjectNode wanted = info.verb().equals("update") ? parseObject(body)
                            : patched(scale, body, contentType);
                    String rv = wanted.path("metadata").path("resourceVersion").asString("");
                    if (!rv.isEmpty() && !rv.equals(Meta.resourceVersion(parent))) {
                        throw ApiException.conflict(type.qualifiedName(), type.group(), info.name());
                    }
                    JsonNode replicas = wanted.path("spec").path("replicas");
                    if (!replicas.isIntegralNumber() || replicas.asLong() < 0) {
                        throw ApiException.invalid("Scale", "autoscaling", info.name(), List.of(
                                new ApiException.Cause("FieldValueInvalid", "Invalid value: " + replicas
                                        + ": must be greater than or equal to 0", "spec.replicas")));
                    }
                    specOf(parent).put("replicas", replicas.asInt());
                    return parent;
                }, ResourceStorage.Part.MAIN, dryRun);
                exchange.sendJson(200, scaleOf(type, result));
            }
            default -> throw ApiException.methodNotAllowed(info.verb(), type.qualifiedName() + "/scale");
        }
    }

    /** Builds the Scale object of a workload. */
    static ObjectNode scaleOf(ResourceType type, ObjectNode parent) {
        ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            String value = Meta.text(parent, field);
            if (value != null) {
                meta.put(field, value);
            }
        }
        scale.putObject("spec").put("replicas", parent.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", parent.path("status").path("replicas").asInt(0));
        JsonNode selector = parent.path("spec").path("selector");
        if (selector.isObject()) {
            // ReplicationControllers keep a plain map; apps/v1 kinds a metav1.LabelSelector.
            LabelSelector parsed = type.kind().equals("ReplicationController")
                    ? LabelSelector.fromSet(Meta.labelsOf(selector)) : LabelSelector.fromJson(selector);
            status.put("selector", parsed.toString());
        }
        return scale;
    }

    private static ObjectNode specOf(ObjectNode parent) {
        return parent.has("spec") && parent.get("spec").isObject() ? (ObjectNode) parent.get("spec")
                : parent.putObject("spec");
    }

    private static ObjectNode parseObject(byte[] body) {
        try {
            JsonNode node = Json.parse(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + e.getMessage());
        }
        throw ApiException.badRequest("the body of the request must be a Scale object");
    }

    private static ObjectNode patched(ObjectNode scale, byte[] body, String contentType) {
        String media = contentType.split(";")[0].trim();
        try {
            JsonNode patch = Json.parse(body);
            JsonNode result = switch (media) {
                case "application/json-patch+json" -> JsonPatch.apply(scale, patch);
                // Scale has no lists: a strategic merge patch is a merge patch.
                case "application/merge-patch+json", "application/strategic-merge-patch+json" ->
                        JsonMergePatch.apply(scale, patch);
                default -> throw ApiException.unsupportedMediaType("the body of the request was in an unknown"
                        + " format - accepted media types include: application/json-patch+json,"
                        + " application/merge-patch+json, application/strategic-merge-patch+json");
            };
            if (result instanceof ObjectNode object) {
                return object;
            }
            throw ApiException.badRequest("the patched Scale is not an object");
        } catch (PatchException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + e.getMessage());
        }
    }
}
