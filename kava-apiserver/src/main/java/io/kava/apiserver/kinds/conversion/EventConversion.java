package io.kava.apiserver.kinds.conversion;

import java.util.Map;

import io.kava.apiserver.rest.Conversion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * events.k8s.io/v1 Events are core/v1 Events under other field names (Kubernetes stores both as one resource):
 * {@code regarding} is {@code involvedObject}, {@code note} is {@code message}, the {@code deprecated*} fields are
 * the core ones they replaced.
 */
final class EventConversion implements Conversion {

    /** events.k8s.io/v1 field → core/v1 field; fields with the same name in both are copied as they are. */
    private static final Map<String, String> RENAMED = Map.of(
            "regarding", "involvedObject",
            "note", "message",
            "reportingController", "reportingComponent",
            "deprecatedSource", "source",
            "deprecatedFirstTimestamp", "firstTimestamp",
            "deprecatedLastTimestamp", "lastTimestamp",
            "deprecatedCount", "count");

    @Override
    public ObjectNode toServed(ObjectNode core) {
        ObjectNode event = core.objectNode().put("apiVersion", "events.k8s.io/v1").put("kind", "Event");
        var coreToEvents = new java.util.HashMap<String, String>();
        RENAMED.forEach((events, coreName) -> coreToEvents.put(coreName, events));
        copy(core, event, coreToEvents);
        return event;
    }

    @Override
    public ObjectNode toStored(ObjectNode event) {
        ObjectNode core = event.objectNode().put("apiVersion", "v1").put("kind", "Event");
        copy(event, core, RENAMED);
        return core;
    }

    private static void copy(ObjectNode from, ObjectNode to, Map<String, String> renames) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            String name = field.getKey();
            if (name.equals("apiVersion") || name.equals("kind")) {
                continue;
            }
            to.set(renames.getOrDefault(name, name), field.getValue().deepCopy());
        }
    }
}
