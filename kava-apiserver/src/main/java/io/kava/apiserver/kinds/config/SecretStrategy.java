package io.kava.apiserver.kinds.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.kava.api.json.Json;
import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets ({@code pkg/registry/core/secret/strategy.go}, {@code ValidateSecret}, {@code ValidateSecretUpdate}):
 * type {@code Opaque} by default, {@code stringData} folded into base64 {@code data} on every write (as Kubernetes'
 * v1 conversion does) and never stored, valid keys, at most 1 MiB, the keys each built-in type requires, an
 * immutable type, and nothing changes once {@code immutable} is true. Secrets have no generation.
 */
public final class SecretStrategy implements Strategy {

    private static final String REDACTED = "<secret contents redacted>";

    @Override
    public void applyDefaults(ObjectNode object) {
        Trees.defaultText(object, "type", "Opaque");
        ObjectNode stringData = Trees.objectOrNull(object, "stringData");
        if (stringData != null) {
            ObjectNode data = Trees.object(object, "data");
            for (var e : Trees.stringMap(stringData).entrySet()) {
                data.put(e.getKey(), Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)));
            }
        }
        object.remove("stringData");
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        Map<String, String> data = Trees.stringMap(object, "data");
        long size = 0;
        for (var e : data.entrySet()) {
            ConfigData.key("data", e.getKey(), errors);
            size += ConfigData.decode(object, e.getValue()).length;
        }
        if (size > ConfigData.MAX_SIZE) {
            errors.tooLong("data", ConfigData.MAX_SIZE);
        }
        switch (Trees.textOrEmpty(object, "type")) {
            case "kubernetes.io/service-account-token" -> {
                String account = Meta.annotations(object).get("kubernetes.io/service-account.name");
                if (account == null || account.isEmpty()) {
                    errors.required("metadata.annotations[kubernetes.io/service-account.name]");
                }
            }
            case "kubernetes.io/dockercfg" -> jsonKey(object, data, ".dockercfg", errors);
            case "kubernetes.io/dockerconfigjson" -> jsonKey(object, data, ".dockerconfigjson", errors);
            case "kubernetes.io/basic-auth" -> {
                if (!data.containsKey("username") && !data.containsKey("password")) {
                    errors.required("data[username]");
                    errors.required("data[password]");
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (data.getOrDefault("ssh-privatekey", "").isEmpty()) {
                    errors.required("data[ssh-privatekey]");
                }
            }
            case "kubernetes.io/tls" -> {
                if (!data.containsKey("tls.crt")) {
                    errors.required("data[tls.crt]");
                }
                if (!data.containsKey("tls.key")) {
                    errors.required("data[tls.key]");
                }
            }
            default -> {
                // Opaque and custom types: no required keys.
            }
        }
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        String type = Trees.textOrEmpty(object, "type");
        if (!type.equals(Trees.textOrEmpty(old, "type"))) {
            errors.invalid("type", type, Checks.IMMUTABLE);
        }
        ConfigData.immutable(object, old, errors, "data");
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }

    /** The key must be present and hold a JSON object. */
    private static void jsonKey(JsonNode object, Map<String, String> data, String key, FieldErrors errors) {
        String encoded = data.get(key);
        if (encoded == null) {
            errors.required("data[" + key + "]");
            return;
        }
        byte[] bytes = ConfigData.decode(object, encoded);
        String problem;
        try {
            problem = Json.parse(bytes).isObject() ? null : "json: cannot unmarshal into Go value of type"
                    + " map[string]interface {}";
        } catch (RuntimeException e) {
            problem = bytes.length == 0 ? "unexpected end of JSON input" : "invalid JSON: " + e.getMessage();
        }
        if (problem != null) {
            errors.invalid("data[" + key + "]", REDACTED, problem);
        }
    }
}
