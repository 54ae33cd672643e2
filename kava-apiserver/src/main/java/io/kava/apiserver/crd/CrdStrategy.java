package io.kava.apiserver.crd;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CustomResourceDefinition rules: the name must be {@code <plural>.<group>}, exactly one version is the storage
 * version, names are valid; a new CRD is accepted and Established at once (Kava serves it as soon as it is stored).
 */
public final class CrdStrategy implements Strategy {

    @Override
    public void prepareForCreate(ObjectNode crd) {
        crd.set("status", acceptedStatus(crd));
    }

    @Override
    public void prepareForUpdate(ObjectNode crd, ObjectNode old) {
        // status comes from the stored object (ResourceStorage copied it); refresh what the spec change implies
        ObjectNode status = acceptedStatus(crd);
        JsonNode oldStored = old.path("status").path("storedVersions");
        if (oldStored.isArray()) {
            ArrayNode stored = status.putArray("storedVersions");
            oldStored.forEach(stored::add);
            String storage = storageVersion(crd);
            boolean present = false;
            for (JsonNode v : stored) {
                present |= v.asString().equals(storage);
            }
            if (!present && storage != null) {
                stored.add(storage);
            }
        }
        crd.set("status", status);
    }

    private static ObjectNode acceptedStatus(ObjectNode crd) {
        ObjectNode status = crd.objectNode();
        JsonNode names = crd.path("spec").path("names");
        ObjectNode accepted = status.putObject("acceptedNames");
        if (names.isObject()) {
            accepted.setAll((ObjectNode) names.deepCopy());
            if (!accepted.has("singular") && accepted.has("kind")) {
                accepted.put("singular", accepted.get("kind").asString().toLowerCase(java.util.Locale.ROOT));
            }
            if (!accepted.has("listKind") && accepted.has("kind")) {
                accepted.put("listKind", accepted.get("kind").asString() + "List");
            }
        }
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        ArrayNode conditions = status.putArray("conditions");
        conditions.addObject().put("type", "NamesAccepted").put("status", "True").put("lastTransitionTime", now)
                .put("reason", "NoConflicts").put("message", "no conflicts found");
        conditions.addObject().put("type", "Established").put("status", "True").put("lastTransitionTime", now)
                .put("reason", "InitialNamesAccepted").put("message", "the initial names have been accepted");
        String storage = storageVersion(crd);
        ArrayNode stored = status.putArray("storedVersions");
        if (storage != null) {
            stored.add(storage);
        }
        return status;
    }

    static String storageVersion(ObjectNode crd) {
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean(false)) {
                return version.path("name").asString();
            }
        }
        return null;
    }

    @Override
    public void applyDefaults(ObjectNode crd) {
        JsonNode names = crd.path("spec").path("names");
        if (names instanceof ObjectNode n && n.has("kind")) {
            if (!n.has("singular")) {
                n.put("singular", n.get("kind").asString().toLowerCase(java.util.Locale.ROOT));
            }
            if (!n.has("listKind")) {
                n.put("listKind", n.get("kind").asString() + "List");
            }
        }
        if (crd.path("spec") instanceof ObjectNode spec && !spec.has("conversion")) {
            spec.putObject("conversion").put("strategy", "None");
        }
    }

    @Override
    public void validate(ObjectNode crd, FieldErrors errors) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asString("");
        String plural = spec.path("names").path("plural").asString("");
        String kind = spec.path("names").path("kind").asString("");
        String name = crd.path("metadata").path("name").asString("");
        if (group.isEmpty()) {
            errors.required("spec.group");
        } else if (!group.contains(".")) {
            errors.invalid("spec.group", group, "should be a domain with at least one dot");
        }
        if (plural.isEmpty()) {
            errors.required("spec.names.plural");
        }
        if (kind.isEmpty()) {
            errors.required("spec.names.kind");
        }
        if (!plural.isEmpty() && !group.isEmpty() && !name.equals(plural + "." + group)) {
            errors.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group");
        }
        String scope = spec.path("scope").asString("");
        if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
            errors.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced"));
        }
        JsonNode versions = spec.path("versions");
        if (!versions.isArray() || versions.isEmpty()) {
            errors.required("spec.versions", "must have exactly one version marked as storage version");
            return;
        }
        int storage = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode version = versions.get(i);
            String vName = version.path("name").asString("");
            if (vName.isEmpty()) {
                errors.required("spec.versions[" + i + "].name");
            } else if (!seen.add(vName)) {
                errors.duplicate("spec.versions[" + i + "].name", vName);
            }
            if (version.path("storage").asBoolean(false)) {
                storage++;
            }
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (!schema.isObject()) {
                errors.required("spec.versions[" + i + "].schema.openAPIV3Schema", "schemas are required");
            }
        }
        if (storage != 1) {
            errors.invalid("spec.versions", "", "must have exactly one version marked as storage version");
        }
    }

    @Override
    public void validateUpdate(ObjectNode crd, ObjectNode old, FieldErrors errors) {
        String oldScope = old.path("spec").path("scope").asString("");
        if (!oldScope.equals(crd.path("spec").path("scope").asString(""))) {
            errors.immutable("spec.scope");
        }
        if (!old.path("spec").path("group").equals(crd.path("spec").path("group"))) {
            errors.immutable("spec.group");
        }
    }
}
