package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerPrinterTest {

    private final HorizontalPodAutoscalerPrinter printer = new HorizontalPodAutoscalerPrinter();

    @Test
    void columns() {
        assertThat(headers(printer)).containsExactly("Name", "Reference", "Targets", "MinPods", "MaxPods",
                "Replicas", "Age");
    }

    @Test
    void cpuUtilization() {
        assertThat(cells(printer, """
                {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
                 "metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                          "minReplicas": 2, "maxReplicas": 10,
                          "metrics": [{"type": "Resource", "resource": {"name": "cpu",
                                       "target": {"type": "Utilization", "averageUtilization": 80}}}]},
                 "status": {"currentReplicas": 3, "desiredReplicas": 3,
                            "currentMetrics": [{"type": "Resource", "resource": {"name": "cpu",
                                                "current": {"averageUtilization": 45, "averageValue": "90m"}}}]}}
                """)).containsExactly("web", "Deployment/web", "cpu: 45%/80%", "2", 10L, 3L, "60m");
    }

    @Test
    void metricsNotYetAvailableAndDefaults() {
        assertThat(cells(printer, """
                {"metadata": {"name": "new"},
                 "spec": {"scaleTargetRef": {"kind": "StatefulSet", "name": "db"}, "maxReplicas": 5}}"""))
                .containsExactly("new", "StatefulSet/db", "cpu: <unknown>/80%", "1", 5L, 0L, "<unknown>");
    }

    @Test
    void severalMetricKinds() {
        assertThat(cells(printer, """
                {"metadata": {"name": "mixed"},
                 "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "w"}, "maxReplicas": 4,
                   "metrics": [
                     {"type": "Resource", "resource": {"name": "memory",
                        "target": {"type": "AverageValue", "averageValue": "0.5Gi"}}},
                     {"type": "Pods", "pods": {"metric": {"name": "rps"},
                        "target": {"type": "AverageValue", "averageValue": "1k"}}},
                     {"type": "External", "external": {"metric": {"name": "queue"},
                        "target": {"type": "Value", "value": "30"}}}]},
                 "status": {"currentMetrics": [
                     {"type": "Resource", "resource": {"name": "memory", "current": {"averageValue": "300Mi"}}},
                     {"type": "Pods", "pods": {"metric": {"name": "rps"}, "current": {"averageValue": "1500m"}}}]}}
                """).get(2)).isEqualTo("memory: 300Mi/512Mi, 1500m/1k + 1 more...");
    }

    @Test
    void objectExternalAndContainerMetrics() {
        assertThat(cells(printer, """
                {"metadata": {"name": "o"},
                 "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "w"}, "maxReplicas": 4,
                   "metrics": [
                     {"type": "Object", "object": {"metric": {"name": "hits"},
                        "target": {"type": "AverageValue", "averageValue": "10"}}},
                     {"type": "ContainerResource", "containerResource": {"name": "cpu", "container": "app",
                        "target": {"type": "Utilization"}}}]},
                 "status": {"currentMetrics": [
                     {"type": "Object", "object": {"metric": {"name": "hits"}, "current": {"value": "7"}}},
                     {"type": "ContainerResource", "containerResource": {"name": "cpu", "container": "app",
                        "current": {"averageUtilization": 12}}}]}}""").get(2))
                .isEqualTo("<unknown>/10 (avg), cpu: 12%/<auto>");
    }
}
