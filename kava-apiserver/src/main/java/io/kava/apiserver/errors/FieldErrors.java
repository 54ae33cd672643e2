package io.kava.apiserver.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field validation errors with Kubernetes' reasons and message bodies
 * (apimachinery {@code pkg/util/validation/field/errors.go}), then throws one 422 Invalid for all of them.
 */
public final class FieldErrors {

    private final List<ApiException.Cause> causes = new ArrayList<>();

    public FieldErrors required(String field) {
        return add("FieldValueRequired", "Required value", field);
    }

    public FieldErrors required(String field, String detail) {
        return add("FieldValueRequired", "Required value: " + detail, field);
    }

    public FieldErrors invalid(String field, Object value, String detail) {
        return add("FieldValueInvalid", "Invalid value: " + quote(value) + ": " + detail, field);
    }

    public FieldErrors notSupported(String field, Object value, List<String> supported) {
        var quoted = supported.stream().map(s -> "\"" + s + "\"").toList();
        return add("FieldValueNotSupported",
                "Unsupported value: " + quote(value) + ": supported values: " + String.join(", ", quoted), field);
    }

    public FieldErrors duplicate(String field, Object value) {
        return add("FieldValueDuplicate", "Duplicate value: " + quote(value), field);
    }

    public FieldErrors forbidden(String field, String detail) {
        return add("FieldValueForbidden", "Forbidden: " + detail, field);
    }

    public FieldErrors tooLong(String field, int max) {
        return add("FieldValueTooLong", "Too long: may not be more than " + max + " bytes", field);
    }

    public FieldErrors immutable(String field) {
        return add("FieldValueInvalid", "Invalid value: field is immutable", field);
    }

    public FieldErrors add(String reason, String message, String field) {
        causes.add(new ApiException.Cause(reason, message, field));
        return this;
    }

    public FieldErrors addAll(FieldErrors other) {
        causes.addAll(other.causes);
        return this;
    }

    public boolean isEmpty() {
        return causes.isEmpty();
    }

    public List<ApiException.Cause> causes() {
        return List.copyOf(causes);
    }

    /** Throws 422 Invalid naming the object when any error was collected. */
    public void throwIfAny(String kind, String group, String name) {
        if (!causes.isEmpty()) {
            throw ApiException.invalid(kind, group, name == null ? "" : name, causes);
        }
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
