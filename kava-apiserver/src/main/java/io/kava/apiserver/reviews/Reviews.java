package io.kava.apiserver.reviews;

import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The create-only review resources (authorization.k8s.io access reviews, authentication.k8s.io self-subject and
 * token reviews): computed answers, never stored.
 *
 * <p>Until authentication and authorization land (the security issue), the server behaves like kube-apiserver
 * with {@code --authorization-mode=AlwaysAllow} and no authenticators: every access review is allowed, every
 * caller is {@code system:anonymous}, and token reviews report that token authentication is not configured. The
 * answers say so in their {@code reason}, so {@code kubectl auth can-i} and {@code auth whoami} tell the truth.
 */
public final class Reviews {

    private static final String ALWAYS_ALLOW = "no authorization is configured yet: every request is allowed";

    private Reviews() {
    }

    /** Fills {@code status} of a review; 400 for a kind that is not a review. */
    public static ObjectNode answer(ResourceType type, ObjectNode review) {
        ObjectNode status = review.putObject("status");
        switch (type.kind()) {
            case "SelfSubjectAccessReview", "SubjectAccessReview", "LocalSubjectAccessReview" -> {
                if (!review.path("spec").has("resourceAttributes") && !review.path("spec")
                        .has("nonResourceAttributes")) {
                    throw ApiException.invalid(type.kind(), type.group(), "", java.util.List.of(
                            new ApiException.Cause("FieldValueRequired", "Required value: exactly one of"
                                    + " nonResourceAttributes or resourceAttributes must be specified",
                                    "spec.resourceAttributes")));
                }
                status.put("allowed", true).put("reason", ALWAYS_ALLOW);
            }
            case "SelfSubjectRulesReview" -> {
                var rule = status.putArray("resourceRules").addObject();
                rule.putArray("verbs").add("*");
                rule.putArray("apiGroups").add("*");
                rule.putArray("resources").add("*");
                var nonResource = status.putArray("nonResourceRules").addObject();
                nonResource.putArray("verbs").add("*");
                nonResource.putArray("nonResourceURLs").add("*");
                status.put("incomplete", false);
            }
            case "SelfSubjectReview" -> {
                ObjectNode user = status.putObject("userInfo").put("username", "system:anonymous");
                user.putArray("groups").add("system:unauthenticated");
            }
            case "TokenReview" -> status.put("authenticated", false)
                    .put("error", "token authentication is not configured yet");
            default -> throw ApiException.badRequest(type.kind() + " is not a review");
        }
        return review;
    }
}
