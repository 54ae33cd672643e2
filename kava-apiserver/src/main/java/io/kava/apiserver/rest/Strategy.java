package io.kava.apiserver.rest;

import io.kava.apiserver.errors.FieldErrors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-kind rules of the API (Kubernetes' {@code RESTCreateStrategy}/{@code RESTUpdateStrategy}): defaulting,
 * validation and which fields a write may change. The generic {@link ResourceStorage} calls these around every
 * write; the defaults suit a kind with no special rules.
 */
public interface Strategy {

    /** Fills defaults for fields the user left out (run on create and on update). */
    default void applyDefaults(ObjectNode object) {
    }

    /** Resets fields a create may not set (typically {@code status}). */
    default void prepareForCreate(ObjectNode object) {
    }

    /** Carries over from {@code old} what an update of the main resource may not change. */
    default void prepareForUpdate(ObjectNode object, ObjectNode old) {
    }

    /** Validates a new object; metadata has already been checked. */
    default void validate(ObjectNode object, FieldErrors errors) {
    }

    /** Validates an update; {@link #validate} has already run on {@code object}. */
    default void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
    }

    /** How names of this kind are validated. */
    default NameRule nameRule() {
        return NameRule.DNS_SUBDOMAIN;
    }

    /**
     * The grace period to delete with when the client asked for {@code requested} (null when unset), or 0 to delete
     * at once. Only pods are deleted gracefully.
     */
    default long gracePeriodSeconds(ObjectNode object, Long requested) {
        return 0;
    }

    /**
     * Must deletion wait for more than {@code metadata.finalizers}? (Namespaces wait for {@code spec.finalizers}.)
     */
    default boolean deletionBlocked(ObjectNode object) {
        return false;
    }

    /** Called when a delete marks the object with a deletionTimestamp instead of removing it. */
    default void prepareForDelete(ObjectNode object) {
    }

    /**
     * Runs once a create or an update of the main resource has passed validation, just before it is written (also on
     * dry runs, which must reserve nothing). It may fill fields that need cluster-wide resources, such as a Service's
     * cluster IP and node ports, and throw an {@link io.kava.apiserver.errors.ApiException} (422) when a requested one
     * is taken. {@code old} is null on create. An update may call it again after a conflict, so it must be idempotent.
     */
    default void beforeWrite(ObjectNode object, ObjectNode old, boolean dryRun) {
    }

    /** Runs after {@code deleted} was removed from the store, to release what {@link #beforeWrite} reserved. */
    default void afterDelete(ObjectNode deleted) {
    }

    /**
     * Objects of this kind expire this many seconds after they are created (0: never). Events live one hour, as
     * with kube-apiserver's default {@code --event-ttl}.
     */
    default long ttlSeconds() {
        return 0;
    }

    /** Does a spec change bump {@code metadata.generation}? (True for kinds with a spec.) */
    default boolean tracksGeneration() {
        return true;
    }
}
