package io.kava.apiserver.kinds;

import io.kava.apiserver.rest.NameRule;
import io.kava.apiserver.rest.Strategy;

/**
 * A kind with no rules beyond its name and whether it counts generations: kinds whose spec Kubernetes does not
 * version with {@code metadata.generation} (Node, Lease, PersistentVolume, ...) or that have no spec at all.
 */
record SimpleStrategy(NameRule nameRule, boolean tracksGeneration) implements Strategy {

    /** A DNS-subdomain-named kind without generation. */
    static final SimpleStrategy NO_GENERATION = new SimpleStrategy(NameRule.DNS_SUBDOMAIN, false);
}
