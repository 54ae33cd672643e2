package io.kava.apiserver.kinds;

import io.kava.api.meta.Meta;
import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * core/v1 Events ({@code pkg/registry/core/event/strategy.go}, {@code legacyValidateEvent}): events sent through
 * {@code /api/v1} keep only the legacy rule that {@code involvedObject.namespace} agrees with the event's namespace, so
 * an event without an involved object is accepted only in {@code default}. Events have no generation.
 */
final class EventStrategy implements Strategy {

    /** kube-apiserver's default {@code --event-ttl}. */
    static final long EVENT_TTL_SECONDS = 3600;

    @Override
    public long ttlSeconds() {
        return EVENT_TTL_SECONDS;
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        String namespace = Meta.namespace(object) == null ? "" : Meta.namespace(object);
        JsonNode involved = Trees.objectOrNull(object, "involvedObject");
        String involvedNamespace = Trees.textOrEmpty(involved, "namespace");
        boolean eventTime = Trees.has(object, "eventTime");
        if (!eventTime) {
            if (involvedNamespace.isEmpty() ? !namespace.isEmpty() && !namespace.equals("default")
                    : !namespace.equals(involvedNamespace)) {
                errors.invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace");
            }
        } else {
            if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
                errors.invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace");
            }
            String controller = Trees.textOrEmpty(object, "reportingComponent");
            if (controller.isEmpty()) {
                errors.required("reportingComponent");
            }
            Names.qualifiedName(controller).forEach(msg -> errors.invalid("reportingComponent", controller, msg));
            if (Trees.textOrEmpty(object, "reportingInstance").isEmpty()) {
                errors.required("reportingInstance");
            }
        }
        Names.dns1123Subdomain(namespace).forEach(msg -> errors.invalid("namespace", namespace, msg));
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }
}
