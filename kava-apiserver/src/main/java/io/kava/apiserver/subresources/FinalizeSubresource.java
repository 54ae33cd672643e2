package io.kava.apiserver.subresources;

import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.RequestInfo;
import io.kava.apiserver.http.ResourceHandler;
import io.kava.apiserver.rest.ResourceStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PUT namespaces/{name}/finalize}: replaces {@code spec.finalizers} (the namespace controller removes
 * {@code kubernetes} once the namespace is empty; the namespace is then deleted).
 */
public final class FinalizeSubresource implements ResourceHandler.Subresource {

    @Override
    public void handle(Exchange exchange, RequestInfo info, ResourceType type, ResourceStorage storage,
                       boolean dryRun) {
        if (!info.verb().equals("update")) {
            throw ApiException.methodNotAllowed(info.verb(), "namespaces/finalize");
        }
        JsonNode body = exchange.bodyTree();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body of the request must be a Namespace");
        }
        JsonNode finalizers = body.path("spec").path("finalizers");
        ObjectNode result = storage.guaranteedUpdate(null, info.name(), ns -> {
            ObjectNode spec = ns.has("spec") && ns.get("spec").isObject() ? (ObjectNode) ns.get("spec")
                    : ns.putObject("spec");
            if (finalizers.isArray()) {
                spec.set("finalizers", finalizers.deepCopy());
            } else {
                spec.remove("finalizers");
            }
            return ns;
        }, ResourceStorage.Part.SYSTEM, dryRun);
        exchange.sendJson(200, result);
    }
}
