package io.kava.apiserver.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives a {@link Strategy} the way the generic storage does (create: uid, prepareForCreate, applyDefaults,
 * validate; update: resourceVersion, prepareForUpdate, applyDefaults, validate, validateUpdate), so strategy tests
 * need no store.
 */
public final class KindsTesting {

    /** A field error as Kubernetes reports it. */
    public record Cause(String reason, String field, String message) {
        static Cause of(ApiException.Cause c) {
            return new Cause(c.reason(), c.field(), c.message());
        }
    }

    private KindsTesting() {
    }

    public static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text);
    }

    /** Runs the create hooks and returns the causes of validation failures (empty when valid). */
    public static List<Cause> createErrors(Strategy strategy, ObjectNode object) {
        ObjectNode meta = Meta.metadata(object);
        if (!meta.has("uid")) {
            meta.put("uid", UUID.randomUUID().toString());
        }
        meta.remove("resourceVersion");
        strategy.prepareForCreate(object);
        strategy.applyDefaults(object);
        var errors = new FieldErrors();
        strategy.validate(object, errors);
        return errors.causes().stream().map(Cause::of).toList();
    }

    /** Runs the create hooks, asserts the object is valid, and returns it. */
    public static ObjectNode create(Strategy strategy, ObjectNode object) {
        assertThat(createErrors(strategy, object)).isEmpty();
        return object;
    }

    /** Runs the update hooks of {@code updated} over {@code old} and returns the causes. */
    public static List<Cause> updateErrors(Strategy strategy, ObjectNode updated, ObjectNode old) {
        ObjectNode meta = Meta.metadata(updated);
        meta.put("uid", Meta.uid(old));
        meta.put("resourceVersion", "7");
        if (old.has("status")) {
            updated.set("status", old.get("status").deepCopy());
        }
        strategy.prepareForUpdate(updated, old);
        strategy.applyDefaults(updated);
        var errors = new FieldErrors();
        strategy.validate(updated, errors);
        strategy.validateUpdate(updated, old, errors);
        return errors.causes().stream().map(Cause::of).toList();
    }

    public static Cause required(String field) {
        return new Cause("FieldValueRequired", field, "Required value");
    }

    public static Cause invalid(String field, String message) {
        return new Cause("FieldValueInvalid", field, message);
    }

    public static Cause notSupported(String field, String message) {
        return new Cause("FieldValueNotSupported", field, message);
    }

    public static Cause forbidden(String field, String message) {
        return new Cause("FieldValueForbidden", field, message);
    }

    public static Cause duplicate(String field, String message) {
        return new Cause("FieldValueDuplicate", field, message);
    }
}
