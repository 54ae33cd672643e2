package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Leases, RBAC bindings, PDBs, priority and runtime classes, CSRs, webhook configurations, APIServices. */
class ClusterPrintersTest {

    @Test
    void lease() {
        var printer = new LeasePrinter();
        assertThat(headers(printer)).containsExactly("Name", "Holder", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "kube-scheduler", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"holderIdentity": "cp-1_5e3b", "leaseDurationSeconds": 15}}"""))
                .containsExactly("kube-scheduler", "cp-1_5e3b", "60m");
        assertThat(cells(printer, "{\"metadata\": {\"name\": \"free\"}, \"spec\": {}}").get(1)).isEqualTo("");
    }

    @Test
    void roleBindings() {
        var printer = RoleBindingPrinter.CLUSTER_ROLE_BINDING;
        assertThat(headers(printer)).containsExactly("Name", "Role", "Age", "Users|1", "Groups|1",
                "ServiceAccounts|1");
        assertThat(printer.columns().get(3).description()).isEqualTo("Users in the clusterRoleBinding");
        assertThat(cells(printer, """
                {"metadata": {"name": "admins", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
                 "subjects": [{"kind": "User", "name": "alice"}, {"kind": "Group", "name": "system:masters"},
                              {"kind": "User", "name": "bob"},
                              {"kind": "ServiceAccount", "namespace": "ci", "name": "deployer"}]}"""))
                .containsExactly("admins", "ClusterRole/cluster-admin", "60m", "alice, bob", "system:masters",
                        "ci/deployer");
        assertThat(cells(RoleBindingPrinter.ROLE_BINDING, """
                {"metadata": {"name": "view"}, "roleRef": {"kind": "Role", "name": "viewer"}}"""))
                .containsExactly("view", "Role/viewer", "<unknown>", "", "", "");
    }

    @Test
    void podDisruptionBudget() {
        var printer = new PodDisruptionBudgetPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Min Available", "Max Unavailable",
                "Allowed Disruptions", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}},
                 "status": {"disruptionsAllowed": 1, "currentHealthy": 3, "desiredHealthy": 2}}"""))
                .containsExactly("web", "2", "N/A", 1L, "60m");
        assertThat(cells(printer, """
                {"metadata": {"name": "db"}, "spec": {"maxUnavailable": "25%"}}""").subList(1, 4))
                .containsExactly("N/A", "25%", 0L);
    }

    @Test
    void priorityClass() {
        var printer = new PriorityClassPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Value", "Global-Default", "Age", "PreemptionPolicy");
        assertThat(cells(printer, """
                {"metadata": {"name": "system-node-critical", "creationTimestamp": "2025-05-01T12:00:00Z"},
                 "value": 2000001000, "preemptionPolicy": "PreemptLowerPriority"}"""))
                .containsExactly("system-node-critical", 2000001000L, false, "31d", "PreemptLowerPriority");
        assertThat(cells(printer, """
                {"metadata": {"name": "batch"}, "value": -10, "globalDefault": true}"""))
                .containsExactly("batch", -10L, true, "<unknown>", "PreemptLowerPriority");
    }

    @Test
    void runtimeClass() {
        var printer = new RuntimeClassPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Handler", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "gvisor", "creationTimestamp": "2025-06-01T11:00:00Z"}, "handler": "runsc"}"""))
                .containsExactly("gvisor", "runsc", "60m");
    }

    @Test
    void certificateSigningRequests() {
        var printer = new CertificateSigningRequestPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Age", "SignerName", "Requestor", "RequestedDuration",
                "Condition");
        assertThat(cells(printer, """
                {"metadata": {"name": "csr-8x2kq", "creationTimestamp": "2025-06-01T11:55:00Z"},
                 "spec": {"signerName": "kubernetes.io/kube-apiserver-client-kubelet",
                          "username": "system:node:node-1", "expirationSeconds": 86400,
                          "usages": ["digital signature", "client auth"], "request": "LS0t"},
                 "status": {"conditions": [{"type": "Approved", "status": "True"}], "certificate": "LS0tLS1C"}}"""))
                .containsExactly("csr-8x2kq", "5m", "kubernetes.io/kube-apiserver-client-kubelet",
                        "system:node:node-1", "24h", "Approved,Issued");
        assertThat(cells(printer, """
                {"metadata": {"name": "pending"}, "spec": {"username": "alice"}}""").subList(2, 6))
                .containsExactly("<none>", "alice", "<none>", "Pending");
        assertThat(cells(printer, """
                {"metadata": {"name": "denied"},
                 "status": {"conditions": [{"type": "Approved"}, {"type": "Denied"}, {"type": "Failed"}]}}""")
                .get(5)).isEqualTo("Denied,Failed");
    }

    @Test
    void webhookConfigurations() {
        var printer = WebhookConfigurationPrinter.INSTANCE;
        assertThat(headers(printer)).containsExactly("Name", "Webhooks", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "cert-manager-webhook", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "webhooks": [{"name": "webhook.cert-manager.io"}]}"""))
                .containsExactly("cert-manager-webhook", 1L, "60m");
    }

    @Test
    void apiServices() {
        var printer = new APIServicePrinter();
        assertThat(headers(printer)).containsExactly("Name", "Service", "Available", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "v1.apps", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"group": "apps", "version": "v1"},
                 "status": {"conditions": [{"type": "Available", "status": "True", "reason": "Local"}]}}"""))
                .containsExactly("v1.apps", "Local", "True", "60m");
        assertThat(cells(printer, """
                {"metadata": {"name": "v1beta1.metrics.k8s.io"},
                 "spec": {"service": {"namespace": "kube-system", "name": "metrics-server"}},
                 "status": {"conditions": [{"type": "Available", "status": "False",
                                            "reason": "MissingEndpoints"}]}}""").subList(1, 3))
                .containsExactly("kube-system/metrics-server", "False (MissingEndpoints)");
        assertThat(cells(printer, "{\"metadata\": {\"name\": \"new\"}}").get(2)).isEqualTo("Unknown");
    }
}
