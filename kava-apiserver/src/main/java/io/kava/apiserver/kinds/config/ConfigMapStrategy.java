package io.kava.apiserver.kinds.config;

import java.nio.charset.StandardCharsets;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.node.ObjectNode;

/**
 * ConfigMaps ({@code pkg/registry/core/configmap/strategy.go}, {@code ValidateConfigMap},
 * {@code ValidateConfigMapUpdate}): valid keys, no key in both {@code data} and {@code binaryData}, at most 1 MiB,
 * and nothing changes once {@code immutable} is true. ConfigMaps have no generation.
 */
public final class ConfigMapStrategy implements Strategy {

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        long size = 0;
        var binary = Trees.stringMap(object, "binaryData");
        for (var e : Trees.stringMap(object, "data").entrySet()) {
            ConfigData.key("data", e.getKey(), errors);
            if (binary.containsKey(e.getKey())) {
                errors.invalid("data[" + e.getKey() + "]", e.getKey(), "duplicate of key present in binaryData");
            }
            size += e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        for (var e : binary.entrySet()) {
            ConfigData.key("binaryData", e.getKey(), errors);
            size += ConfigData.decode(object, e.getValue()).length;
        }
        if (size > ConfigData.MAX_SIZE) {
            errors.tooLong("", ConfigData.MAX_SIZE);
        }
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        ConfigData.immutable(object, old, errors, "data", "binaryData");
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }
}
