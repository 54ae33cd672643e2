package io.kava.apiserver.rest;

import java.util.function.Predicate;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.api.selector.FieldSelector;
import io.kava.api.selector.LabelSelector;
import io.kava.api.selector.SelectorException;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.node.ObjectNode;

/** Builds the object predicate of a list or watch from its label and field selectors (400 when invalid). */
public final class ObjectFilters {

    public static final Predicate<ObjectNode> ALL = o -> true;

    private ObjectFilters() {
    }

    public static Predicate<ObjectNode> of(ResourceType type, String labelSelector, String fieldSelector) {
        Predicate<ObjectNode> filter = ALL;
        try {
            if (labelSelector != null && !labelSelector.isBlank()) {
                LabelSelector labels = LabelSelector.parse(labelSelector);
                filter = object -> labels.matches(Meta.labels(object));
            }
            if (fieldSelector != null && !fieldSelector.isBlank()) {
                FieldSelector fields = FieldSelector.parse(fieldSelector)
                        .requireSupported(field -> FieldLabels.supported(type.kind(), field));
                Predicate<ObjectNode> byFields = object -> fields.matches(f -> FieldLabels.value(object, f));
                filter = filter == ALL ? byFields : filter.and(byFields);
            }
        } catch (SelectorException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return filter;
    }
}
