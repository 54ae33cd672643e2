package io.kava.apiserver.rest;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * metav1.DeleteOptions, from the request body and/or query parameters.
 *
 * @param gracePeriodSeconds null when unset
 * @param propagationPolicy  Orphan, Background, Foreground or null
 */
public record DeleteOptions(Long gracePeriodSeconds, String preconditionUid, String preconditionResourceVersion,
                            String propagationPolicy, boolean dryRun) {

    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null, false);

    public static DeleteOptions from(JsonNode body, java.util.function.Function<String, String> query,
                                     boolean dryRun) {
        Long grace = null;
        String uid = null;
        String rv = null;
        String policy = null;
        if (body != null && body.isObject()) {
            if (body.hasNonNull("gracePeriodSeconds")) {
                grace = body.get("gracePeriodSeconds").asLong();
            }
            JsonNode pre = body.path("preconditions");
            uid = pre.hasNonNull("uid") ? pre.get("uid").asString() : null;
            rv = pre.hasNonNull("resourceVersion") ? pre.get("resourceVersion").asString() : null;
            if (body.hasNonNull("propagationPolicy")) {
                policy = body.get("propagationPolicy").asString();
            } else if (body.hasNonNull("orphanDependents")) {
                policy = body.get("orphanDependents").asBoolean() ? "Orphan" : "Background";
            }
            if (body.path("dryRun").isArray() && !body.get("dryRun").isEmpty()) {
                dryRun = true;
            }
        }
        String qGrace = query.apply("gracePeriodSeconds");
        if (qGrace != null && !qGrace.isEmpty()) {
            try {
                grace = Long.parseLong(qGrace);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid value for gracePeriodSeconds: \"" + qGrace + "\"");
            }
        }
        String qPolicy = query.apply("propagationPolicy");
        if (qPolicy != null && !qPolicy.isEmpty()) {
            policy = qPolicy;
        }
        if (policy != null && !policy.equals("Orphan") && !policy.equals("Background")
                && !policy.equals("Foreground")) {
            throw ApiException.invalid("DeleteOptions", "meta.k8s.io", "", java.util.List.of(
                    new ApiException.Cause("FieldValueNotSupported", "Unsupported value: \"" + policy
                            + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"",
                            "propagationPolicy")));
        }
        if (grace != null && grace < 0) {
            grace = 0L;
        }
        return new DeleteOptions(grace, uid, rv, policy, dryRun);
    }

    void checkPreconditions(ObjectNode current, ResourceType type, String name) {
        if (preconditionUid != null && !preconditionUid.equals(Meta.uid(current))) {
            throw ApiException.conflict(type.qualifiedName(), type.group(), name,
                    "Precondition failed: UID in precondition: " + preconditionUid + ", UID in object meta: "
                            + Meta.uid(current));
        }
        if (preconditionResourceVersion != null
                && !preconditionResourceVersion.equals(Meta.resourceVersion(current))) {
            throw ApiException.conflict(type.qualifiedName(), type.group(), name,
                    "Precondition failed: ResourceVersion in precondition: " + preconditionResourceVersion
                            + ", ResourceVersion in object meta: " + Meta.resourceVersion(current));
        }
    }
}
