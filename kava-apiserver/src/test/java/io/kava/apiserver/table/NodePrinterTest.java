package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodePrinterTest {

    private final NodePrinter printer = new NodePrinter();

    @Test
    void columns() {
        assertThat(headers(printer)).containsExactly("Name", "Status", "Roles", "Age", "Version", "Internal-IP|1",
                "External-IP|1", "OS-Image|1", "Kernel-Version|1", "Container-Runtime|1");
    }

    @Test
    void readyControlPlaneNode() {
        assertThat(cells(printer, """
                {"apiVersion": "v1", "kind": "Node",
                 "metadata": {"name": "cp-1", "creationTimestamp": "2025-05-20T12:00:00Z",
                   "labels": {"kubernetes.io/hostname": "cp-1", "node-role.kubernetes.io/control-plane": "",
                              "node-role.kubernetes.io/etcd": "true"}},
                 "spec": {"podCIDR": "10.244.0.0/24"},
                 "status": {
                   "conditions": [{"type": "MemoryPressure", "status": "False"},
                                  {"type": "Ready", "status": "True", "reason": "KubeletReady"}],
                   "addresses": [{"type": "Hostname", "address": "cp-1"},
                                 {"type": "InternalIP", "address": "192.168.1.10"}],
                   "nodeInfo": {"kubeletVersion": "v1.33.1", "osImage": "Ubuntu 24.04.2 LTS",
                                "kernelVersion": "6.8.0-60-generic", "containerRuntimeVersion": "containerd://2.0.5"}}}
                """)).containsExactly("cp-1", "Ready", "control-plane,etcd", "12d", "v1.33.1", "192.168.1.10",
                "<none>", "Ubuntu 24.04.2 LTS", "6.8.0-60-generic", "containerd://2.0.5");
    }

    @Test
    void cordonedNotReadyWorker() {
        assertThat(cells(printer, """
                {"metadata": {"name": "w-1", "creationTimestamp": "2025-06-01T09:00:00Z",
                              "labels": {"kubernetes.io/role": "worker"}},
                 "spec": {"unschedulable": true},
                 "status": {"conditions": [{"type": "Ready", "status": "Unknown",
                                            "reason": "NodeStatusUnknown"}],
                            "addresses": [{"type": "ExternalIP", "address": "203.0.113.7"}]}}
                """)).containsExactly("w-1", "NotReady,SchedulingDisabled", "worker", "3h", "", "<none>",
                "203.0.113.7", "<unknown>", "<unknown>", "<unknown>");
    }

    @Test
    void nodeWithoutReadyConditionOrRoles() {
        assertThat(cells(printer, """
                {"metadata": {"name": "fresh", "creationTimestamp": "2025-06-01T11:59:00Z",
                              "labels": {"node-role.kubernetes.io/": "", "kubernetes.io/role": ""}}}
                """).subList(0, 3)).containsExactly("fresh", "Unknown", "<none>");
    }
}
