package io.kava.apiserver.rest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.FieldErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks {@code metadata} as Kubernetes' {@code ValidateObjectMeta} does: name, labels, annotations. */
final class MetadataValidation {

    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
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
            String keyProblem = checkQualifiedName(label.getKey());
            if (keyProblem != null) {
                errors.invalid("metadata.labels", label.getKey(), keyProblem);
            }
            String value = label.getValue();
            if (value.length() > 63) {
                errors.invalid("metadata.labels", value, "must be no more than 63 characters");
            } else if (!LABEL_VALUE.matcher(value).matches()) {
                errors.invalid("metadata.labels", value, "a valid label must be an empty string or consist of"
                        + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric"
                        + " character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
                        + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
            }
        }
        Map<String, String> annotations = Meta.annotations(object);
        long size = 0;
        for (var annotation : annotations.entrySet()) {
            String keyProblem = checkQualifiedName(annotation.getKey().toLowerCase(java.util.Locale.ROOT));
            if (keyProblem != null) {
                errors.invalid("metadata.annotations", annotation.getKey(), keyProblem);
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

    /** Checks a label or annotation key: an optional DNS subdomain prefix, '/', and a name of at most 63 chars. */
    static String checkQualifiedName(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty()) {
                return "prefix part must be non-empty";
            }
            String problem = NameRule.DNS_SUBDOMAIN.check(prefix);
            if (problem != null) {
                return "prefix part " + problem;
            }
        }
        if (name.isEmpty()) {
            return "name part must be non-empty";
        }
        if (name.length() > 63) {
            return "name part must be no more than 63 characters";
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
                    + " an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                    + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        }
        return null;
    }
}
