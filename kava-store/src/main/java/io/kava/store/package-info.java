/**
 * The cluster store: the {@link io.kava.store.Store} SPI (etcd's revisioned key-value model: ranges, compare-and-swap
 * on mod revision, watch from a revision, compaction, leases) and its backends, {@code sqlite} (the embedded default,
 * kine-style log table) and {@code etcd} (a real etcd cluster through jetcd).
 */
package io.kava.store;
