/** Subresources other than status: pods/binding, namespaces/finalize, scale and pods/eviction. */
package io.kava.apiserver.subresources;
