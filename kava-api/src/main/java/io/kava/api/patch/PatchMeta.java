package io.kava.api.patch;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Patch metadata for one node of an object schema: how a field is merged, and the metadata of
 * its children. It stands in for the Go struct tags ({@code patchStrategy},
 * {@code patchMergeKey}) that {@code strategicpatch} reads by reflection, plus the
 * {@code +listType}/{@code +listMapKey}/{@code +structType=atomic} markers server-side apply reads.
 *
 * <p>A node that is a list describes its elements' fields in {@link #fields()}; a node that is an
 * object describes its own fields. Fields not described get {@link #NONE}: maps merge, lists are
 * replaced (SMP) or atomic (apply), which is what Kubernetes does for untagged fields.
 *
 * <p>Immutable. Build structs with {@link #struct(String)}, lists with {@link #mergeList},
 * {@link #set()} or {@link #list(String)}, and refine with the {@code with*} methods.
 */
public final class PatchMeta {
  /** Metadata of a field nothing is known about. */
  public static final PatchMeta NONE =
      new PatchMeta("", EnumSet.noneOf(PatchStrategy.class), "", List.of(), Map.of(), false, Map.of());

  private final String name;
  private final Set<PatchStrategy> strategies;
  private final String mergeKey;
  private final List<String> listMapKeys;
  private final Map<String, String> keyDefaults;
  private final boolean atomic;
  private final Map<String, PatchMeta> fields;

  private PatchMeta(String name, Set<PatchStrategy> strategies, String mergeKey,
      List<String> listMapKeys, Map<String, String> keyDefaults, boolean atomic,
      Map<String, PatchMeta> fields) {
    this.name = name;
    this.strategies = strategies.isEmpty()
        ? Set.of() : Set.copyOf(EnumSet.copyOf(strategies));
    this.mergeKey = mergeKey;
    this.listMapKeys = List.copyOf(listMapKeys);
    this.keyDefaults = Map.copyOf(keyDefaults);
    this.atomic = atomic;
    this.fields = fields;
  }

  /** Starts a struct (object) schema named for error messages, e.g. {@code "Container"}. */
  public static Builder struct(String name) {
    return new Builder(name);
  }

  /**
   * A list merged by {@code mergeKey} ({@code patchStrategy:"merge" patchMergeKey:"..."}), whose
   * elements have {@code element}'s fields. Server-side apply keys it by the same field unless
   * {@link #withListMapKeys} says otherwise.
   */
  public static PatchMeta mergeList(String mergeKey, PatchMeta element) {
    return new PatchMeta(element.name, EnumSet.of(PatchStrategy.MERGE), mergeKey, List.of(),
        Map.of(), false, element.fields);
  }

  /** A list of primitives merged as a set ({@code patchStrategy:"merge"}, e.g. finalizers). */
  public static PatchMeta set() {
    return new PatchMeta("", EnumSet.of(PatchStrategy.MERGE), "", List.of(), Map.of(), false, Map.of());
  }

  /** An untagged list (replaced by SMP, atomic for apply) of elements with {@code element}'s fields. */
  public static PatchMeta list(PatchMeta element) {
    return new PatchMeta(element.name, EnumSet.noneOf(PatchStrategy.class), "", List.of(), Map.of(),
        false, element.fields);
  }

  /** An untagged list named for messages. */
  public static PatchMeta list(String name) {
    return list(struct(name).build());
  }

  /** The same node with more strategies (e.g. {@link PatchStrategy#RETAIN_KEYS}). */
  public PatchMeta withStrategies(PatchStrategy... more) {
    EnumSet<PatchStrategy> s = strategies.isEmpty()
        ? EnumSet.noneOf(PatchStrategy.class) : EnumSet.copyOf(strategies);
    s.addAll(List.of(more));
    return new PatchMeta(name, s, mergeKey, listMapKeys, keyDefaults, atomic, fields);
  }

  /** Server-side apply list keys ({@code +listType=map}, {@code +listMapKey=...}). */
  public PatchMeta withListMapKeys(String... keys) {
    return new PatchMeta(name, strategies, mergeKey, List.of(keys), keyDefaults, atomic, fields);
  }

  /** A default for a list-map key field an element may omit (e.g. {@code protocol: TCP}). */
  public PatchMeta withKeyDefault(String key, String value) {
    Map<String, String> d = new LinkedHashMap<>(keyDefaults);
    d.put(key, value);
    return new PatchMeta(name, strategies, mergeKey, listMapKeys, d, atomic, fields);
  }

  /** Marks a struct or map as atomic for server-side apply ({@code +structType=atomic}). */
  public PatchMeta withAtomic() {
    return new PatchMeta(name, strategies, mergeKey, listMapKeys, keyDefaults, true, fields);
  }

  /** The metadata of a child field, or {@link #NONE}. */
  public PatchMeta field(String fieldName) {
    return fields.getOrDefault(fieldName, NONE);
  }

  /** The metadata at a field path, e.g. {@code at("spec", "template", "spec", "containers")}. */
  public PatchMeta at(String... fieldNames) {
    PatchMeta m = this;
    for (String f : fieldNames) {
      m = m.field(f);
    }
    return m;
  }

  public Map<String, PatchMeta> fields() {
    return fields;
  }

  /** Type name for error messages ({@code schema.Name()} in Go); may be empty. */
  public String name() {
    return name;
  }

  public Set<PatchStrategy> strategies() {
    return strategies;
  }

  public boolean has(PatchStrategy strategy) {
    return strategies.contains(strategy);
  }

  /** The SMP merge key, or {@code ""}. */
  public String mergeKey() {
    return mergeKey;
  }

  /** Server-side apply: the keys of an associative list ({@code []} if it is not one). */
  public List<String> listMapKeys() {
    if (!listMapKeys.isEmpty()) {
      return listMapKeys;
    }
    return mergeKey.isEmpty() ? List.of() : List.of(mergeKey);
  }

  public Map<String, String> keyDefaults() {
    return keyDefaults;
  }

  /** Server-side apply: a primitive list with merge strategy and no key behaves as a set. */
  public boolean isSet() {
    return strategies.contains(PatchStrategy.MERGE) && listMapKeys().isEmpty();
  }

  /** Server-side apply: this struct/map is owned and replaced as a whole. */
  public boolean isAtomic() {
    return atomic;
  }

  @Override
  public String toString() {
    return "PatchMeta[" + name + " " + strategies + (mergeKey.isEmpty() ? "" : " key=" + mergeKey)
        + " fields=" + fields.keySet() + "]";
  }

  /** Builds a struct schema. */
  public static final class Builder {
    private final String name;
    private final Map<String, PatchMeta> fields = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name);
    }

    /** Adds a field with its metadata. */
    public Builder field(String fieldName, PatchMeta meta) {
      fields.put(fieldName, Objects.requireNonNull(meta));
      return this;
    }

    /** Adds every field of another struct (Go embedding, e.g. {@code ObjectMeta} reuse). */
    public Builder fieldsOf(PatchMeta other) {
      other.fields().forEach(this::field);
      return this;
    }

    public PatchMeta build() {
      return new PatchMeta(name, EnumSet.noneOf(PatchStrategy.class), "", List.of(), Map.of(),
          false, Map.copyOf(fields));
    }
  }
}
