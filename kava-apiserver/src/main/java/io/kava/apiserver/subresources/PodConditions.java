package io.kava.apiserver.subresources;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Sets a condition in {@code status.conditions}, keeping lastTransitionTime when the status does not change. */
final class PodConditions {

    private PodConditions() {
    }

    static void set(ObjectNode object, String type, String status, String reason, String message) {
        ObjectNode st = object.has("status") && object.get("status").isObject() ? (ObjectNode) object.get("status")
                : object.putObject("status");
        ArrayNode conditions = st.has("conditions") && st.get("conditions").isArray()
                ? (ArrayNode) st.get("conditions") : st.putArray("conditions");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (JsonNode c : conditions) {
            if (type.equals(c.path("type").asString())) {
                ObjectNode condition = (ObjectNode) c;
                if (!status.equals(condition.path("status").asString())) {
                    condition.put("lastTransitionTime", now);
                }
                condition.put("status", status);
                putOrRemove(condition, "reason", reason);
                putOrRemove(condition, "message", message);
                return;
            }
        }
        ObjectNode condition = conditions.addObject().put("type", type).put("status", status);
        condition.putNull("lastProbeTime");
        condition.put("lastTransitionTime", now);
        putOrRemove(condition, "reason", reason);
        putOrRemove(condition, "message", message);
    }

    private static void putOrRemove(ObjectNode node, String field, String value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.put(field, value);
        }
    }
}
