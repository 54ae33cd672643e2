package io.kava.api.apply;

import io.kava.api.apply.ManagedFieldsEntry.Identity;
import io.kava.api.apply.ManagedFieldsEntry.Operation;
import io.kava.api.patch.JsonValues;
import io.kava.api.patch.PatchMeta;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field ownership for one kind: server-side apply and update tracking, as the API server's
 * field manager does it ({@code managedfields.FieldManager} over {@code merge.Updater}).
 *
 * <p><b>Apply</b> ({@link #apply}): the configuration is merged into the live object; fields the
 * manager applied last time, no longer applies, and nobody else owns are removed; if the result
 * changes fields another manager owns, the apply fails with {@link ApplyConflictException}
 * unless forced, in which case the applier takes them over. The applier's entry then owns
 * exactly the fields of its configuration. An object without any managed fields first has its
 * existing fields attributed to {@code before-first-apply}.
 *
 * <p><b>Update</b> ({@link #update}): create, update and non-apply patches. The fields that
 * changed move to the updating manager's {@code Update} entry; fields that disappeared are
 * dropped from every entry. Updates never conflict.
 *
 * <p>Fields Kubernetes never tracks ({@code apiVersion}, {@code kind}, {@code metadata.name},
 * {@code metadata.resourceVersion}, ...) are left out of every set, and so are the kind's
 * {@code resetFields} (e.g. {@code status} for the main resource of a workload). Objects passed
 * in are not modified. See the package documentation for what is not implemented.
 */
public final class FieldManager {
  /** The manager that inherits the fields of an object first applied to without managed fields. */
  public static final String BEFORE_FIRST_APPLY = "before-first-apply";

  /** {@code stripMetaManager}'s set. */
  static final FieldSet UNTRACKED = FieldSet.of(
      FieldPath.fields("apiVersion"),
      FieldPath.fields("kind"),
      FieldPath.fields("metadata"),
      FieldPath.fields("metadata", "name"),
      FieldPath.fields("metadata", "namespace"),
      FieldPath.fields("metadata", "creationTimestamp"),
      FieldPath.fields("metadata", "selfLink"),
      FieldPath.fields("metadata", "uid"),
      FieldPath.fields("metadata", "clusterName"),
      FieldPath.fields("metadata", "generation"),
      FieldPath.fields("metadata", "managedFields"),
      FieldPath.fields("metadata", "resourceVersion"));

  private final PatchMeta meta;
  private final FieldSet resetFields;
  private final Clock clock;

  /** The outcome: the new object (with {@code metadata.managedFields} set) and its entries. */
  public record Result(ObjectNode object, List<ManagedFieldsEntry> managedFields, boolean changed) {}

  public FieldManager(PatchMeta meta) {
    this(meta, FieldSet.empty(), Clock.systemUTC());
  }

  /**
   * @param meta list and map types of the kind (see {@link io.kava.api.patch.BuiltinPatchMeta})
   * @param resetFields fields the endpoint ignores and nobody may own (e.g. {@code .status} for
   *     the main resource, {@code .spec} for {@code /status})
   * @param clock source of the entries' {@code time}
   */
  public FieldManager(PatchMeta meta, FieldSet resetFields, Clock clock) {
    this.meta = Objects.requireNonNull(meta);
    this.resetFields = Objects.requireNonNull(resetFields);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Server-side apply of {@code config} by {@code manager}.
   *
   * @param live the current object, or {@code null} to create
   * @param config the applied configuration (must not carry {@code metadata.managedFields})
   * @param subresource {@code ""} or e.g. {@code "status"}
   * @throws ApplyConflictException if not forced and other managers own changed fields
   * @throws IllegalArgumentException for an invalid configuration (the API server answers 400/422)
   */
  public Result apply(JsonNode live, JsonNode config, String manager, boolean force, String subresource) {
    if (config == null || !config.isObject()) {
      throw new IllegalArgumentException("apply configuration must be a JSON object");
    }
    JsonNode configManaged = config.path("metadata").path("managedFields");
    if (!configManaged.isMissingNode() && !configManaged.isNull()) {
      throw new IllegalArgumentException("metadata.managedFields must be nil");
    }
    String sub = subresource == null ? "" : subresource;
    String now = now();
    ObjectNode liveObj = live == null ? null : withoutManagedFields(live);
    Map<Identity, ManagedFieldsEntry> managers = byIdentity(ManagedFields.read(live));

    if (liveObj != null && managers.isEmpty()) {
      FieldSet existing = tracked(ObjectComparison.of(null, liveObj, meta).added());
      if (!existing.isEmpty()) {
        ManagedFieldsEntry e = new ManagedFieldsEntry(BEFORE_FIRST_APPLY, Operation.UPDATE,
            liveObj.path("apiVersion").asString(""), now, existing, sub);
        managers.put(e.identity(), e);
      }
    }

    ObjectNode cfg = (ObjectNode) config;
    Identity self = new Identity(manager, Operation.APPLY, "", sub);
    ManagedFieldsEntry previous = managers.get(self);
    FieldSet lastSet = previous == null ? FieldSet.empty() : previous.fields();
    FieldSet configSet = tracked(FieldSets.of(cfg, meta));

    ObjectNode merged = ObjectMerger.merge(liveObj, cfg, meta);
    if (!lastSet.isEmpty()) {
      FieldSet owned = configSet;
      for (ManagedFieldsEntry e : managers.values()) {
        if (!e.identity().equals(self)) {
          owned = owned.union(e.fields());
        }
      }
      merged = FieldRemover.remove(merged, lastSet.difference(owned), meta);
    }

    ObjectComparison cmp = ObjectComparison.of(liveObj, merged, meta);
    FieldSet changed = cmp.modified().union(cmp.added());
    List<Conflict> conflicts = new ArrayList<>();
    for (ManagedFieldsEntry e : managers.values()) {
      if (!e.identity().equals(self)) {
        for (FieldPath p : e.fields().intersection(changed).paths()) {
          conflicts.add(new Conflict(e.identity(), p));
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      conflicts.sort((a, b) -> {
        int c = a.manager().compareTo(b.manager());
        return c != 0 ? c : a.path().compareTo(b.path());
      });
      throw new ApplyConflictException(conflicts);
    }

    Map<Identity, ManagedFieldsEntry> next = new LinkedHashMap<>();
    for (ManagedFieldsEntry e : managers.values()) {
      if (e.identity().equals(self)) {
        continue;
      }
      FieldSet kept = e.fields().difference(changed).difference(cmp.removed());
      if (!kept.isEmpty()) {
        next.put(e.identity(), e.withFields(kept));
      }
    }
    boolean objectChanged = !cmp.isSame();
    if (!configSet.isEmpty()) {
      String time = objectChanged || previous == null ? now : previous.time();
      next.put(self, new ManagedFieldsEntry(manager, Operation.APPLY,
          cfg.path("apiVersion").asString(""), time, configSet, sub));
    }
    return result(merged, next, objectChanged);
  }

  /**
   * Records a create ({@code live == null}), update or non-apply patch by {@code manager}.
   * {@code updated} may carry {@code metadata.managedFields} to replace the entries (a single
   * empty entry clears them); otherwise the live entries are carried over. As in Kubernetes, an
   * existing object that has no entries is not tracked.
   */
  public Result update(JsonNode live, JsonNode updated, String manager, String subresource) {
    if (updated == null || !updated.isObject()) {
      throw new IllegalArgumentException("object must be a JSON object");
    }
    String sub = subresource == null ? "" : subresource;
    ObjectNode newObj = withoutManagedFields(updated);
    ObjectNode liveObj = live == null ? null : withoutManagedFields(live);
    List<ManagedFieldsEntry> entries;
    if (ManagedFields.isReset(updated)) {
      entries = List.of();
    } else {
      List<ManagedFieldsEntry> requested = sub.isEmpty() ? ManagedFields.read(updated) : List.of();
      entries = requested.isEmpty() ? ManagedFields.read(live) : requested;
    }
    ObjectComparison cmp = ObjectComparison.of(liveObj, newObj, meta);
    if (liveObj != null && entries.isEmpty()) {
      return new Result(newObj, List.of(), !cmp.isSame());
    }
    FieldSet changed = cmp.modified().union(cmp.added());
    Map<Identity, ManagedFieldsEntry> next = new LinkedHashMap<>();
    for (ManagedFieldsEntry e : byIdentity(entries).values()) {
      FieldSet kept = e.fields().difference(changed).difference(cmp.removed());
      if (!kept.isEmpty()) {
        next.put(e.identity(), e.withFields(kept));
      }
    }
    FieldSet mine = tracked(changed);
    if (!mine.isEmpty()) {
      Identity self = new Identity(manager, Operation.UPDATE, newObj.path("apiVersion").asString(""), sub);
      ManagedFieldsEntry previous = next.get(self);
      FieldSet all = previous == null ? mine : previous.fields().union(mine);
      next.put(self, new ManagedFieldsEntry(manager, Operation.UPDATE, self.apiVersion(), now(), all, sub));
    }
    return result(newObj, next, !cmp.isSame());
  }

  /**
   * {@link #update} that never fails, as the API server calls it ({@code UpdateNoErrors}): if the
   * managed fields cannot be computed (for instance an associative list element lacks its key),
   * the object is returned with its managed fields cleared instead.
   */
  public Result updateNoErrors(JsonNode live, JsonNode updated, String manager, String subresource) {
    try {
      return update(live, updated, manager, subresource);
    } catch (IllegalArgumentException e) {
      ObjectNode object = withoutManagedFields(updated);
      return new Result(object, List.of(), live == null || !JsonValues.equal(
          withoutManagedFields(live), object));
    }
  }

  private Result result(ObjectNode object, Map<Identity, ManagedFieldsEntry> managers, boolean changed) {
    List<ManagedFieldsEntry> entries = new ArrayList<>(managers.values());
    ManagedFields.write(object, entries);
    return new Result(object, ManagedFields.read(object), changed);
  }

  /** Drops untracked metadata and reset fields from a set. */
  private FieldSet tracked(FieldSet set) {
    return set.difference(UNTRACKED).withoutPrefixes(resetFields);
  }

  private static Map<Identity, ManagedFieldsEntry> byIdentity(List<ManagedFieldsEntry> entries) {
    Map<Identity, ManagedFieldsEntry> out = new LinkedHashMap<>();
    for (ManagedFieldsEntry e : entries) {
      out.merge(e.identity(), e, (a, b) -> a.withFields(a.fields().union(b.fields())));
    }
    return out;
  }

  private static ObjectNode withoutManagedFields(JsonNode object) {
    ObjectNode copy = ((ObjectNode) object).deepCopy();
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode m) {
      m.remove("managedFields");
    }
    return copy;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
