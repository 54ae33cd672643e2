package io.kava.apiserver.http;

import java.util.List;
import java.util.stream.Collectors;

import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side field validation ({@code ?fieldValidation=Strict|Warn|Ignore}, default Warn): unknown fields are
 * always dropped, as Kubernetes' decoder drops them; Strict turns them into a 400, Warn into {@code Warning}
 * headers.
 */
public final class FieldValidation {

    /** Finds and removes the fields a kind's schema does not have; returns their paths. */
    public interface Pruner {
        List<String> prune(ResourceType type, ObjectNode object);
    }

    private final Pruner pruner;

    FieldValidation(Pruner pruner) {
        this.pruner = pruner;
    }

    void apply(Exchange exchange, ResourceType type, ObjectNode object) {
        String directive = exchange.query("fieldValidation");
        if (directive == null || directive.isEmpty()) {
            directive = "Warn";
        }
        if (!directive.equals("Strict") && !directive.equals("Warn") && !directive.equals("Ignore")) {
            throw ApiException.badRequest("fieldValidation: Unsupported value: \"" + directive
                    + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
        }
        List<String> unknown = pruner.prune(type, object);
        if (unknown.isEmpty() || directive.equals("Ignore")) {
            return;
        }
        if (directive.equals("Strict")) {
            throw ApiException.badRequest("strict decoding error: " + unknown.stream()
                    .map(f -> "unknown field \"" + f + "\"").collect(Collectors.joining(", ")));
        }
        unknown.forEach(f -> exchange.warn("unknown field \"" + f + "\""));
    }
}
