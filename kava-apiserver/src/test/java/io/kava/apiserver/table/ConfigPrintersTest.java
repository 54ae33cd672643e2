package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ConfigMaps, Secrets, ServiceAccounts, Namespaces and ResourceQuotas. */
class ConfigPrintersTest {

    @Test
    void configMapCountsDataAndBinaryData() {
        assertThat(headers(ConfigPrinters.CONFIG_MAP)).containsExactly("Name", "Data", "Age");
        assertThat(cells(ConfigPrinters.CONFIG_MAP, """
                {"metadata": {"name": "kube-root-ca.crt", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "data": {"ca.crt": "-----BEGIN CERTIFICATE-----"}, "binaryData": {"logo.png": "iVBORw0KGgo="}}"""))
                .containsExactly("kube-root-ca.crt", 2L, "60m");
        assertThat(cells(ConfigPrinters.CONFIG_MAP, """
                {"metadata": {"name": "empty"}}""")).containsExactly("empty", 0L, "<unknown>");
    }

    @Test
    void secret() {
        assertThat(headers(ConfigPrinters.SECRET)).containsExactly("Name", "Type", "Data", "Age");
        assertThat(cells(ConfigPrinters.SECRET, """
                {"metadata": {"name": "tls", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "type": "kubernetes.io/tls", "data": {"tls.crt": "Y3J0", "tls.key": "a2V5"}}"""))
                .containsExactly("tls", "kubernetes.io/tls", 2L, "60m");
        assertThat(cells(ConfigPrinters.SECRET, """
                {"metadata": {"name": "creds"}, "data": {"user": "YWRtaW4="},
                 "stringData": {"user": "admin", "password": "hunter2"}}"""))
                .containsExactly("creds", "Opaque", 2L, "<unknown>");
    }

    @Test
    void serviceAccount() {
        assertThat(headers(ConfigPrinters.SERVICE_ACCOUNT)).containsExactly("Name", "Secrets", "Age");
        assertThat(cells(ConfigPrinters.SERVICE_ACCOUNT, """
                {"metadata": {"name": "default", "creationTimestamp": "2025-05-01T12:00:00Z"}}"""))
                .containsExactly("default", 0L, "31d");
        assertThat(cells(ConfigPrinters.SERVICE_ACCOUNT, """
                {"metadata": {"name": "builder"}, "secrets": [{"name": "builder-token"}]}""").get(1))
                .isEqualTo(1L);
    }

    @Test
    void namespace() {
        var printer = new NamespacePrinter();
        assertThat(headers(printer)).containsExactly("Name", "Status", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "kube-system", "creationTimestamp": "2024-01-01T00:00:00Z"},
                 "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}"""))
                .containsExactly("kube-system", "Active", "517d");
        assertThat(cells(printer, """
                {"metadata": {"name": "old", "deletionTimestamp": "2025-06-01T11:59:00Z"},
                 "status": {"phase": "Terminating"}}""").get(1)).isEqualTo("Terminating");
    }

    @Test
    void resourceQuotaSplitsRequestsAndLimits() {
        var printer = new ResourceQuotaPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Request", "Limit", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "compute", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"hard": {"pods": "10"}},
                 "status": {"hard": {"requests.cpu": "2", "requests.memory": "2Gi", "pods": "10",
                                     "limits.cpu": "4", "limits.memory": "4096Mi"},
                            "used": {"requests.cpu": "500m", "requests.memory": "0.5Gi", "pods": "3",
                                     "limits.cpu": "1"}}}"""))
                .containsExactly("compute", "pods: 3/10, requests.cpu: 500m/2, requests.memory: 512Mi/2Gi",
                        "limits.cpu: 1/4, limits.memory: 0/4Gi", "60m");
    }
}
