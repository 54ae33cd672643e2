package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EndpointSlices: Name, AddressType, Ports, Endpoints, Age. PORTS and ENDPOINTS list up to three entries then
 * {@code + N more...}, {@code <unset>} when empty; a port prints its number, else its name, else {@code *}.
 * (k8s {@code printEndpointSlice}, {@code formatDiscoveryPorts}, {@code formatDiscoveryEndpoints})
 */
final class EndpointSlicePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("AddressType", SwaggerDocs.ENDPOINT_SLICE_ADDRESS_TYPE),
            Column.string("Ports", SwaggerDocs.ENDPOINT_SLICE_PORTS),
            Column.string("Endpoints", SwaggerDocs.ENDPOINT_SLICE_ENDPOINTS),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode slice, Instant now) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : Nodes.items(slice, "ports")) {
            if (Nodes.has(port, "port")) {
                ports.add(Long.toString(Nodes.integer(port, "port")));
            } else if (Nodes.has(port, "name")) {
                ports.add(Nodes.str(port, "name"));
            } else {
                ports.add("*");
            }
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode endpoint : Nodes.items(slice, "endpoints")) {
            Nodes.items(endpoint, "addresses").forEach(a -> addresses.add(a.asString("")));
        }
        return Row.of(Nodes.name(slice), Nodes.str(slice, "addressType"), Cells.listWithMore(ports, 3),
                Cells.listWithMore(addresses, 3), Cells.age(slice, now));
    }
}
