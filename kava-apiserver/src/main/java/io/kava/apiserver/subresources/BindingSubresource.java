package io.kava.apiserver.subresources;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.StatusWriter;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.RequestInfo;
import io.kava.apiserver.http.ResourceHandler;
import io.kava.apiserver.rest.ResourceStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST pods/{name}/binding}: assigns a pod to a node (what the scheduler does). A pod already bound is a
 * 409 Conflict; the answer to success is a 201 Success Status.
 */
public final class BindingSubresource implements ResourceHandler.Subresource {

    @Override
    public void handle(Exchange exchange, RequestInfo info, ResourceType type, ResourceStorage storage,
                       boolean dryRun) {
        if (!info.verb().equals("create")) {
            throw ApiException.methodNotAllowed(info.verb(), "pods/binding");
        }
        JsonNode body = exchange.bodyTree();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body of the request must be a Binding");
        }
        String bodyName = body.path("metadata").path("name").asString("");
        if (!bodyName.isEmpty() && !bodyName.equals(info.name())) {
            throw ApiException.badRequest("name in the binding (" + bodyName + ") does not match the pod name ("
                    + info.name() + ")");
        }
        String node = body.path("target").path("name").asString("");
        if (node.isEmpty()) {
            throw ApiException.invalid("Binding", "", info.name(), java.util.List.of(
                    new ApiException.Cause("FieldValueRequired", "Required value", "target.name")));
        }
        storage.guaranteedUpdate(info.namespace(), info.name(), pod -> {
            if (Meta.deletionTimestamp(pod) != null) {
                throw ApiException.conflict("pods/binding", "", info.name(), "pod " + info.name()
                        + " is being deleted, cannot be assigned to a host");
            }
            ObjectNode spec = pod.has("spec") && pod.get("spec").isObject() ? (ObjectNode) pod.get("spec")
                    : pod.putObject("spec");
            String current = spec.path("nodeName").asString("");
            if (!current.isEmpty()) {
                throw ApiException.conflict("pods/binding", "", info.name(), "pod " + info.name()
                        + " is already assigned to node \"" + current + "\"");
            }
            spec.put("nodeName", node);
            PodConditions.set(pod, "PodScheduled", "True", null, null);
            return pod;
        }, ResourceStorage.Part.SYSTEM, dryRun);
        exchange.sendJson(201, StatusWriter.success(201));
    }
}
