package io.kava.apiserver.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The API server's Prometheus metrics, named as kube-apiserver names them. */
public final class ApiMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name("apiserver_request_total")
            .help("Counter of apiserver requests broken out for each verb, resource and HTTP response code.")
            .labelNames("verb", "resource", "code")
            .register(registry);
    private final Histogram latency = Histogram.builder()
            .name("apiserver_request_duration_seconds")
            .help("Response latency distribution in seconds for each verb and resource.")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60)
            .labelNames("verb", "resource")
            .register(registry);

    public void observe(String verb, String resource, int code, long nanos) {
        requests.labelValues(verb, resource, Integer.toString(code)).inc();
        if (!verb.equals("watch")) {
            latency.labelValues(verb, resource).observe(nanos / 1e9);
        }
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The text exposition format of every metric in the registry. */
    public String scrape() {
        var out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
