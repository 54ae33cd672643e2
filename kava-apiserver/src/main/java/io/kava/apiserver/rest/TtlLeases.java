package io.kava.apiserver.rest;

import java.time.Clock;

import io.kava.store.Store;

/**
 * Store leases for objects that expire (events). One lease is shared by every object created within a minute, as
 * kube-apiserver's lease manager does, so a burst of events costs one lease, not thousands; the lease lives one
 * reuse window longer than the TTL so no object expires early.
 */
final class TtlLeases {

    private static final long REUSE_SECONDS = 60;

    private final Store store;
    private final Clock clock;
    private long lease;
    private long ttl;
    private long grantedAtMillis;

    TtlLeases(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    synchronized long leaseFor(long ttlSeconds) {
        long now = clock.millis();
        if (lease == 0 || ttl != ttlSeconds || now - grantedAtMillis >= REUSE_SECONDS * 1000) {
            lease = store.grantLease(ttlSeconds + REUSE_SECONDS);
            ttl = ttlSeconds;
            grantedAtMillis = now;
        }
        return lease;
    }
}
