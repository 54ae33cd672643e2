/**
 * ConfigMaps and Secrets (Kubernetes' {@code pkg/registry/core/configmap}, {@code secret} and their validation in
 * {@code pkg/apis/core/validation}).
 */
package io.kava.apiserver.kinds.config;
