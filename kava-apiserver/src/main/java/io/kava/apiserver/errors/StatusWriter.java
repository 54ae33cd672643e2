package io.kava.apiserver.errors;

import io.kava.api.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Renders {@link ApiException}s and successes as {@code metav1.Status} objects. */
public final class StatusWriter {

    private StatusWriter() {
    }

    public static ObjectNode failure(ApiException e) {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", e.getMessage());
        if (e.reason() != null && !e.reason().isEmpty()) {
            status.put("reason", e.reason());
        }
        var details = e.details();
        if (details != null) {
            ObjectNode d = status.putObject("details");
            if (details.name() != null) {
                d.put("name", details.name());
            }
            if (details.group() != null) {
                d.put("group", details.group());
            }
            if (details.kind() != null) {
                d.put("kind", details.kind());
            }
            if (!details.causes().isEmpty()) {
                var causes = d.putArray("causes");
                for (var cause : details.causes()) {
                    ObjectNode c = causes.addObject();
                    c.put("reason", cause.reason()).put("message", cause.message());
                    if (cause.field() != null) {
                        c.put("field", cause.field());
                    }
                }
            }
            if (details.retryAfterSeconds() != null) {
                d.put("retryAfterSeconds", details.retryAfterSeconds());
            }
        }
        status.put("code", e.code());
        return status;
    }

    public static ObjectNode success(int code) {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        status.put("code", code);
        return status;
    }
}
