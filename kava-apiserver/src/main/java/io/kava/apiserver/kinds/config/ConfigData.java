package io.kava.apiserver.kinds.config;

import java.util.Base64;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;

/** Rules ConfigMaps and Secrets share: key syntax, base64 payloads, the 1 MiB limit and {@code immutable}. */
final class ConfigData {

    /** {@code core.MaxSecretSize}, also the ConfigMap limit. */
    static final int MAX_SIZE = 1024 * 1024;
    static final String IMMUTABLE_SET = "field is immutable when `immutable` is set";

    private ConfigData() {
    }

    /** Checks one key of the map at {@code field} (error path {@code field[key]}). */
    static void key(String field, String key, FieldErrors errors) {
        Names.configMapKey(key).forEach(msg -> errors.invalid(field + "[" + key + "]", key, msg));
    }

    /**
     * Decodes a base64 value as Go's JSON decoding of {@code []byte} does, throwing the 400 Kubernetes answers for
     * malformed input.
     */
    static byte[] decode(JsonNode object, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw Checks.cannotDecode(object, "illegal base64 data at input byte " + badByte(value));
        }
    }

    private static int badByte(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=')) {
                return i;
            }
        }
        return value.length();
    }

    /** With {@code immutable: true} on the old object, it must stay true and the named maps may not change. */
    static void immutable(JsonNode object, JsonNode old, FieldErrors errors, String... fields) {
        if (!Boolean.TRUE.equals(Trees.bool(old, "immutable"))) {
            return;
        }
        if (!Boolean.TRUE.equals(Trees.bool(object, "immutable"))) {
            errors.forbidden("immutable", IMMUTABLE_SET);
        }
        for (String field : fields) {
            if (!Trees.stringMap(object, field).equals(Trees.stringMap(old, field))) {
                errors.forbidden(field, IMMUTABLE_SET);
            }
        }
    }
}
