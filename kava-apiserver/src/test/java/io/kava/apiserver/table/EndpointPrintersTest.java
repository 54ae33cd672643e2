package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointPrintersTest {

    private final EndpointsPrinter endpoints = new EndpointsPrinter();
    private final EndpointSlicePrinter slices = new EndpointSlicePrinter();

    @Test
    void endpointsListsUpToThreeAddresses() {
        assertThat(headers(endpoints)).containsExactly("Name", "Endpoints", "Age");
        assertThat(cells(endpoints, """
                {"metadata": {"name": "web", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "subsets": [{"addresses": [{"ip": "10.244.1.5"}, {"ip": "10.244.2.6"}],
                              "ports": [{"name": "http", "port": 8080, "protocol": "TCP"},
                                        {"name": "metrics", "port": 9090, "protocol": "TCP"}]}]}
                """)).containsExactly("web", "10.244.1.5:8080,10.244.2.6:8080,10.244.1.5:9090 + 1 more...", "60m");
    }

    @Test
    void endpointsEdgeCases() {
        assertThat(cells(endpoints, """
                {"metadata": {"name": "none"}}""").get(1)).isEqualTo("<none>");
        assertThat(cells(endpoints, """
                {"metadata": {"name": "unready"},
                 "subsets": [{"notReadyAddresses": [{"ip": "10.244.1.5"}], "ports": [{"port": 80}]}]}
                """).get(1)).isEqualTo("");
        assertThat(cells(endpoints, """
                {"metadata": {"name": "headless"},
                 "subsets": [{"addresses": [{"ip": "10.244.1.5"}, {"ip": "fd00::7"}]},
                             {"addresses": [{"ip": "fd00::8"}], "ports": [{"port": 80}]}]}
                """).get(1)).isEqualTo("10.244.1.5,fd00::7,[fd00::8]:80");
    }

    @Test
    void endpointSlice() {
        assertThat(headers(slices)).containsExactly("Name", "AddressType", "Ports", "Endpoints", "Age");
        assertThat(cells(slices, """
                {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
                 "metadata": {"name": "web-abc12", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "addressType": "IPv4",
                 "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}, {"name": "named"}, {}],
                 "endpoints": [{"addresses": ["10.244.1.5"], "conditions": {"ready": true}},
                               {"addresses": ["10.244.2.6"]}, {"addresses": ["10.244.3.7"]},
                               {"addresses": ["10.244.4.8"]}, {"addresses": ["10.244.5.9"]}]}
                """)).containsExactly("web-abc12", "IPv4", "8080,named,*",
                "10.244.1.5,10.244.2.6,10.244.3.7 + 2 more...", "60m");
        assertThat(cells(slices, """
                {"metadata": {"name": "empty"}, "addressType": "IPv6"}""").subList(2, 4))
                .containsExactly("<unset>", "<unset>");
    }
}
