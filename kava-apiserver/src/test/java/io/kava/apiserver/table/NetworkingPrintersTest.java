package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ingresses, IngressClasses and NetworkPolicies. */
class NetworkingPrintersTest {

    @Test
    void ingress() {
        var printer = new IngressPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Class", "Hosts", "Address", "Ports", "Age");
        assertThat(cells(printer, """
                {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
                 "metadata": {"name": "shop", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"ingressClassName": "nginx",
                          "tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}],
                          "rules": [{"host": "shop.example.com"}, {"host": "api.example.com"}]},
                 "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.20"}, {"hostname": "lb.example.com"}]}}}
                """)).containsExactly("shop", "nginx", "shop.example.com,api.example.com",
                "203.0.113.20,lb.example.com", "80, 443", "60m");
    }

    @Test
    void ingressHostsAndDefaults() {
        var printer = new IngressPrinter();
        assertThat(cells(printer, """
                {"metadata": {"name": "catch-all"}, "spec": {"defaultBackend": {"service": {"name": "web"}}}}"""))
                .containsExactly("catch-all", "<none>", "*", "", "80", "<unknown>");
        assertThat(cells(printer, """
                {"metadata": {"name": "many"}, "spec": {"rules": [{"host": "a.io"}, {}, {"host": "b.io"},
                  {"host": "c.io"}, {"host": "d.io"}, {"host": "e.io"}]}}""").get(2))
                .isEqualTo("a.io,b.io,c.io + 3 more...");
    }

    @Test
    void ingressClass() {
        var printer = new IngressClassPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Controller", "Parameters", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "nginx", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"controller": "k8s.io/ingress-nginx"}}"""))
                .containsExactly("nginx", "k8s.io/ingress-nginx", "<none>", "60m");
        assertThat(cells(printer, """
                {"metadata": {"name": "alb"},
                 "spec": {"controller": "ingress.k8s.aws/alb",
                          "parameters": {"apiGroup": "elbv2.k8s.aws", "kind": "IngressClassParams",
                                         "name": "alb-params"}}}""").get(2))
                .isEqualTo("IngressClassParams.elbv2.k8s.aws/alb-params");
    }

    @Test
    void networkPolicy() {
        var printer = new NetworkPolicyPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Pod-Selector", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "allow-web", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress"]}}"""))
                .containsExactly("allow-web", "app=web", "60m");
        assertThat(cells(printer, """
                {"metadata": {"name": "deny-all"}, "spec": {"podSelector": {}}}""").get(1)).isEqualTo("<none>");
    }
}
