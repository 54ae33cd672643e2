/**
 * Pods and pod templates (Kubernetes' {@code pkg/registry/core/pod}, {@code podtemplate} and the pod parts of
 * {@code pkg/apis/core/v1/defaults.go} and {@code pkg/apis/core/validation}). {@link
 * io.kava.apiserver.kinds.pod.PodSpecs} holds the pod spec defaults and validation that every workload template
 * reuses.
 */
package io.kava.apiserver.kinds.pod;
