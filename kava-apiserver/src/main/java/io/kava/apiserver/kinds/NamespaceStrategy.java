package io.kava.apiserver.kinds;

import io.kava.apiserver.rest.NameRule;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.node.ObjectNode;

/** Namespaces: RFC 1123 label names, phase Active, the {@code kubernetes} finalizer in spec. */
final class NamespaceStrategy implements Strategy {

    @Override
    public NameRule nameRule() {
        return NameRule.DNS_LABEL;
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        object.putObject("status").put("phase", "Active");
        ObjectNode spec = object.has("spec") && object.get("spec").isObject() ? (ObjectNode) object.get("spec")
                : object.putObject("spec");
        spec.putArray("finalizers").add("kubernetes");
    }

    @Override
    public void applyDefaults(ObjectNode object) {
        // Kubernetes labels every namespace with its own name.
        var meta = (ObjectNode) object.get("metadata");
        String name = meta.path("name").asString("");
        if (!name.isEmpty()) {
            (meta.has("labels") && meta.get("labels").isObject() ? (ObjectNode) meta.get("labels")
                    : meta.putObject("labels")).put("kubernetes.io/metadata.name", name);
        }
    }

    @Override
    public boolean deletionBlocked(ObjectNode namespace) {
        var finalizers = namespace.path("spec").path("finalizers");
        return finalizers.isArray() && !finalizers.isEmpty();
    }

    @Override
    public void prepareForDelete(ObjectNode namespace) {
        ObjectNode status = namespace.has("status") && namespace.get("status").isObject()
                ? (ObjectNode) namespace.get("status") : namespace.putObject("status");
        status.put("phase", "Terminating");
    }

    @Override
    public void prepareForUpdate(ObjectNode namespace, ObjectNode old) {
        // spec.finalizers change only through the finalize subresource
        var spec = old.get("spec");
        if (spec == null) {
            namespace.remove("spec");
        } else {
            namespace.set("spec", spec.deepCopy());
        }
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }
}
