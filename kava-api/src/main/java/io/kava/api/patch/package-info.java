/**
 * The three PATCH bodies the Kubernetes API accepts, applied to JSON trees:
 *
 * <ul>
 *   <li>{@link io.kava.api.patch.JsonPatch} — RFC 6902 ({@code application/json-patch+json});
 *   <li>{@link io.kava.api.patch.JsonMergePatch} — RFC 7386 ({@code application/merge-patch+json});
 *   <li>{@link io.kava.api.patch.StrategicMergePatch} — Kubernetes' strategic merge patch
 *       ({@code application/strategic-merge-patch+json}), as
 *       {@code k8s.io/apimachinery/pkg/util/strategicpatch} applies it on the server, driven by
 *       {@link io.kava.api.patch.PatchMeta} (the {@code patchStrategy}/{@code patchMergeKey} tags of
 *       the Go API types), which {@link io.kava.api.patch.BuiltinPatchMeta} provides for the
 *       built-in kinds.
 * </ul>
 *
 * <p>Every method returns a new tree and leaves its inputs untouched. Failures throw
 * {@link io.kava.api.patch.PatchException} carrying the HTTP status Kubernetes answers with.
 * Creating patches (two- and three-way diffs) is a client's job and is not here.
 */
package io.kava.api.patch;
