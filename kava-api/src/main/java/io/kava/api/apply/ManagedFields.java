package io.kava.api.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing {@code metadata.managedFields} on an object tree. */
public final class ManagedFields {
  private ManagedFields() {}

  /** The entries of an object (empty if it has none). */
  public static List<ManagedFieldsEntry> read(JsonNode object) {
    List<ManagedFieldsEntry> out = new ArrayList<>();
    if (object == null) {
      return out;
    }
    JsonNode list = object.path("metadata").path("managedFields");
    if (list.isArray()) {
      for (JsonNode e : list) {
        out.add(ManagedFieldsEntry.fromJson(e));
      }
    }
    return out;
  }

  /**
   * Whether a request asks to clear managed fields: Kubernetes treats a list holding exactly one
   * empty entry ({@code managedFields: [{}]}) as "reset".
   */
  public static boolean isReset(JsonNode object) {
    JsonNode list = object == null ? null : object.path("metadata").path("managedFields");
    return list != null && list.isArray() && list.size() == 1
        && list.get(0).isObject() && list.get(0).isEmpty();
  }

  /**
   * Sets {@code metadata.managedFields} on {@code object} (in place), sorted as Kubernetes sorts
   * them: by operation (Apply first), time, manager, API version, subresource. An empty list
   * removes the field.
   */
  public static ObjectNode write(ObjectNode object, List<ManagedFieldsEntry> entries) {
    ObjectNode metadata = object.has("metadata") && object.get("metadata").isObject()
        ? (ObjectNode) object.get("metadata")
        : object.putObject("metadata");
    if (entries.isEmpty()) {
      metadata.remove("managedFields");
      return object;
    }
    List<ManagedFieldsEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator
        .comparing((ManagedFieldsEntry e) -> e.operation().wire())
        .thenComparingLong(e -> epochSeconds(e.time()))
        .thenComparing(ManagedFieldsEntry::manager)
        .thenComparing(ManagedFieldsEntry::apiVersion)
        .thenComparing(ManagedFieldsEntry::subresource));
    ArrayNode arr = JsonNodeFactory.instance.arrayNode();
    sorted.forEach(e -> arr.add(e.toJson()));
    metadata.set("managedFields", arr);
    return object;
  }

  private static long epochSeconds(String time) {
    if (time == null) {
      return 0;
    }
    try {
      return Instant.parse(time).getEpochSecond();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
