package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Endpoints: Name, Endpoints, Age. ENDPOINTS lists up to three ready {@code ip:port} pairs (bare IPs for subsets
 * without ports, IPv6 in brackets) then {@code + N more...}; {@code <none>} without subsets, and empty when the
 * subsets hold only not-ready addresses. (k8s {@code printEndpoints}, {@code formatEndpoints})
 */
final class EndpointsPrinter implements TablePrinter {

    private static final int MAX = 3;
    private static final List<Column> COLUMNS = List.of(Column.NAME,
            Column.string("Endpoints", SwaggerDocs.ENDPOINTS_SUBSETS), Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode endpoints, Instant now) {
        return Row.of(Nodes.name(endpoints), format(endpoints), Cells.age(endpoints, now));
    }

    private static String format(JsonNode endpoints) {
        List<JsonNode> subsets = Nodes.items(endpoints, "subsets");
        if (subsets.isEmpty()) {
            return Cells.NONE;
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (JsonNode subset : subsets) {
            List<JsonNode> addresses = Nodes.items(subset, "addresses");
            List<JsonNode> ports = Nodes.items(subset, "ports");
            if (ports.isEmpty()) {
                count += addresses.size();
                more |= add(list, addresses, null);
                continue;
            }
            for (JsonNode port : ports) {
                count += addresses.size();
                more |= add(list, addresses, Nodes.integer(port, "port"));
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - MAX) + " more..." : joined;
    }

    /** Adds addresses until the list holds {@link #MAX}; true when some did not fit. */
    private static boolean add(List<String> list, List<JsonNode> addresses, Long port) {
        for (JsonNode address : addresses) {
            if (list.size() == MAX) {
                return true;
            }
            String ip = Nodes.str(address, "ip");
            list.add(port == null ? ip : joinHostPort(ip, port));
        }
        return false;
    }

    /** Go's {@code net.JoinHostPort}: IPv6 hosts in brackets. */
    private static String joinHostPort(String host, long port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
