package io.kava.apiserver.rest;

import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the version a resource is served in and the version it is stored in, for kinds served in two
 * versions over one storage (events.k8s.io/v1 Events over core/v1 Events, autoscaling/v1 over autoscaling/v2
 * HorizontalPodAutoscalers). Both directions keep {@code metadata} as it is.
 */
public interface Conversion {

    /** Served and stored versions are the same. */
    Conversion NONE = new Conversion() {
        @Override
        public ObjectNode toServed(ObjectNode stored) {
            return stored;
        }

        @Override
        public ObjectNode toStored(ObjectNode served) {
            return served;
        }
    };

    ObjectNode toServed(ObjectNode stored);

    ObjectNode toStored(ObjectNode served);
}
