package io.kava.api.apply;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code metadata.managedFields[]} entry ({@code metav1.ManagedFieldsEntry}): which manager
 * owns which fields, through which operation.
 *
 * @param manager the field manager name ({@code kubectl}, {@code kube-controller-manager}, ...)
 * @param operation {@link Operation#APPLY} or {@link Operation#UPDATE}
 * @param apiVersion the API version the fields were written in
 * @param time RFC 3339 time of the last change, or {@code null}
 * @param fields the owned fields
 * @param subresource {@code ""} for the main resource, else e.g. {@code "status"}
 */
public record ManagedFieldsEntry(String manager, Operation operation, String apiVersion,
    String time, FieldSet fields, String subresource) {

  /** How the fields were written. */
  public enum Operation {
    APPLY("Apply"),
    UPDATE("Update");

    private final String wire;

    Operation(String wire) {
      this.wire = wire;
    }

    /** {@code "Apply"} / {@code "Update"}. */
    public String wire() {
      return wire;
    }

    static Operation parse(String s) {
      for (Operation o : values()) {
        if (o.wire.equals(s)) {
          return o;
        }
      }
      throw new IllegalArgumentException("unknown managedFields operation: " + s);
    }
  }

  public ManagedFieldsEntry {
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(operation, "operation");
    apiVersion = apiVersion == null ? "" : apiVersion;
    fields = fields == null ? FieldSet.empty() : fields;
    subresource = subresource == null ? "" : subresource;
  }

  /**
   * The identity Kubernetes keys entries by ({@code BuildManagerIdentifier}): manager, operation,
   * subresource and, for updates only, the API version.
   */
  public Identity identity() {
    return new Identity(manager, operation, operation == Operation.UPDATE ? apiVersion : "", subresource);
  }

  /** Entry identity; also renders the manager the way apply conflict messages do. */
  public record Identity(String manager, Operation operation, String apiVersion, String subresource)
      implements Comparable<Identity> {

    /** {@code "mgr"}, {@code "mgr" using apps/v1}, {@code "mgr" with subresource "status" using v1}. */
    public String display() {
      StringBuilder sb = new StringBuilder(quote(manager));
      if (!subresource.isEmpty()) {
        sb.append(" with subresource ").append(quote(subresource));
      }
      if (operation == Operation.UPDATE) {
        sb.append(" using ").append(apiVersion);
      }
      return sb.toString();
    }

    @Override
    public int compareTo(Identity o) {
      int c = manager.compareTo(o.manager);
      if (c == 0) {
        c = operation.wire().compareTo(o.operation.wire());
      }
      if (c == 0) {
        c = apiVersion.compareTo(o.apiVersion);
      }
      return c != 0 ? c : subresource.compareTo(o.subresource);
    }

    private static String quote(String s) {
      StringBuilder sb = new StringBuilder();
      GoJson.string(sb, s);
      return sb.toString();
    }
  }

  public ManagedFieldsEntry withFields(FieldSet newFields) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, time, newFields, subresource);
  }

  public ManagedFieldsEntry withTime(String newTime) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, newTime, fields, subresource);
  }

  /** Reads one entry; {@code fieldsType} must be {@code FieldsV1} (or absent). */
  public static ManagedFieldsEntry fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("managedFields entry must be an object");
    }
    String fieldsType = node.path("fieldsType").asString("");
    if (!fieldsType.isEmpty() && !fieldsType.equals("FieldsV1")) {
      throw new IllegalArgumentException("unsupported managedFields fieldsType: " + fieldsType);
    }
    JsonNode time = node.get("time");
    return new ManagedFieldsEntry(
        node.path("manager").asString(""),
        Operation.parse(node.path("operation").asString("")),
        node.path("apiVersion").asString(""),
        time == null || time.isNull() ? null : time.asString(),
        FieldSet.fromJson(node.get("fieldsV1")),
        node.path("subresource").asString(""));
  }

  /** Writes the entry in the field order Kubernetes uses. */
  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("manager", manager);
    out.put("operation", operation.wire());
    out.put("apiVersion", apiVersion);
    if (time != null) {
      out.put("time", time);
    }
    out.put("fieldsType", "FieldsV1");
    out.set("fieldsV1", fields.toJson());
    if (!subresource.isEmpty()) {
      out.put("subresource", subresource);
    }
    return out;
  }
}
