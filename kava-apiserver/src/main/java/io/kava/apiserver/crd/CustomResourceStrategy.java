package io.kava.apiserver.crd;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of one custom resource version: its CRD's structural schema defaults, prunes and validates every
 * write; with a status subresource, creates and main-resource updates do not set status.
 */
final class CustomResourceStrategy implements Strategy {

    private final StructuralSchema schema;
    private final boolean statusSubresource;

    CustomResourceStrategy(StructuralSchema schema, boolean statusSubresource) {
        this.schema = schema;
        this.statusSubresource = statusSubresource;
    }

    @Override
    public void applyDefaults(ObjectNode object) {
        schema.defaultAndPrune(object);
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        if (statusSubresource) {
            object.remove("status");
        }
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        schema.validate(object, errors);
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }
}
