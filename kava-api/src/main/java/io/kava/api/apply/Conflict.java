package io.kava.api.apply;

/**
 * An apply conflict: another manager owns a field the apply would change
 * ({@code merge.Conflict}). {@link #message()} and {@link #field()} are the {@code message} and
 * {@code field} of the {@code FieldManagerConflict} Status cause Kubernetes returns.
 */
public record Conflict(ManagedFieldsEntry.Identity manager, FieldPath path) {

  /** {@code conflict with "mgr" using apps/v1}. */
  public String message() {
    return "conflict with " + manager.display();
  }

  /** {@code .spec.replicas}. */
  public String field() {
    return path.toString();
  }
}
