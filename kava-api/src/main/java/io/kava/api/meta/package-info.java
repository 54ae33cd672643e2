/** Accessors for object metadata (metav1.ObjectMeta) on JSON trees. */
package io.kava.api.meta;
