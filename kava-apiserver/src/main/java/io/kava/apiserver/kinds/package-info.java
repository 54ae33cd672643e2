/**
 * Per-kind API rules (Kubernetes' registry strategies in {@code pkg/registry}, with the defaulting of
 * {@code pkg/apis/*}/v1/defaults.go and the validation of {@code pkg/apis/*}/validation): {@link
 * io.kava.apiserver.kinds.Strategies} picks the {@link io.kava.apiserver.rest.Strategy} of each kind. Sub-packages
 * hold pods ({@code pod}), the replicated-pod controllers ({@code apps}), Jobs and CronJobs ({@code batch}), Services
 * and their IP and port allocation ({@code service}), ConfigMaps and Secrets ({@code config}), and the shared
 * building blocks ({@code validation}).
 */
package io.kava.apiserver.kinds;
