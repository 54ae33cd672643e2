package io.kava.apiserver.patch;

import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.ResourceHandler;
import tools.jackson.databind.node.ObjectNode;

/** Applies PATCH requests by Content-Type: JSON patch, merge patch, strategic merge patch, server-side apply. */
public final class PatchHandler implements ResourceHandler.Patcher {

    @Override
    public ObjectNode patch(Exchange exchange, ResourceType type, ObjectNode current, byte[] patch,
                            String contentType, boolean subresource) {
        throw unsupported(contentType);
    }

    @Override
    public ObjectNode createFromPatch(Exchange exchange, ResourceType type, String namespace, String name,
                                      byte[] patch, String contentType) {
        return null;
    }

    static ApiException unsupported(String contentType) {
        return ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted"
                + " media types include: application/json-patch+json, application/merge-patch+json,"
                + " application/strategic-merge-patch+json, application/apply-patch+yaml");
    }
}
