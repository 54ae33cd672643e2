package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Services: Name, Type, Cluster-IP, External-IP, Port(s), Age | Selector. (k8s {@code printService},
 * {@code getServiceExternalIP}, {@code makePortString})
 *
 * <p>EXTERNAL-IP: {@code spec.externalIPs} or {@code <none>} for ClusterIP and NodePort; load-balancer ingress
 * addresses (sorted, unique) followed by the external IPs, or {@code <pending>}, for LoadBalancer; the external
 * name for ExternalName. The server prints wide, so the load-balancer list is never clipped. PORT(S):
 * {@code port[:nodePort]/protocol}, comma-separated, {@code <none>} when there are none. A missing type or protocol
 * prints as the API default (ClusterIP, TCP) the real server would have stored.
 */
final class ServicePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Type", SwaggerDocs.SERVICE_SPEC_TYPE),
            Column.string("Cluster-IP", SwaggerDocs.SERVICE_SPEC_CLUSTER_IP),
            Column.string("External-IP", SwaggerDocs.SERVICE_SPEC_EXTERNAL_IPS),
            Column.string("Port(s)", SwaggerDocs.SERVICE_SPEC_PORTS),
            Column.AGE,
            Column.string("Selector", SwaggerDocs.SERVICE_SPEC_SELECTOR).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode service, Instant now) {
        JsonNode spec = Nodes.at(service, "spec");
        String type = Nodes.str(spec, "type").isEmpty() ? "ClusterIP" : Nodes.str(spec, "type");
        String ports = ports(spec);
        return Row.of(Nodes.name(service), type, clusterIP(spec), externalIP(service, type),
                ports.isEmpty() ? Cells.NONE : ports, Cells.age(service, now),
                Cells.labels(Nodes.stringMap(spec, "selector")));
    }

    /** {@code clusterIPs[0]}; v1 objects written by old clients may carry only {@code clusterIP}. */
    private static String clusterIP(JsonNode spec) {
        List<JsonNode> ips = Nodes.items(spec, "clusterIPs");
        if (!ips.isEmpty()) {
            return ips.getFirst().asString("");
        }
        String ip = Nodes.str(spec, "clusterIP");
        return ip.isEmpty() ? Cells.NONE : ip;
    }

    private static String externalIP(JsonNode service, String type) {
        List<String> externalIPs = new ArrayList<>();
        Nodes.items(service, "spec", "externalIPs").forEach(ip -> externalIPs.add(ip.asString("")));
        switch (type) {
            case "ClusterIP", "NodePort" -> {
                return externalIPs.isEmpty() ? Cells.NONE : String.join(",", externalIPs);
            }
            case "LoadBalancer" -> {
                List<String> results = new ArrayList<>(loadBalancerAddresses(Nodes.at(service, "status")));
                results.addAll(externalIPs);
                return results.isEmpty() ? "<pending>" : String.join(",", results);
            }
            case "ExternalName" -> {
                return Nodes.str(service, "spec", "externalName");
            }
            default -> {
                return "<unknown>";
            }
        }
    }

    /**
     * {@code loadBalancerStatusStringer} (wide): each ingress point's IP, else its hostname, sorted and unique.
     *
     * @param status a Service or Ingress status
     */
    static TreeSet<String> loadBalancerAddresses(JsonNode status) {
        var addresses = new TreeSet<String>();
        for (JsonNode ingress : Nodes.items(status, "loadBalancer", "ingress")) {
            if (!Nodes.str(ingress, "ip").isEmpty()) {
                addresses.add(Nodes.str(ingress, "ip"));
            } else if (!Nodes.str(ingress, "hostname").isEmpty()) {
                addresses.add(Nodes.str(ingress, "hostname"));
            }
        }
        return addresses;
    }

    private static String ports(JsonNode spec) {
        List<String> pieces = new ArrayList<>();
        for (JsonNode port : Nodes.items(spec, "ports")) {
            String protocol = Nodes.str(port, "protocol").isEmpty() ? "TCP" : Nodes.str(port, "protocol");
            long nodePort = Nodes.integer(port, "nodePort");
            pieces.add(Nodes.integer(port, "port") + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
        }
        return String.join(",", pieces);
    }
}
