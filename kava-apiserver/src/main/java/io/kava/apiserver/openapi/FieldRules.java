package io.kava.apiserver.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fabric8 model classes do not say about Kubernetes fields, kept as data: the strategic-merge-patch strategy
 * and merge key of lists ({@code +patchStrategy}, {@code +patchMergeKey} in Kubernetes' Go types), the server-side apply
 * list type ({@code +listType}, {@code +listMapKey}), required fields and timestamp fields. Keys are
 * {@code GoType.jsonField}; the Go type name is the fabric8 class's simple name.
 *
 * <p>Sources: api:core/v1/types.go, api:apps/v1/types.go, api:batch/v1/types.go and apimachinery:pkg/apis/meta/v1/types.go
 * at Kubernetes 1.33. Lists not named here get no extension: a strategic merge patch replaces them wholesale, which is
 * what Kubernetes does for unmarked lists too.
 */
final class FieldRules {

    /**
     * Patch and list metadata of one field.
     *
     * @param patchStrategy {@code x-kubernetes-patch-strategy} ({@code merge}, {@code retainKeys},
     *                      {@code merge,retainKeys}) or null
     * @param mergeKey      {@code x-kubernetes-patch-merge-key} or null
     * @param listType      {@code x-kubernetes-list-type} ({@code atomic}, {@code set}, {@code map}) or null
     * @param mapKeys       {@code x-kubernetes-list-map-keys} when the list type is {@code map}
     */
    record Rule(String patchStrategy, String mergeKey, String listType, List<String> mapKeys) {
        Rule {
            mapKeys = mapKeys == null ? List.of() : List.copyOf(mapKeys);
        }
    }

    private static final Rule ATOMIC = new Rule(null, null, "atomic", null);
    private static final Rule MERGE_SET = new Rule("merge", null, "set", null);
    private static final Rule CONDITIONS = byKey("merge", "type");

    private static final Map<String, Rule> RULES = new HashMap<>();
    private static final Map<String, List<String>> REQUIRED = new HashMap<>();

    static {
        // core/v1 PodSpec
        for (String containers : List.of("containers", "initContainers", "ephemeralContainers")) {
            rule("PodSpec", containers, byKey("merge", "name"));
        }
        rule("PodSpec", "volumes", byKey("merge,retainKeys", "name"));
        rule("PodSpec", "imagePullSecrets", byKey("merge", "name"));
        rule("PodSpec", "hostAliases", byKey("merge", "ip"));
        rule("PodSpec", "topologySpreadConstraints",
                new Rule("merge", "topologyKey", "map", List.of("topologyKey", "whenUnsatisfiable")));
        rule("PodSpec", "resourceClaims", byKey("merge,retainKeys", "name"));
        rule("PodSpec", "schedulingGates", byKey("merge", "name"));
        atomic("PodSpec", "tolerations", "readinessGates");
        atomic("PodSecurityContext", "supplementalGroups", "sysctls");
        // Container and EphemeralContainer carry the same fields
        for (String container : List.of("Container", "EphemeralContainer")) {
            rule(container, "ports", new Rule("merge", "containerPort", "map", List.of("containerPort", "protocol")));
            rule(container, "env", byKey("merge", "name"));
            rule(container, "volumeMounts", byKey("merge", "mountPath"));
            rule(container, "volumeDevices", byKey("merge", "devicePath"));
            atomic(container, "args", "command", "envFrom", "resizePolicy", "restartPolicyRules");
        }
        atomic("Capabilities", "add", "drop");
        rule("PodStatus", "podIPs", byKey("merge", "ip"));
        rule("PodStatus", "hostIPs", new Rule("merge", "ip", "atomic", null));
        rule("PodStatus", "resourceClaimStatuses", byKey("merge,retainKeys", "name"));
        atomic("PodStatus", "containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses");
        // meta/v1
        rule("ObjectMeta", "finalizers", MERGE_SET);
        rule("ObjectMeta", "ownerReferences", byKey("merge", "uid"));
        atomic("ObjectMeta", "managedFields");
        atomic("LabelSelector", "matchExpressions");
        atomic("LabelSelectorRequirement", "values");
        // other core/v1 kinds
        rule("ServiceSpec", "ports", new Rule("merge", "port", "map", List.of("port", "protocol")));
        atomic("ServiceSpec", "clusterIPs", "externalIPs", "ipFamilies", "loadBalancerSourceRanges");
        atomic("NodeSpec", "taints");
        rule("NodeSpec", "podCIDRs", MERGE_SET);
        rule("NodeStatus", "addresses", byKey("merge", "type"));
        atomic("NodeStatus", "images", "volumesInUse", "volumesAttached");
        rule("ServiceAccount", "secrets", byKey("merge", "name"));
        atomic("ServiceAccount", "imagePullSecrets");
        atomic("Endpoints", "subsets");
        atomic("EndpointSubset", "addresses", "notReadyAddresses", "ports");
        atomic("NamespaceSpec", "finalizers");
        atomic("NodeSelector", "nodeSelectorTerms");
        atomic("NodeSelectorTerm", "matchExpressions", "matchFields");
        atomic("LimitRangeSpec", "limits");
        atomic("ResourceQuotaSpec", "scopes");
        atomic("PersistentVolumeClaimSpec", "accessModes");
        atomic("PersistentVolumeSpec", "accessModes", "mountOptions");
        // apps/v1, batch/v1, autoscaling/v2
        rule("DeploymentSpec", "strategy", new Rule("retainKeys", null, null, null));
        atomic("StatefulSetSpec", "volumeClaimTemplates");
        rule("JobStatus", "conditions", new Rule("merge", "type", "atomic", null));
        atomic("CronJobStatus", "active");
        atomic("HorizontalPodAutoscalerSpec", "metrics");
        atomic("HorizontalPodAutoscalerStatus", "currentMetrics");
        // rbac, admissionregistration, apiextensions, discovery, networking
        atomic("Role", "rules");
        atomic("ClusterRole", "rules");
        atomic("RoleBinding", "subjects");
        atomic("ClusterRoleBinding", "subjects");
        atomic("PolicyRule", "apiGroups", "nonResourceURLs", "resourceNames", "resources", "verbs");
        rule("MutatingWebhookConfiguration", "webhooks", byKey("merge", "name"));
        rule("ValidatingWebhookConfiguration", "webhooks", byKey("merge", "name"));
        atomic("CustomResourceDefinitionSpec", "versions");
        atomic("EndpointSlice", "endpoints", "ports");
        atomic("IngressSpec", "rules", "tls");
        atomic("NetworkPolicySpec", "ingress", "egress", "policyTypes");

        required("Container", "name");
        required("EphemeralContainer", "name");
        required("PodSpec", "containers");
        required("ContainerPort", "containerPort");
        required("EnvVar", "name");
        required("VolumeMount", "name", "mountPath");
        required("VolumeDevice", "name", "devicePath");
        required("Volume", "name");
        required("KeyToPath", "key", "path");
        required("ConfigMapKeySelector", "key");
        required("SecretKeySelector", "key");
        required("ObjectFieldSelector", "fieldPath");
        required("ResourceFieldSelector", "resource");
        required("HTTPGetAction", "port");
        required("TCPSocketAction", "port");
        required("GRPCAction", "port");
        required("HostPathVolumeSource", "path");
        required("ServicePort", "port");
        required("Taint", "key", "effect");
        required("NodeSelector", "nodeSelectorTerms");
        required("NodeSelectorRequirement", "key", "operator");
        required("PodAffinityTerm", "topologyKey");
        required("WeightedPodAffinityTerm", "weight", "podAffinityTerm");
        required("TopologySpreadConstraint", "maxSkew", "topologyKey", "whenUnsatisfiable");
        required("PodCondition", "type", "status");
        required("NodeCondition", "type", "status");
        required("NodeAddress", "type", "address");
        required("OwnerReference", "apiVersion", "kind", "name", "uid");
        required("LabelSelectorRequirement", "key", "operator");
        required("Condition", "type", "status", "lastTransitionTime", "reason", "message");
        required("DeploymentSpec", "selector", "template");
        required("ReplicaSetSpec", "selector");
        required("StatefulSetSpec", "selector", "template");
        required("DaemonSetSpec", "selector", "template");
        required("JobSpec", "template");
        required("CronJobSpec", "schedule", "jobTemplate");
        required("PolicyRule", "verbs");
        required("Subject", "kind", "name");
        required("RoleRef", "apiGroup", "kind", "name");
        required("RoleBinding", "roleRef");
        required("ClusterRoleBinding", "roleRef");
        required("PriorityClass", "value");
        required("RuntimeClass", "handler");
        required("StorageClass", "provisioner");
        required("EndpointSlice", "addressType", "endpoints");
        required("Endpoint", "addresses");
        required("CustomResourceDefinitionSpec", "group", "names", "scope", "versions");
        required("CustomResourceDefinitionNames", "plural", "kind");
        required("CustomResourceDefinitionVersion", "name", "served", "storage");
        required("CertificateSigningRequestSpec", "request", "signerName");
        required("HorizontalPodAutoscalerSpec", "scaleTargetRef", "maxReplicas");
        required("CrossVersionObjectReference", "kind", "name");
    }

    /** Fields Kubernetes types as {@code metav1.Time} / {@code MicroTime}; fabric8 holds them as plain strings. */
    private static final Set<String> TIME_FIELDS = Set.of("acquireTime", "completionTime", "creationTimestamp",
            "deletionTimestamp", "eventTime", "finishedAt", "firstTimestamp", "lastHeartbeatTime", "lastProbeTime",
            "lastScheduleTime", "lastSuccessfulTime", "lastTimestamp", "lastTransitionTime", "lastUpdateTime",
            "renewTime", "startTime", "startedAt");

    private FieldRules() {
    }

    /** The patch/list rule of {@code type.field}, or null. {@code listOfObjectsWithType} enables the conditions rule. */
    static Rule of(String type, String field, boolean listOfObjectsWithType) {
        Rule rule = RULES.get(type + "." + field);
        if (rule == null && field.equals("conditions") && listOfObjectsWithType) {
            return CONDITIONS; // every *.conditions list in Kubernetes merges by type
        }
        return rule;
    }

    static List<String> required(String type) {
        return REQUIRED.getOrDefault(type, List.of());
    }

    static boolean isTime(String field) {
        return TIME_FIELDS.contains(field);
    }

    private static Rule byKey(String strategy, String key) {
        return new Rule(strategy, key, "map", List.of(key));
    }

    private static void rule(String type, String field, Rule rule) {
        RULES.put(type + "." + field, rule);
    }

    private static void atomic(String type, String... fields) {
        for (String field : fields) {
            RULES.put(type + "." + field, ATOMIC);
        }
    }

    private static void required(String type, String... fields) {
        REQUIRED.put(type, List.of(fields));
    }
}
