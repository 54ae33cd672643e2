/** The Kubernetes API server: {@link io.kava.apiserver.ApiServer} wires the store, registry and HTTP layer. */
package io.kava.apiserver;
