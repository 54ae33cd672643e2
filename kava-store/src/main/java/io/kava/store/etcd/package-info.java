/**
 * The etcd backend of the cluster store: {@link io.kava.store.etcd.EtcdStore} maps the {@link io.kava.store.Store}
 * SPI onto a real etcd cluster through jetcd, as the Kubernetes API server's {@code storage/etcd3} does with the Go
 * client. {@link io.kava.store.etcd.EtcdOptions} says where the cluster is, which key namespace to use and how
 * patiently to retry. Everything else here is package-private: key encoding, the retrying call path and the one place
 * etcd errors are read, compaction tracking, conditional writes and resumable watches.
 */
package io.kava.store.etcd;
