package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deployments, ReplicaSets, ReplicationControllers, StatefulSets, DaemonSets, ControllerRevisions, PodTemplates. */
class WorkloadPrintersTest {

    private static final String TEMPLATE = """
            "template": {"metadata": {"labels": {"app": "web"}},
                         "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"},
                                                 {"name": "exporter", "image": "nginx-exporter:1.4"}]}}""";

    @Test
    void deployment() {
        var printer = new DeploymentPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Ready", "Up-to-date", "Available", "Age",
                "Containers|1", "Images|1", "Selector|1");
        assertThat(cells(printer, """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "creationTimestamp": "2025-05-31T12:00:00Z"},
                 "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}, %s},
                 "status": {"replicas": 3, "readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2}}
                """.formatted(TEMPLATE))).containsExactly("web", "2/3", 3L, 2L, "24h", "nginx,exporter",
                "nginx:1.27,nginx-exporter:1.4", "app=web");
    }

    @Test
    void freshDeploymentWithoutStatusOrReplicas() {
        assertThat(cells(new DeploymentPrinter(), """
                {"metadata": {"name": "web"}, "spec": {"selector": {}, %s}}""".formatted(TEMPLATE)))
                .containsExactly("web", "0/1", 0L, 0L, "<unknown>", "nginx,exporter",
                        "nginx:1.27,nginx-exporter:1.4", "");
    }

    @Test
    void replicaSet() {
        var printer = ReplicaSetPrinter.REPLICA_SET;
        assertThat(headers(printer)).containsExactly("Name", "Desired", "Current", "Ready", "Age", "Containers|1",
                "Images|1", "Selector|1");
        assertThat(cells(printer, """
                {"metadata": {"name": "web-7d4b9c8f5", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web", "pod-template-hash": "7d4b9c8f5"}},
                          %s},
                 "status": {"replicas": 3, "readyReplicas": 3, "availableReplicas": 3}}""".formatted(TEMPLATE)))
                .containsExactly("web-7d4b9c8f5", 3L, 3L, 3L, "60m", "nginx,exporter",
                        "nginx:1.27,nginx-exporter:1.4", "app=web,pod-template-hash=7d4b9c8f5");
    }

    @Test
    void replicationController() {
        assertThat(cells(ReplicaSetPrinter.REPLICATION_CONTROLLER, """
                {"metadata": {"name": "legacy", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"replicas": 2, "selector": {"app": "web"}, %s},
                 "status": {"replicas": 2, "readyReplicas": 1}}""".formatted(TEMPLATE)))
                .containsExactly("legacy", 2L, 2L, 1L, "60m", "nginx,exporter", "nginx:1.27,nginx-exporter:1.4",
                        "app=web");
        assertThat(cells(ReplicaSetPrinter.REPLICATION_CONTROLLER, """
                {"metadata": {"name": "bare"}, "spec": {"replicas": 0}}"""))
                .containsExactly("bare", 0L, 0L, 0L, "<unknown>", "", "", "<none>");
    }

    @Test
    void statefulSet() {
        var printer = new StatefulSetPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Ready", "Age", "Containers|1", "Images|1");
        assertThat(cells(printer, """
                {"metadata": {"name": "db", "creationTimestamp": "2025-05-29T12:00:00Z"},
                 "spec": {"replicas": 3, "serviceName": "db",
                          "template": {"spec": {"containers": [{"name": "pg", "image": "postgres:17"}]}}},
                 "status": {"replicas": 3, "readyReplicas": 1}}"""))
                .containsExactly("db", "1/3", "3d", "pg", "postgres:17");
    }

    @Test
    void daemonSet() {
        var printer = new DaemonSetPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Desired", "Current", "Ready", "Up-to-date",
                "Available", "Node Selector", "Age", "Containers|1", "Images|1", "Selector|1");
        assertThat(cells(printer, """
                {"metadata": {"name": "kube-proxy", "creationTimestamp": "2025-05-01T12:00:00Z"},
                 "spec": {"selector": {"matchLabels": {"k8s-app": "kube-proxy"}},
                          "template": {"spec": {"nodeSelector": {"kubernetes.io/os": "linux"},
                            "containers": [{"name": "kube-proxy", "image": "registry.k8s.io/kube-proxy:v1.33.1"}]}}},
                 "status": {"desiredNumberScheduled": 3, "currentNumberScheduled": 3, "numberReady": 2,
                            "updatedNumberScheduled": 3, "numberAvailable": 2}}"""))
                .containsExactly("kube-proxy", 3L, 3L, 2L, 3L, 2L, "kubernetes.io/os=linux", "31d", "kube-proxy",
                        "registry.k8s.io/kube-proxy:v1.33.1", "k8s-app=kube-proxy");
    }

    @Test
    void controllerRevision() {
        var printer = new ControllerRevisionPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Controller", "Revision", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "db-6b8f7c9d4", "creationTimestamp": "2025-06-01T11:00:00Z",
                   "ownerReferences": [{"apiVersion": "v1", "kind": "ConfigMap", "name": "other"},
                                       {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "db",
                                        "controller": true, "blockOwnerDeletion": true}]},
                 "revision": 2, "data": {}}"""))
                .containsExactly("db-6b8f7c9d4", "statefulset.apps/db", 2L, "60m");
        assertThat(cells(printer, """
                {"metadata": {"name": "orphan"}, "revision": 1}""").get(1)).isEqualTo("<none>");
    }

    @Test
    void podTemplate() {
        var printer = new PodTemplatePrinter();
        assertThat(headers(printer)).containsExactly("Name", "Containers", "Images", "Pod Labels");
        assertThat(cells(printer, """
                {"metadata": {"name": "tpl"}, %s}""".formatted(TEMPLATE)))
                .containsExactly("tpl", "nginx,exporter", "nginx:1.27,nginx-exporter:1.4", "app=web");
    }
}
