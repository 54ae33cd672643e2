/** Prometheus metrics of the API server. */
package io.kava.apiserver.metrics;
