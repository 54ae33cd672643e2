package io.kava.apiserver.kinds.validation;

import java.util.Map;

import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.FieldErrors;
import tools.jackson.databind.JsonNode;

/** Small validation steps many kinds share, each adding Kubernetes' field error to {@code errors}. */
public final class Checks {

    /** apimachinery {@code IsNegativeErrorMsg}. */
    public static final String NEGATIVE = "must be greater than or equal to 0";
    /** apimachinery {@code FieldImmutableErrorMsg}. */
    public static final String IMMUTABLE = "field is immutable";

    private Checks() {
    }

    /** {@code ValidateNonnegativeField} for an optional number. */
    public static void nonNegative(JsonNode parent, String field, String path, FieldErrors errors) {
        Long value = Trees.number(parent, field);
        if (value != null && value < 0) {
            errors.invalid(path, value, NEGATIVE);
        }
    }

    /** {@code ValidateLabels}: every key a qualified name, every value a label value. */
    public static void labels(Map<String, String> labels, String path, FieldErrors errors) {
        for (var e : labels.entrySet()) {
            for (String msg : Names.qualifiedName(e.getKey())) {
                errors.invalid(path, e.getKey(), msg);
            }
            for (String msg : Names.labelValue(e.getValue())) {
                errors.invalid(path, e.getValue(), msg);
            }
        }
    }

    /** {@code field.NotFound}. */
    public static void notFound(FieldErrors errors, String path, String value) {
        errors.add("FieldValueNotFound", "Not found: " + GoValues.quote(value), path);
    }

    /** {@code field.Duplicate} with a value rendered in Go syntax. */
    public static void duplicate(FieldErrors errors, String path, Object value) {
        errors.duplicate(path, value);
    }

    /** Runs defaulting that parses quantities, turning a malformed one into {@link #cannotDecode}'s 400. */
    public static void decoding(JsonNode object, Runnable defaults) {
        try {
            defaults.run();
        } catch (Quantity.ParseException e) {
            throw cannotDecode(object, e.getMessage());
        }
    }

    /**
     * The 400 a Kubernetes API server answers when a body cannot be decoded into its type, for example a quantity that
     * does not parse: {@code Pod in version "v1" cannot be handled as a Pod: <why>}.
     */
    public static ApiException cannotDecode(JsonNode object, String why) {
        String kind = Trees.textOrEmpty(object, "kind");
        String apiVersion = Trees.textOrEmpty(object, "apiVersion");
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        return ApiException.badRequest(kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": "
                + why);
    }
}
