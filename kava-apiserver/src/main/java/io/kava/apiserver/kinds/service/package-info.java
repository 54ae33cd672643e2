/**
 * Services (Kubernetes' {@code pkg/registry/core/service}): defaults, validation, and the allocation of cluster IPs
 * from the service CIDR and of node ports, unique across API servers through reservation keys in the store (see
 * {@link io.kava.apiserver.kinds.service.ServiceAllocator}).
 */
package io.kava.apiserver.kinds.service;
