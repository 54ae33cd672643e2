package io.kava.api.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An apply changed fields other managers own and was not forced. The API server answers
 * {@code 409 Conflict} with this message and one {@code FieldManagerConflict} cause per
 * {@link Conflict} ({@code internal.NewConflictError}).
 */
public final class ApplyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Conflict> conflicts;

  public ApplyConflictException(List<Conflict> conflicts) {
    super(message(conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  /** The conflicts, grouped by manager (sorted) and then by path. */
  public List<Conflict> conflicts() {
    return conflicts;
  }

  /** Always 409. */
  public int code() {
    return 409;
  }

  /**
   * {@code Apply failed with 1 conflict: conflict with "mgr" using apps/v1: .spec.replicas}, or
   * for several: {@code Apply failed with 2 conflicts: conflicts with "a":\n- .x\n- .y}.
   */
  static String message(List<Conflict> conflicts) {
    if (conflicts.size() == 1) {
      Conflict c = conflicts.get(0);
      return "Apply failed with 1 conflict: " + c.message() + ": " + c.field();
    }
    Map<ManagedFieldsEntry.Identity, List<FieldPath>> byManager = new TreeMap<>();
    for (Conflict c : conflicts) {
      byManager.computeIfAbsent(c.manager(), k -> new ArrayList<>()).add(c.path());
    }
    List<String> lines = new ArrayList<>();
    byManager.forEach((manager, paths) -> {
      lines.add("conflicts with " + manager.display() + ":");
      paths.forEach(p -> lines.add("- " + p));
    });
    return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
  }
}
