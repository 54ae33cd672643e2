/**
 * The resource registry: which group/version/resource names the API server serves, the kind each holds, its scope,
 * short names, categories and subresources (what Kubernetes' discovery documents describe).
 */
package io.kava.api.registry;
