package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServicePrinterTest {

    private final ServicePrinter printer = new ServicePrinter();

    @Test
    void columns() {
        assertThat(headers(printer)).containsExactly("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age",
                "Selector|1");
    }

    @Test
    void clusterIPService() {
        assertThat(cells(printer, """
                {"metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"type": "ClusterIP", "clusterIP": "10.96.12.34", "clusterIPs": ["10.96.12.34"],
                          "selector": {"app": "web", "tier": "frontend"},
                          "ports": [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"},
                                    {"name": "https", "port": 443, "targetPort": 8443, "protocol": "TCP"}]}}
                """)).containsExactly("web", "ClusterIP", "10.96.12.34", "<none>", "80/TCP,443/TCP", "60m",
                "app=web,tier=frontend");
    }

    @Test
    void nodePortServiceWithExternalIPs() {
        assertThat(cells(printer, """
                {"metadata": {"name": "np", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"type": "NodePort", "clusterIPs": ["10.96.0.20"], "externalIPs": ["198.51.100.1"],
                          "ports": [{"port": 80, "nodePort": 30080, "protocol": "TCP"},
                                    {"port": 443, "nodePort": 30443, "protocol": "TCP"},
                                    {"port": 53, "nodePort": 30053, "protocol": "UDP"}]}}
                """).subList(1, 5)).containsExactly("NodePort", "10.96.0.20", "198.51.100.1",
                "80:30080/TCP,443:30443/TCP,53:30053/UDP");
    }

    @Test
    void loadBalancerPendingAndProvisioned() {
        assertThat(cells(printer, """
                {"metadata": {"name": "lb"},
                 "spec": {"type": "LoadBalancer", "clusterIPs": ["10.96.0.30"],
                          "ports": [{"port": 443, "nodePort": 31443, "protocol": "TCP"}]},
                 "status": {"loadBalancer": {}}}
                """).subList(1, 5)).containsExactly("LoadBalancer", "10.96.0.30", "<pending>", "443:31443/TCP");
        assertThat(cells(printer, """
                {"metadata": {"name": "lb"},
                 "spec": {"type": "LoadBalancer", "clusterIPs": ["10.96.0.30"],
                          "externalIPs": ["198.51.100.9"], "ports": []},
                 "status": {"loadBalancer": {"ingress": [
                   {"hostname": "a1b2c3.elb.example.com"}, {"ip": "203.0.113.10"}, {"ip": "203.0.113.10"}]}}}
                """).subList(3, 5))
                .containsExactly("203.0.113.10,a1b2c3.elb.example.com,198.51.100.9", "<none>");
    }

    @Test
    void headlessAndExternalNameServices() {
        assertThat(cells(printer, """
                {"metadata": {"name": "db"},
                 "spec": {"type": "ClusterIP", "clusterIP": "None", "clusterIPs": ["None"],
                          "ports": [{"port": 5432, "protocol": "TCP"}]}}
                """).subList(1, 5)).containsExactly("ClusterIP", "None", "<none>", "5432/TCP");
        assertThat(cells(printer, """
                {"metadata": {"name": "ext"},
                 "spec": {"type": "ExternalName", "externalName": "db.example.com"}}
                """)).containsExactly("ext", "ExternalName", "<none>", "db.example.com", "<none>", "<unknown>",
                "<none>");
    }

    @Test
    void missingTypeAndProtocolPrintAsTheirDefaults() {
        assertThat(cells(printer, """
                {"metadata": {"name": "legacy"}, "spec": {"clusterIP": "10.96.0.5", "ports": [{"port": 8080}]}}
                """).subList(1, 5)).containsExactly("ClusterIP", "10.96.0.5", "<none>", "8080/TCP");
    }
}
