/** The watch cache (Kubernetes' cacher): one store watch per resource type, event history, fan-out to watchers. */
package io.kava.apiserver.watch;
