/** Conversions for kinds served in a second version over one storage (events.k8s.io Events, autoscaling/v1). */
package io.kava.apiserver.kinds.conversion;
