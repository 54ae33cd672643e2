package io.kava.store.etcd;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How {@link EtcdStore} reaches an etcd cluster.
 *
 * <h2>Keys and the namespace</h2>
 * Callers of the store pass full keys ({@code /registry/pods/default/web}), as the API server stores them in etcd.
 * {@code namespace} is prepended to every key on the wire and stripped from every key read back, so several Kava
 * clusters (or test runs) can share one etcd without seeing each other's keys. The default is empty: keys land in
 * etcd exactly as the API server names them, as with Kubernetes' default {@code --etcd-prefix=/registry}. Revisions
 * and compaction stay cluster-wide: they are etcd's, not the namespace's.
 *
 * @param endpoints      client URLs of every member ({@code http://host:port}); the client balances over all of them
 * @param namespace      bytes prepended to every key; empty for none
 * @param connectTimeout TCP connect timeout per member
 * @param requestTimeout deadline of one attempt of a call; no retry starts after it has passed since the first attempt
 * @param retry          how often and how patiently a call that could not reach etcd is retried
 * @param watchBacklog   batches a watch may hold for a listener that has not caught up before the watch is ended
 */
public record EtcdOptions(
        List<URI> endpoints,
        String namespace,
        Duration connectTimeout,
        Duration requestTimeout,
        Retry retry,
        int watchBacklog) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_WATCH_BACKLOG = 10_000;

    /**
     * Retries with exponential backoff. A call is tried at most {@code maxAttempts} times; between attempts it waits
     * {@code initialBackoff}, doubling up to {@code maxBackoff}. Reads are retried on any transient error; writes only
     * when etcd cannot have applied them (see {@link EtcdStore}). The defaults ride out a leader election (about 1-3 s
     * with etcd's default timings) and give up on an unreachable cluster after about 5 s.
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        public static final Retry DEFAULT = new Retry(7, Duration.ofMillis(100), Duration.ofSeconds(2));

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retry.maxAttempts must be at least 1, got " + maxAttempts);
            }
            requirePositive("retry.initialBackoff", initialBackoff);
            requirePositive("retry.maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("retry.maxBackoff " + maxBackoff + " is below retry.initialBackoff "
                        + initialBackoff);
            }
        }

        /** The pause before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
        public Duration backoff(int attempt) {
            long millis = initialBackoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
            return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
        }
    }

    public EtcdOptions {
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one etcd endpoint is required");
        }
        for (URI endpoint : endpoints) {
            if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null || endpoint.getPort() < 0) {
                throw new IllegalArgumentException("etcd endpoint must look like http://host:port, got " + endpoint);
            }
        }
        Objects.requireNonNull(namespace, "namespace");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        Objects.requireNonNull(retry, "retry");
        if (watchBacklog < 1) {
            throw new IllegalArgumentException("watchBacklog must be at least 1, got " + watchBacklog);
        }
    }

    /** Defaults for the given client URLs ({@code http://127.0.0.1:2379}). */
    public static EtcdOptions of(String... endpoints) {
        return of(Arrays.stream(endpoints).map(URI::create).toList());
    }

    public static EtcdOptions of(List<URI> endpoints) {
        return new EtcdOptions(endpoints, "", DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Retry.DEFAULT,
                DEFAULT_WATCH_BACKLOG);
    }

    /**
     * Parses a datastore address as {@code kava server --datastore} takes it: {@code etcd://host:port[,host:port...]}
     * with an optional path as the namespace ({@code etcd://10.0.0.1:2379,10.0.0.2:2379/kava-a}). Members are reached
     * over plain HTTP.
     */
    public static EtcdOptions parse(String datastore) {
        String prefix = "etcd://";
        if (datastore == null || !datastore.startsWith(prefix)) {
            throw new IllegalArgumentException(
                    "etcd datastore must look like etcd://host:port[,host:port...][/namespace], got " + datastore);
        }
        String rest = datastore.substring(prefix.length());
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String namespace = slash < 0 ? "" : rest.substring(slash);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("etcd datastore names no member: " + datastore);
        }
        List<URI> endpoints = Arrays.stream(hosts.split(",")).map(h -> URI.create("http://" + h)).toList();
        return of(endpoints).withNamespace(namespace.equals("/") ? "" : namespace);
    }

    public EtcdOptions withNamespace(String namespace) {
        return new EtcdOptions(endpoints, namespace, connectTimeout, requestTimeout, retry, watchBacklog);
    }

    public EtcdOptions withConnectTimeout(Duration connectTimeout) {
        return new EtcdOptions(endpoints, namespace, connectTimeout, requestTimeout, retry, watchBacklog);
    }

    public EtcdOptions withRequestTimeout(Duration requestTimeout) {
        return new EtcdOptions(endpoints, namespace, connectTimeout, requestTimeout, retry, watchBacklog);
    }

    public EtcdOptions withRetry(Retry retry) {
        return new EtcdOptions(endpoints, namespace, connectTimeout, requestTimeout, retry, watchBacklog);
    }

    public EtcdOptions withWatchBacklog(int watchBacklog) {
        return new EtcdOptions(endpoints, namespace, connectTimeout, requestTimeout, retry, watchBacklog);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
