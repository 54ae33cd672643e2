package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.NOW;
import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static io.kava.apiserver.table.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Pods as {@code kubectl get pods -o wide} shows them against a real cluster. */
class PodPrinterTest {

    private final PodPrinter printer = new PodPrinter();

    @Test
    void columns() {
        assertThat(headers(printer)).containsExactly("Name", "Ready", "Status", "Restarts", "Age", "IP|1", "Node|1",
                "Nominated Node|1", "Readiness Gates|1");
        assertThat(printer.columns().get(3).type()).isEqualTo("string");
        assertThat(printer.columns().get(0).format()).isEqualTo("name");
    }

    @Test
    void runningPod() {
        assertThat(cells(printer, """
                {"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "web-7d4b9c8f5-x2x8k", "namespace": "default",
                              "creationTimestamp": "2025-06-01T11:55:00Z"},
                 "spec": {"nodeName": "node-1", "containers": [{"name": "nginx", "image": "nginx:1.27"}]},
                 "status": {"phase": "Running", "podIP": "10.244.1.5", "podIPs": [{"ip": "10.244.1.5"}],
                   "conditions": [{"type": "Ready", "status": "True"}],
                   "containerStatuses": [{"name": "nginx", "ready": true, "restartCount": 0, "started": true,
                     "state": {"running": {"startedAt": "2025-06-01T11:55:10Z"}}}]}}"""))
                .containsExactly("web-7d4b9c8f5-x2x8k", "1/1", "Running", "0", "5m", "10.244.1.5", "node-1",
                        "<none>", "<none>");
    }

    @Test
    void crashLoopBackOffShowsRestartsWithTheLastTermination() {
        assertThat(cells(printer, """
                {"metadata": {"name": "api-0", "creationTimestamp": "2025-05-30T09:00:00Z"},
                 "spec": {"nodeName": "node-2", "containers": [{"name": "api", "image": "api:2"}]},
                 "status": {"phase": "Running", "podIP": "10.244.2.9",
                   "conditions": [{"type": "Ready", "status": "False", "reason": "ContainersNotReady"}],
                   "containerStatuses": [{"name": "api", "ready": false, "restartCount": 5, "started": false,
                     "state": {"waiting": {"reason": "CrashLoopBackOff",
                                           "message": "back-off 2m40s restarting failed container"}},
                     "lastState": {"terminated": {"exitCode": 1, "reason": "Error",
                                                  "finishedAt": "2025-06-01T11:58:00Z"}}}]}}"""))
                .containsExactly("api-0", "0/1", "CrashLoopBackOff", "5 (2m ago)", "2d3h", "10.244.2.9", "node-2",
                        "<none>", "<none>");
    }

    @Test
    void pendingPodWithoutNodeOrIP() {
        assertThat(cells(printer, """
                {"metadata": {"name": "p", "creationTimestamp": "2025-06-01T11:59:30Z"},
                 "spec": {"containers": [{"name": "a"}, {"name": "b"}]},
                 "status": {"phase": "Pending"}}"""))
                .containsExactly("p", "0/2", "Pending", "0", "30s", "<none>", "<none>", "<none>", "<none>");
    }

    @Test
    void containerCreating() {
        assertThat(cells(printer, pod("Pending", """
                [{"name": "app", "ready": false, "restartCount": 0,
                  "state": {"waiting": {"reason": "ContainerCreating"}}}]""")).get(2))
                .isEqualTo("ContainerCreating");
    }

    @Test
    void theLowestIndexContainerWithAReasonWins() {
        List<Object> cells = cells(printer, pod("Pending", """
                [{"name": "a", "state": {"waiting": {"reason": "ImagePullBackOff"}}},
                 {"name": "b", "state": {"waiting": {"reason": "CrashLoopBackOff"}}},
                 {"name": "c", "ready": true, "state": {"running": {}}}]"""));
        assertThat(cells.get(1)).isEqualTo("1/3");
        assertThat(cells.get(2)).isEqualTo("ImagePullBackOff");
    }

    @Test
    void terminatedReasonsAndExitCodes() {
        assertThat(cells(printer, pod("Running", """
                [{"name": "a", "state": {"terminated": {"exitCode": 137, "reason": "OOMKilled"}}}]""")).get(2))
                .isEqualTo("OOMKilled");
        assertThat(cells(printer, pod("Running", """
                [{"name": "a", "state": {"terminated": {"exitCode": 2}}}]""")).get(2))
                .isEqualTo("ExitCode:2");
        assertThat(cells(printer, pod("Running", """
                [{"name": "a", "state": {"terminated": {"exitCode": 143, "signal": 15}}}]""")).get(2))
                .isEqualTo("Signal:15");
    }

    @Test
    void completedPodCarriesTheCompletedRowCondition() {
        Row row = printer.print(object("""
                {"metadata": {"name": "job-x-abcde", "creationTimestamp": "2025-06-01T10:00:00Z"},
                 "spec": {"nodeName": "node-1", "containers": [{"name": "main"}]},
                 "status": {"phase": "Succeeded", "podIP": "10.244.1.7",
                   "containerStatuses": [{"name": "main", "ready": false, "restartCount": 0,
                     "state": {"terminated": {"exitCode": 0, "reason": "Completed",
                                              "finishedAt": "2025-06-01T10:01:00Z"}}}]}}"""), NOW);
        assertThat(row.cells()).containsExactly("job-x-abcde", "0/1", "Completed", "0", "120m", "10.244.1.7",
                "node-1", "<none>", "<none>");
        assertThat(row.conditions()).containsExactly(
                new Row.RowCondition("Completed", "True", "Succeeded", "The pod has completed successfully."));
    }

    @Test
    void evictedPodShowsTheStatusReason() {
        Row row = printer.print(object("""
                {"metadata": {"name": "evicted", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"containers": [{"name": "main"}]},
                 "status": {"phase": "Failed", "reason": "Evicted",
                            "message": "The node was low on resource: memory."}}"""), NOW);
        assertThat(row.cells().subList(1, 3)).containsExactly("0/1", "Evicted");
        assertThat(row.conditions()).containsExactly(
                new Row.RowCondition("Completed", "True", "Failed", "The pod failed."));
    }

    @Test
    void completedContainerNextToARunningOneIsRunningOrNotReady() {
        String containers = """
                [{"name": "setup", "ready": false, "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}},
                 {"name": "server", "ready": true, "state": {"running": {}}}]""";
        assertThat(cells(printer, pod("Running", containers, "[{\"type\": \"Ready\", \"status\": \"True\"}]")))
                .element(2).isEqualTo("Running");
        assertThat(cells(printer, pod("Running", containers, "[{\"type\": \"Ready\", \"status\": \"False\"}]")))
                .element(2).isEqualTo("NotReady");
    }

    @Test
    void initContainerProgress() {
        String spec = """
                {"initContainers": [{"name": "migrate"}, {"name": "warm"}], "containers": [{"name": "app"}]}""";
        assertThat(cells(printer, initPod(spec, """
                [{"name": "migrate", "state": {"waiting": {"reason": "PodInitializing"}}},
                 {"name": "warm", "state": {"waiting": {"reason": "PodInitializing"}}}]""")).get(2))
                .isEqualTo("Init:0/2");
        assertThat(cells(printer, initPod(spec, """
                [{"name": "migrate", "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}},
                 {"name": "warm", "state": {"running": {}}}]""")).get(2))
                .isEqualTo("Init:1/2");
    }

    @Test
    void failingInitContainers() {
        String spec = """
                {"initContainers": [{"name": "migrate"}], "containers": [{"name": "app"}]}""";
        List<Object> crashing = cells(printer, initPod(spec, """
                [{"name": "migrate", "restartCount": 3,
                  "state": {"waiting": {"reason": "CrashLoopBackOff"}},
                  "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-06-01T11:59:00Z"}}}]"""));
        assertThat(crashing.subList(1, 4)).containsExactly("0/1", "Init:CrashLoopBackOff", "3 (60s ago)");
        assertThat(cells(printer, initPod(spec, """
                [{"name": "migrate", "state": {"terminated": {"exitCode": 1, "reason": "Error"}}}]""")).get(2))
                .isEqualTo("Init:Error");
        assertThat(cells(printer, initPod(spec, """
                [{"name": "migrate", "state": {"terminated": {"exitCode": 3}}}]""")).get(2))
                .isEqualTo("Init:ExitCode:3");
        assertThat(cells(printer, initPod(spec, """
                [{"name": "migrate", "state": {"terminated": {"exitCode": 137, "signal": 9}}}]""")).get(2))
                .isEqualTo("Init:Signal:9");
    }

    @Test
    void sidecarsCountTowardsReadyAndRestarts() {
        List<Object> cells = cells(printer, """
                {"metadata": {"name": "with-sidecar", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"initContainers": [{"name": "init"}, {"name": "proxy", "restartPolicy": "Always"}],
                          "containers": [{"name": "app"}]},
                 "status": {"phase": "Running",
                   "conditions": [{"type": "Initialized", "status": "True"}, {"type": "Ready", "status": "True"}],
                   "initContainerStatuses": [
                     {"name": "init", "restartCount": 4, "state": {"terminated": {"exitCode": 0}},
                      "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-06-01T11:01:00Z"}}},
                     {"name": "proxy", "ready": true, "started": true, "restartCount": 1,
                      "state": {"running": {}},
                      "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-06-01T11:50:00Z"}}}],
                   "containerStatuses": [{"name": "app", "ready": true, "restartCount": 2,
                      "state": {"running": {}},
                      "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-06-01T11:30:00Z"}}}]}}""");
        // Restarts of the finished init container no longer count once the pod is initialized.
        assertThat(cells.subList(1, 4)).containsExactly("2/2", "Running", "3 (10m ago)");
    }

    @Test
    void terminatingAndUnknown() {
        assertThat(cells(printer, """
                {"metadata": {"name": "p", "deletionTimestamp": "2025-06-01T11:59:00Z"},
                 "spec": {"containers": [{"name": "a"}]},
                 "status": {"phase": "Running",
                   "containerStatuses": [{"name": "a", "ready": true, "state": {"running": {}}}]}}"""))
                .containsExactly("p", "1/1", "Terminating", "0", "<unknown>", "<none>", "<none>", "<none>",
                        "<none>");
        assertThat(cells(printer, """
                {"metadata": {"name": "p", "deletionTimestamp": "2025-06-01T11:59:00Z"},
                 "spec": {"containers": [{"name": "a"}]},
                 "status": {"phase": "Running", "reason": "NodeLost"}}""").get(2))
                .isEqualTo("Unknown");
        assertThat(cells(printer, """
                {"metadata": {"name": "p", "deletionTimestamp": "2025-06-01T11:59:00Z"},
                 "spec": {"containers": [{"name": "a"}]},
                 "status": {"phase": "Succeeded",
                   "containerStatuses": [{"name": "a", "state": {"terminated": {"exitCode": 0,
                                                                               "reason": "Completed"}}}]}}""")
                .get(2)).isEqualTo("Completed");
    }

    @Test
    void schedulingGated() {
        assertThat(cells(printer, """
                {"metadata": {"name": "gated"}, "spec": {"containers": [{"name": "a"}]},
                 "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False",
                                                                 "reason": "SchedulingGated"}]}}""").get(2))
                .isEqualTo("SchedulingGated");
    }

    @Test
    void wideCells() {
        assertThat(cells(printer, """
                {"metadata": {"name": "p"},
                 "spec": {"containers": [{"name": "a"}],
                          "readinessGates": [{"conditionType": "example.com/lb"}, {"conditionType": "example.com/dns"}]},
                 "status": {"phase": "Pending", "nominatedNodeName": "node-3",
                   "podIPs": [{"ip": "fd00::5"}, {"ip": "10.1.0.5"}],
                   "conditions": [{"type": "example.com/lb", "status": "True"},
                                  {"type": "example.com/dns", "status": "False"}]}}""").subList(5, 9))
                .containsExactly("fd00::5", "<none>", "node-3", "1/2");
    }

    /** A pod created five minutes ago with these container statuses. */
    private static String pod(String phase, String containerStatuses) {
        return pod(phase, containerStatuses, "[]");
    }

    private static String pod(String phase, String containerStatuses, String conditions) {
        return """
                {"metadata": {"name": "p", "creationTimestamp": "2025-06-01T11:55:00Z"},
                 "spec": {"containers": %s},
                 "status": {"phase": "%s", "conditions": %s, "containerStatuses": %s}}"""
                .formatted(containerStatuses, phase, conditions, containerStatuses);
    }

    private static String initPod(String spec, String initStatuses) {
        return """
                {"metadata": {"name": "p", "creationTimestamp": "2025-06-01T11:55:00Z"}, "spec": %s,
                 "status": {"phase": "Pending", "initContainerStatuses": %s,
                            "containerStatuses": [{"name": "app", "state": {"waiting": {"reason": "PodInitializing"}}}]}}"""
                .formatted(spec, initStatuses);
    }
}
