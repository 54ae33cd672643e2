package io.kava.apiserver.errors;

import java.util.List;

/**
 * An error answered to the client as a {@code metav1.Status} with the HTTP code and reason Kubernetes uses. Every
 * failure that reaches the HTTP layer is either one of these or is turned into an InternalError by it.
 *
 * @see <a href="https://github.com/kubernetes/apimachinery/blob/master/pkg/api/errors/errors.go">errors.go</a>
 */
public final class ApiException extends RuntimeException {

    /** One field-level cause ({@code reason} is for example {@code FieldValueRequired}). */
    public record Cause(String reason, String message, String field) {
    }

    /** {@code details} of a Status: the object the error is about. */
    public record Details(String name, String group, String kind, List<Cause> causes, Integer retryAfterSeconds) {
        public static Details of(String name, String group, String kind) {
            return new Details(name, group, kind, List.of(), null);
        }
    }

    private final int code;
    private final String reason;
    private final Details details;

    public ApiException(int code, String reason, String message, Details details) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    public int code() {
        return code;
    }

    /** The machine-readable reason ({@code NotFound}); empty for a plain failure. */
    public String reason() {
        return reason;
    }

    public Details details() {
        return details;
    }

    public static ApiException notFound(String qualifiedResource, String group, String name) {
        return new ApiException(404, "NotFound", qualifiedResource + " \"" + name + "\" not found",
                Details.of(name, group, plural(qualifiedResource)));
    }

    public static ApiException alreadyExists(String qualifiedResource, String group, String name) {
        return new ApiException(409, "AlreadyExists", qualifiedResource + " \"" + name + "\" already exists",
                Details.of(name, group, plural(qualifiedResource)));
    }

    /** The optimistic-concurrency conflict: the object changed since the client read it. */
    public static ApiException conflict(String qualifiedResource, String group, String name) {
        return conflict(qualifiedResource, group, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    public static ApiException conflict(String qualifiedResource, String group, String name, String why) {
        return new ApiException(409, "Conflict",
                "Operation cannot be fulfilled on " + qualifiedResource + " \"" + name + "\": " + why,
                Details.of(name, group, plural(qualifiedResource)));
    }

    /** 422 with field causes; the message renders them as Kubernetes does. */
    public static ApiException invalid(String kind, String group, String name, List<Cause> causes) {
        String rendered = causes.size() == 1 ? render(causes.getFirst())
                : "[" + String.join(", ", causes.stream().map(ApiException::render).toList()) + "]";
        // The message names the qualified kind (Deployment.apps); details carry the bare kind and the group.
        String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
        return new ApiException(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + rendered,
                new Details(name, group, kind, List.copyOf(causes), null));
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message, null);
    }

    public static ApiException methodNotAllowed(String verb, String qualifiedResource) {
        return new ApiException(405, "MethodNotAllowed",
                verb + " is not supported on resources of kind \"" + qualifiedResource + "\"", null);
    }

    public static ApiException notAcceptable(String message) {
        return new ApiException(406, "NotAcceptable", message, null);
    }

    public static ApiException expired(String message) {
        return new ApiException(410, "Expired", message, null);
    }

    public static ApiException gone(String message) {
        return new ApiException(410, "Gone", message, null);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "RequestEntityTooLarge", "Request entity too large: " + message, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "UnsupportedMediaType", message, null);
    }

    public static ApiException forbidden(String qualifiedResource, String name, String why) {
        String subject = name == null || name.isEmpty() ? qualifiedResource : qualifiedResource + " \"" + name + "\"";
        return new ApiException(403, "Forbidden", subject + " is forbidden: " + why, null);
    }

    public static ApiException timeout(String message, Cause cause) {
        return new ApiException(504, "Timeout", message,
                new Details(null, null, null, cause == null ? List.of() : List.of(cause), 1));
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "InternalError", "Internal error occurred: " + message, null);
    }

    public static ApiException serviceUnavailable(String message) {
        return new ApiException(503, "ServiceUnavailable", message, null);
    }

    private static String render(Cause cause) {
        return cause.field() == null || cause.field().isEmpty() ? cause.message()
                : cause.field() + ": " + cause.message();
    }

    /** details.kind of NotFound/AlreadyExists/Conflict is the plural resource without its group. */
    private static String plural(String qualifiedResource) {
        int dot = qualifiedResource.indexOf('.');
        return dot < 0 ? qualifiedResource : qualifiedResource.substring(0, dot);
    }
}
