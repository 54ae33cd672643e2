package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventPrinterTest {

    private final EventPrinter core = new EventPrinter(EventPrinter.Fields.CORE);
    private final EventPrinter eventsV1 = new EventPrinter(EventPrinter.Fields.EVENTS_V1);

    @Test
    void columns() {
        assertThat(headers(core)).containsExactly("Last Seen", "Type", "Reason", "Object", "Subobject|1",
                "Source|1", "Message", "First Seen|1", "Count|1", "Name|1");
        assertThat(core.columns().get(9).format()).isEqualTo("name");
    }

    @Test
    void coreEventWithCountAndSource() {
        assertThat(cells(core, """
                {"apiVersion": "v1", "kind": "Event",
                 "metadata": {"name": "api-0.17f3a", "namespace": "default"},
                 "involvedObject": {"kind": "Pod", "namespace": "default", "name": "api-0",
                                    "fieldPath": "spec.containers{api}"},
                 "reason": "BackOff", "type": "Warning",
                 "message": "Back-off restarting failed container api in pod api-0\\n",
                 "source": {"component": "kubelet", "host": "node-2"},
                 "firstTimestamp": "2025-06-01T11:00:00Z", "lastTimestamp": "2025-06-01T11:58:00Z",
                 "count": 14}
                """)).containsExactly("2m", "Warning", "BackOff", "pod/api-0", "spec.containers{api}",
                "kubelet, node-2", "Back-off restarting failed container api in pod api-0", "60m", 14L,
                "api-0.17f3a");
    }

    @Test
    void newStyleCoreEventUsesEventTimeAndReportingController() {
        assertThat(cells(core, """
                {"metadata": {"name": "e1"},
                 "involvedObject": {"kind": "Deployment", "name": "web"},
                 "reason": "ScalingReplicaSet", "type": "Normal", "message": "Scaled up replica set web-1 to 3",
                 "eventTime": "2025-06-01T11:59:30.123456Z",
                 "reportingComponent": "deployment-controller", "reportingInstance": ""}
                """)).containsExactly("29s", "Normal", "ScalingReplicaSet", "deployment/web", "",
                "deployment-controller", "Scaled up replica set web-1 to 3", "29s", 1L, "e1"); // 29.88s truncates
    }

    @Test
    void eventsV1SeriesAndRegarding() {
        assertThat(cells(eventsV1, """
                {"apiVersion": "events.k8s.io/v1", "kind": "Event",
                 "metadata": {"name": "node-2.abc"},
                 "eventTime": "2025-06-01T10:00:00.000000Z",
                 "series": {"count": 7, "lastObservedTime": "2025-06-01T11:55:00.000000Z"},
                 "reportingController": "kubelet", "reportingInstance": "node-2",
                 "action": "Pulling", "reason": "Pulling", "type": "Normal",
                 "regarding": {"kind": "Node", "name": "node-2"},
                 "note": "  Pulling image \\"busybox\\"  "}
                """)).containsExactly("5m", "Normal", "Pulling", "node/node-2", "", "kubelet, node-2",
                "Pulling image \"busybox\"", "120m", 7L, "node-2.abc");
    }

    @Test
    void eventWithoutObjectNameOrTimes() {
        assertThat(cells(core, """
                {"metadata": {"name": "e"}, "involvedObject": {"kind": "Node"}, "type": "Normal",
                 "reason": "RegisteredNode"}""").subList(0, 4))
                .containsExactly("<unknown>", "Normal", "RegisteredNode", "node");
    }
}
