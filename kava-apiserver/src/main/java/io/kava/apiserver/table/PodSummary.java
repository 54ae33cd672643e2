package io.kava.apiserver.table;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The READY, STATUS and RESTARTS of a pod, computed as Kubernetes' {@code printPod} does
 * (k8s {@code pkg/printers/internalversion/printers.go}).
 *
 * <p>STATUS starts as the phase, replaced by {@code status.reason} when set and by {@code SchedulingGated} when the
 * PodScheduled condition says so. Init containers are then walked in order: a successful or a started sidecar
 * ({@code restartPolicy: Always}) one lets the walk go on; the first other one decides {@code Init:<reason>},
 * {@code Init:Signal:N}, {@code Init:ExitCode:N} or {@code Init:i/n}. Unless the pod is still initializing (and
 * not marked Initialized), the regular containers are scanned last to first, so the lowest-index container with a
 * waiting or terminated reason wins; {@code Completed} turns back into {@code Running} (Ready condition true) or
 * {@code NotReady} while some container still runs ready. Finally a deletion timestamp makes it {@code Unknown}
 * (reason NodeLost) or {@code Terminating} (unless the phase is terminal).
 *
 * <p>READY counts regular containers that are ready and running plus started, ready sidecars, out of the regular
 * containers plus the sidecars. RESTARTS sums restart counts (only sidecars' and regular containers' once
 * initialization is over) and remembers the latest {@code lastState.terminated.finishedAt}.
 *
 * @param ready       ready containers
 * @param total       containers counted for READY
 * @param reason      the STATUS cell
 * @param restarts    the restart count
 * @param lastRestart when a counted container last terminated, or null
 */
record PodSummary(int ready, int total, String reason, long restarts, Instant lastRestart) {

    /** {@code node.NodeUnreachablePodReason}. */
    private static final String NODE_LOST = "NodeLost";

    static PodSummary of(JsonNode pod) {
        JsonNode spec = Nodes.at(pod, "spec");
        JsonNode status = Nodes.at(pod, "status");
        String phase = Nodes.str(status, "phase");
        String reason = Nodes.str(status, "reason").isEmpty() ? phase : Nodes.str(status, "reason");
        for (JsonNode condition : Nodes.items(status, "conditions")) {
            if (Nodes.str(condition, "type").equals("PodScheduled")
                    && Nodes.str(condition, "reason").equals("SchedulingGated")) {
                reason = "SchedulingGated";
            }
        }

        List<JsonNode> initSpecs = Nodes.items(spec, "initContainers");
        Map<String, JsonNode> initByName = new HashMap<>();
        int total = Nodes.size(spec, "containers");
        for (JsonNode init : initSpecs) {
            initByName.put(Nodes.str(init, "name"), init);
            if (isSidecar(init)) {
                total++;
            }
        }

        int ready = 0;
        long restarts = 0;
        long sidecarRestarts = 0;
        Instant lastRestart = null;
        Instant lastSidecarRestart = null;
        boolean initializing = false;
        List<JsonNode> initStatuses = Nodes.items(status, "initContainerStatuses");
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode container = initStatuses.get(i);
            boolean sidecar = isSidecar(initByName.get(Nodes.str(container, "name")));
            restarts += Nodes.integer(container, "restartCount");
            lastRestart = later(lastRestart, lastTermination(container));
            if (sidecar) {
                sidecarRestarts += Nodes.integer(container, "restartCount");
                lastSidecarRestart = later(lastSidecarRestart, lastTermination(container));
            }
            JsonNode terminated = Nodes.at(container, "state", "terminated");
            JsonNode waiting = Nodes.at(container, "state", "waiting");
            if (terminated.isObject() && Nodes.integer(terminated, "exitCode") == 0) {
                continue;
            }
            if (sidecar && Nodes.bool(container, "started")) {
                if (Nodes.bool(container, "ready")) {
                    ready++;
                }
                continue;
            }
            if (terminated.isObject()) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (waiting.isObject() && !Nodes.str(waiting, "reason").isEmpty()
                    && !Nodes.str(waiting, "reason").equals("PodInitializing")) {
                reason = "Init:" + Nodes.str(waiting, "reason");
            } else {
                reason = "Init:" + i + "/" + initSpecs.size();
            }
            initializing = true;
            break;
        }

        if (!initializing || conditionTrue(status, "Initialized")) {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            List<JsonNode> statuses = Nodes.items(status, "containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode container = statuses.get(i);
                restarts += Nodes.integer(container, "restartCount");
                lastRestart = later(lastRestart, lastTermination(container));
                JsonNode waiting = Nodes.at(container, "state", "waiting");
                JsonNode terminated = Nodes.at(container, "state", "terminated");
                if (waiting.isObject() && !Nodes.str(waiting, "reason").isEmpty()) {
                    reason = Nodes.str(waiting, "reason");
                } else if (terminated.isObject()) {
                    reason = terminatedReason(terminated);
                } else if (Nodes.bool(container, "ready") && Nodes.at(container, "state", "running").isObject()) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = anyConditionTrue(status, "Ready") ? "Running" : "NotReady";
            }
        }

        boolean deleting = Nodes.has(pod, "metadata", "deletionTimestamp");
        if (deleting && Nodes.str(status, "reason").equals(NODE_LOST)) {
            reason = "Unknown";
        } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
            reason = "Terminating";
        }
        return new PodSummary(ready, total, reason, restarts, lastRestart);
    }

    /** The RESTARTS cell: the count, with {@code (5m ago)} when a last termination time is known. */
    String restartsCell(Instant now) {
        if (restarts != 0 && lastRestart != null) {
            return restarts + " (" + HumanDuration.format(Duration.between(lastRestart, now)) + " ago)";
        }
        return Long.toString(restarts);
    }

    /** {@code podutil.IsRestartableInitContainer}: an init container with {@code restartPolicy: Always}. */
    private static boolean isSidecar(JsonNode initContainer) {
        return initContainer != null && Nodes.str(initContainer, "restartPolicy").equals("Always");
    }

    /** A terminated state's reason, else {@code Signal:N} or {@code ExitCode:N}. */
    private static String terminatedReason(JsonNode terminated) {
        String reason = Nodes.str(terminated, "reason");
        if (!reason.isEmpty()) {
            return reason;
        }
        long signal = Nodes.integer(terminated, "signal");
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + Nodes.integer(terminated, "exitCode");
    }

    private static Instant lastTermination(JsonNode containerStatus) {
        return HumanDuration.parse(Nodes.strOrNull(containerStatus, "lastState", "terminated", "finishedAt"));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b != null && b.isAfter(a) ? b : a;
    }

    /** {@code hasPodReadyCondition}: some condition of the type has status True. */
    static boolean anyConditionTrue(JsonNode status, String type) {
        for (JsonNode condition : Nodes.items(status, "conditions")) {
            if (Nodes.str(condition, "type").equals(type) && Nodes.str(condition, "status").equals("True")) {
                return true;
            }
        }
        return false;
    }

    /** {@code isPodInitializedConditionTrue}: the first condition of the type has status True. */
    static boolean conditionTrue(JsonNode status, String type) {
        for (JsonNode condition : Nodes.items(status, "conditions")) {
            if (Nodes.str(condition, "type").equals(type)) {
                return Nodes.str(condition, "status").equals("True");
            }
        }
        return false;
    }
}
