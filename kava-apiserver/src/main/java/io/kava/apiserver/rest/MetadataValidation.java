package io.kava.apiserver.rest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Names;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks {@code metadata} as Kubernetes' {@code ValidateObjectMeta} does: name, labels, annotations. */
final class MetadataValidation {

    private static final int TOTAL_ANNOTATION_SIZE = 256 * 1024;

    private MetadataValidation() {
    }

    static void validate(ObjectNode object, ResourceType type, NameRule rule, FieldErrors errors) {
        String name = Meta.name(object);
        if (name == null || name.isEmpty()) {
            errors.required("metadata.name", "name or generateName is required");
        } else {
            String problem = rule.check(name);
            if (problem != null) {
                errors.invalid("metadata.name", name, problem);
            }
        }
        JsonNode meta = object.get("metadata");
        for (var label : Meta.labels(object).entrySet()) {
            for (String problem : Names.qualifiedName(label.getKey())) {
                errors.invalid("metadata.labels", label.getKey(), problem);
            }
            for (String problem : Names.labelValue(label.getValue())) {
                errors.invalid("metadata.labels", label.getValue(), problem);
            }
        }
        Map<String, String> annotations = Meta.annotations(object);
        long size = 0;
        for (var annotation : annotations.entrySet()) {
            for (String problem : Names.qualifiedName(annotation.getKey().toLowerCase(java.util.Locale.ROOT))) {
                errors.invalid("metadata.annotations", annotation.getKey(), problem);
            }
            size += annotation.getKey().length() + annotation.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > TOTAL_ANNOTATION_SIZE) {
            errors.tooLong("metadata.annotations", TOTAL_ANNOTATION_SIZE);
        }
        if (meta != null && meta.has("labels") && !meta.get("labels").isObject() && !meta.get("labels").isNull()) {
            errors.invalid("metadata.labels", meta.get("labels").toString(), "must be a map of strings");
        }
    }
}
