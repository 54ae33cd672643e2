/**
 * Building blocks shared by the per-kind strategies: JSON tree access
 * ({@link io.kava.apiserver.kinds.validation.Trees}),
 * Kubernetes' name and value rules ({@link io.kava.apiserver.kinds.validation.Names}), resource quantities
 * ({@link io.kava.apiserver.kinds.validation.Quantity}), label selectors and the Go-syntax rendering of values that
 * Kubernetes' field errors print (apimachinery {@code pkg/util/validation}, {@code pkg/api/resource},
 * {@code pkg/labels}).
 */
package io.kava.apiserver.kinds.validation;
