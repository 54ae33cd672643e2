package io.kava.api.patch;

/** The values of the {@code patchStrategy} struct tag of the Kubernetes Go API types. */
public enum PatchStrategy {
  /** Lists: merge elements (by merge key, or as a set of primitives). */
  MERGE,
  /** Maps/lists: the patch value replaces the original wholesale. */
  REPLACE,
  /** The map (or list elements) honours a {@code $retainKeys} directive. */
  RETAIN_KEYS
}
