package io.kava.apiserver.kinds.pod;

import java.util.Objects;

import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.node.ObjectNode;

/**
 * PodTemplates ({@code pkg/registry/core/podtemplate/strategy.go}): template defaults and validation. A PodTemplate
 * has no {@code spec}, so it counts its own generation: 1 on create, +1 when {@code template} changes.
 */
public final class PodTemplateStrategy implements Strategy {

    @Override
    public void applyDefaults(ObjectNode object) {
        Checks.decoding(object, () -> PodSpecs.applyTemplateDefaults(object));
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        Meta.metadata(object).put("generation", 1);
    }

    @Override
    public void prepareForUpdate(ObjectNode object, ObjectNode old) {
        ObjectNode template = Trees.objectOrNull(object, "template");
        ObjectNode oldTemplate = Trees.objectOrNull(old, "template");
        if (template != null) {
            applyDefaults(object);
        }
        long generation = Math.max(Meta.generation(old), 1);
        Trees.putNumber(Meta.metadata(object), "generation",
                Objects.equals(template, oldTemplate) ? generation : generation + 1);
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        PodSpecs.validateTemplate(Trees.objectOrNull(object, "template"), "template", errors);
    }

    /** Generation is counted here, not by the generic storage (which only counts {@code spec} changes). */
    @Override
    public boolean tracksGeneration() {
        return false;
    }
}
