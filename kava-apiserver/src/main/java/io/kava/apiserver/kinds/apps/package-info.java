/**
 * The replicated-pod controllers' API rules: apps/v1 Deployments, ReplicaSets, StatefulSets, DaemonSets and the
 * core/v1 ReplicationController (Kubernetes' {@code pkg/apis/apps/v1/defaults.go},
 * {@code pkg/apis/apps/validation} and {@code pkg/registry/apps/*}/strategy.go).
 */
package io.kava.apiserver.kinds.apps;
