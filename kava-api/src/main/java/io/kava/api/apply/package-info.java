/**
 * Server-side apply basics: field ownership as Kubernetes records it in
 * {@code metadata.managedFields}, after {@code sigs.k8s.io/structured-merge-diff} and
 * {@code k8s.io/apimachinery/pkg/util/managedfields}.
 *
 * <ul>
 *   <li>{@link io.kava.api.apply.FieldSet} is a set of {@link io.kava.api.apply.FieldPath}s in the
 *       {@code FieldsV1} trie format ({@code f:<field>}, {@code k:<key JSON>}, {@code v:<value>},
 *       {@code i:<index>}, {@code .}).
 *   <li>{@link io.kava.api.apply.ManagedFieldsEntry} is one {@code managedFields[]} entry.
 *   <li>{@link io.kava.api.apply.FieldManager} runs an apply (merge the applied configuration
 *       into the live object, drop fields the applier stopped applying, detect conflicts with
 *       other managers, take ownership on force) or records an update.
 * </ul>
 *
 * <p>What it does <em>not</em> do: version conversion (every manager's set is read against the
 * schema of the object's current version); the cap of ten update managers and the
 * {@code ancient-changes} merge; upgrading {@code last-applied-configuration} annotations from
 * client-side apply; the "undeclared map key" rule for typed structs (every object is treated as
 * a struct, so {@code map[string]struct} values are granular); full OpenAPI-driven typing (only
 * the list types and atomic markers of {@link io.kava.api.patch.PatchMeta} are known; unknown
 * lists are atomic, unknown maps granular); defaulting of key fields other than those declared
 * with {@link io.kava.api.patch.PatchMeta#withKeyDefault}.
 */
package io.kava.api.apply;
