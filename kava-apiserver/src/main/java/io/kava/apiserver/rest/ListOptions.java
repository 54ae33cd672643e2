package io.kava.apiserver.rest;

import java.util.function.Function;

import io.kava.apiserver.errors.ApiException;

/**
 * The query parameters of list and watch requests (metav1.ListOptions), checked as Kubernetes checks them.
 *
 * @param resourceVersion      null when unset
 * @param resourceVersionMatch null, NotOlderThan or Exact
 * @param limit                0 for no limit
 * @param continueToken        null when unset
 * @param timeoutSeconds       0 when unset
 */
public record ListOptions(String labelSelector, String fieldSelector, String resourceVersion,
                          String resourceVersionMatch, long limit, String continueToken, boolean watch,
                          boolean allowWatchBookmarks, long timeoutSeconds, boolean sendInitialEvents) {

    public static ListOptions parse(Function<String, String> query, boolean watch) {
        String rv = emptyToNull(query.apply("resourceVersion"));
        String match = emptyToNull(query.apply("resourceVersionMatch"));
        String cont = emptyToNull(query.apply("continue"));
        long limit = parseLong("limit", query.apply("limit"));
        long timeout = parseLong("timeoutSeconds", query.apply("timeoutSeconds"));
        boolean initial = Boolean.parseBoolean(query.apply("sendInitialEvents"));
        if (match != null) {
            if (!match.equals("NotOlderThan") && !match.equals("Exact")) {
                throw invalid("resourceVersionMatch", match, "supported values: \"Exact\", \"NotOlderThan\"");
            }
            if (rv == null) {
                throw invalid("resourceVersionMatch", match,
                        "resourceVersionMatch is forbidden unless resourceVersion is provided");
            }
            if (cont != null) {
                throw invalid("resourceVersionMatch", match,
                        "resourceVersionMatch is forbidden when continue is provided");
            }
            if (match.equals("Exact") && rv.equals("0")) {
                throw invalid("resourceVersionMatch", match,
                        "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
            }
        }
        if (initial && !watch) {
            throw invalid("sendInitialEvents", "true", "sendInitialEvents is forbidden for list");
        }
        if (rv != null) {
            parseRevision(rv);
        }
        return new ListOptions(emptyToNull(query.apply("labelSelector")), emptyToNull(query.apply("fieldSelector")),
                rv, match, limit, cont, watch, Boolean.parseBoolean(query.apply("allowWatchBookmarks")), timeout,
                initial);
    }

    /** The resourceVersion as a store revision; 400 when it is not a number. */
    public static long parseRevision(String rv) {
        try {
            long value = Long.parseLong(rv);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version: \"" + rv + "\"");
        }
    }

    public long revision() {
        return resourceVersion == null ? 0 : parseRevision(resourceVersion);
    }

    private static long parseLong(String name, String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid value for " + name + ": \"" + value + "\"");
        }
    }

    private static ApiException invalid(String field, String value, String detail) {
        return ApiException.invalid("ListOptions", "meta.k8s.io", "",
                java.util.List.of(new ApiException.Cause("FieldValueInvalid",
                        "Invalid value: \"" + value + "\": " + detail, field)));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
