package io.kava.apiserver.kinds;

import java.time.Clock;

import io.kava.apiserver.kinds.service.ServiceNetwork;
import io.kava.store.Store;

/**
 * What the strategies may use beyond the object at hand: the cluster store (for the Service IP and port allocator),
 * the clock, and the service network configuration.
 *
 * @param store          the cluster store the API server writes to
 * @param clock          the API server's clock
 * @param serviceNetwork the service CIDR and node-port range
 */
public record StrategyContext(Store store, Clock clock, ServiceNetwork serviceNetwork) {

    /** A context with the default service network ({@link ServiceNetwork#DEFAULT}). */
    public StrategyContext(Store store, Clock clock) {
        this(store, clock, ServiceNetwork.DEFAULT);
    }
}
