package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ingresses: Name, Class, Hosts, Address, Ports, Age. CLASS is {@code spec.ingressClassName} or {@code <none>};
 * HOSTS up to three rule hosts then {@code + N more...}, {@code *} when no rule names one; ADDRESS the
 * load-balancer IPs/hostnames, sorted; PORTS {@code 80}, or {@code 80, 443} with TLS. (k8s {@code printIngress})
 */
final class IngressPrinter implements TablePrinter {

    private static final int MAX_HOSTS = 3;
    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Class", "The name of the IngressClass resource that should be used for additional"
                    + " configuration"),
            Column.string("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
            Column.string("Address", "Address is a list containing ingress points for the load-balancer"),
            Column.string("Ports", "Ports of TLS configurations that open"),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode ingress, Instant now) {
        JsonNode spec = Nodes.at(ingress, "spec");
        return Row.of(Nodes.name(ingress),
                Nodes.has(spec, "ingressClassName") ? Nodes.str(spec, "ingressClassName") : Cells.NONE,
                hosts(Nodes.items(spec, "rules")),
                String.join(",", ServicePrinter.loadBalancerAddresses(Nodes.at(ingress, "status"))),
                Nodes.size(spec, "tls") != 0 ? "80, 443" : "80", Cells.age(ingress, now));
    }

    /** {@code formatHosts}; the count of the rest includes rules without a host, as in Kubernetes. */
    private static String hosts(List<JsonNode> rules) {
        List<String> list = new ArrayList<>();
        boolean more = false;
        for (JsonNode rule : rules) {
            if (list.size() == MAX_HOSTS) {
                more = true;
            }
            if (!more && !Nodes.str(rule, "host").isEmpty()) {
                list.add(Nodes.str(rule, "host"));
            }
        }
        if (list.isEmpty()) {
            return "*";
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (rules.size() - MAX_HOSTS) + " more..." : joined;
    }
}
