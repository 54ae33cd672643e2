package io.kava.api.patch;

import static io.kava.api.patch.PatchMeta.list;
import static io.kava.api.patch.PatchMeta.mergeList;
import static io.kava.api.patch.PatchMeta.set;
import static io.kava.api.patch.PatchMeta.struct;

import java.util.Map;
import java.util.Optional;

/**
 * Patch metadata of the built-in Kubernetes kinds: the {@code patchStrategy} /
 * {@code patchMergeKey} tags (strategic merge patch) and the {@code +listType} /
 * {@code +listMapKey} / {@code +structType} / {@code +mapType} markers (server-side apply) of
 * {@code k8s.io/api} that matter for merging. Fields not listed merge as maps and replace as
 * lists, which is what an untagged field does in Kubernetes.
 *
 * <p>Sources: {@code core/v1/types.go}, {@code apps/v1/types.go}, {@code batch/v1/types.go},
 * {@code policy/v1/types.go}, {@code autoscaling/v2/types.go}, {@code storage/v1/types.go} and
 * apimachinery {@code meta/v1/types.go}. Notable untagged (replaced/atomic) lists: pod
 * {@code tolerations}, {@code readinessGates}, container {@code args}, {@code command},
 * {@code envFrom}, node {@code spec.taints}, service {@code clusterIPs}, {@code ipFamilies}.
 */
public final class BuiltinPatchMeta {
  private BuiltinPatchMeta() {}

  /** {@code metav1.Condition} and every {@code XxxCondition}: merged by {@code type}. */
  private static final PatchMeta CONDITIONS = mergeList("type", struct("Condition").build());

  /** {@code metav1.LabelSelector}: {@code +structType=atomic}. */
  private static final PatchMeta LABEL_SELECTOR = struct("LabelSelector").build().withAtomic();

  public static final PatchMeta OBJECT_META = struct("ObjectMeta")
      .field("finalizers", set())
      .field("ownerReferences", mergeList("uid", struct("OwnerReference").build()).withAtomic())
      .build();

  public static final PatchMeta CONTAINER = struct("Container")
      .field("ports", mergeList("containerPort", struct("ContainerPort").build())
          .withListMapKeys("containerPort", "protocol").withKeyDefault("protocol", "TCP"))
      .field("env", mergeList("name", struct("EnvVar").build()))
      .field("volumeMounts", mergeList("mountPath", struct("VolumeMount").build()))
      .field("volumeDevices", mergeList("devicePath", struct("VolumeDevice").build()))
      .field("resources", struct("ResourceRequirements")
          .field("claims", list("ResourceClaim").withListMapKeys("name"))
          .build())
      .build();

  public static final PatchMeta POD_SPEC = struct("PodSpec")
      .field("volumes", mergeList("name", struct("Volume").build())
          .withStrategies(PatchStrategy.RETAIN_KEYS))
      .field("initContainers", mergeList("name", CONTAINER))
      .field("containers", mergeList("name", CONTAINER))
      .field("ephemeralContainers", mergeList("name", CONTAINER))
      .field("imagePullSecrets", mergeList("name", struct("LocalObjectReference").build()))
      .field("hostAliases", mergeList("ip", struct("HostAlias").build()))
      .field("topologySpreadConstraints",
          mergeList("topologyKey", struct("TopologySpreadConstraint").build())
              .withListMapKeys("topologyKey", "whenUnsatisfiable"))
      .field("schedulingGates", mergeList("name", struct("PodSchedulingGate").build()))
      .field("resourceClaims", mergeList("name", struct("PodResourceClaim").build())
          .withStrategies(PatchStrategy.RETAIN_KEYS))
      .field("nodeSelector", PatchMeta.NONE.withAtomic())
      .build();

  public static final PatchMeta POD_STATUS = struct("PodStatus")
      .field("conditions", CONDITIONS)
      .field("podIPs", mergeList("ip", struct("PodIP").build()))
      .field("hostIPs", mergeList("ip", struct("HostIP").build()))
      .field("resourceClaimStatuses", mergeList("name", struct("PodResourceClaimStatus").build())
          .withStrategies(PatchStrategy.RETAIN_KEYS))
      .build();

  public static final PatchMeta POD = struct("Pod")
      .field("metadata", OBJECT_META)
      .field("spec", POD_SPEC)
      .field("status", POD_STATUS)
      .build();

  public static final PatchMeta POD_TEMPLATE_SPEC = struct("PodTemplateSpec")
      .field("metadata", OBJECT_META)
      .field("spec", POD_SPEC)
      .build();

  private static PatchMeta workload(String name, PatchMeta spec) {
    return struct(name)
        .field("metadata", OBJECT_META)
        .field("spec", spec)
        .field("status", struct(name + "Status").field("conditions", CONDITIONS).build())
        .build();
  }

  private static PatchMeta.Builder templatedSpec(String name) {
    return struct(name)
        .field("selector", LABEL_SELECTOR)
        .field("template", POD_TEMPLATE_SPEC);
  }

  public static final PatchMeta DEPLOYMENT = workload("Deployment", templatedSpec("DeploymentSpec")
      .field("strategy", struct("DeploymentStrategy").build()
          .withStrategies(PatchStrategy.RETAIN_KEYS))
      .build());

  public static final PatchMeta REPLICA_SET =
      workload("ReplicaSet", templatedSpec("ReplicaSetSpec").build());

  public static final PatchMeta STATEFUL_SET =
      workload("StatefulSet", templatedSpec("StatefulSetSpec").build());

  public static final PatchMeta DAEMON_SET =
      workload("DaemonSet", templatedSpec("DaemonSetSpec").build());

  private static final PatchMeta JOB_SPEC = templatedSpec("JobSpec").build();

  public static final PatchMeta JOB = workload("Job", JOB_SPEC);

  public static final PatchMeta CRON_JOB = struct("CronJob")
      .field("metadata", OBJECT_META)
      .field("spec", struct("CronJobSpec")
          .field("jobTemplate", struct("JobTemplateSpec")
              .field("metadata", OBJECT_META)
              .field("spec", JOB_SPEC)
              .build())
          .build())
      .build();

  public static final PatchMeta REPLICATION_CONTROLLER = workload("ReplicationController",
      struct("ReplicationControllerSpec")
          .field("selector", PatchMeta.NONE.withAtomic())
          .field("template", POD_TEMPLATE_SPEC)
          .build());

  public static final PatchMeta POD_TEMPLATE = struct("PodTemplate")
      .field("metadata", OBJECT_META)
      .field("template", POD_TEMPLATE_SPEC)
      .build();

  public static final PatchMeta SERVICE = struct("Service")
      .field("metadata", OBJECT_META)
      .field("spec", struct("ServiceSpec")
          .field("ports", mergeList("port", struct("ServicePort").build())
              .withListMapKeys("port", "protocol").withKeyDefault("protocol", "TCP"))
          .field("selector", PatchMeta.NONE.withAtomic())
          .build())
      .field("status", struct("ServiceStatus").field("conditions", CONDITIONS).build())
      .build();

  public static final PatchMeta NODE = struct("Node")
      .field("metadata", OBJECT_META)
      .field("spec", struct("NodeSpec").field("podCIDRs", set()).build())
      .field("status", struct("NodeStatus")
          .field("conditions", CONDITIONS)
          .field("addresses", mergeList("type", struct("NodeAddress").build()))
          .build())
      .build();

  public static final PatchMeta NAMESPACE = withStatusConditions("Namespace");

  public static final PatchMeta PERSISTENT_VOLUME_CLAIM = withStatusConditions("PersistentVolumeClaim");

  public static final PatchMeta SERVICE_ACCOUNT = struct("ServiceAccount")
      .field("metadata", OBJECT_META)
      .field("secrets", mergeList("name", struct("ObjectReference").build()))
      .build();

  public static final PatchMeta POD_DISRUPTION_BUDGET = struct("PodDisruptionBudget")
      .field("metadata", OBJECT_META)
      .field("spec", struct("PodDisruptionBudgetSpec")
          .field("selector", LABEL_SELECTOR.withStrategies(PatchStrategy.REPLACE))
          .build())
      .field("status", struct("PodDisruptionBudgetStatus").field("conditions", CONDITIONS).build())
      .build();

  public static final PatchMeta HORIZONTAL_POD_AUTOSCALER = withStatusConditions("HorizontalPodAutoscaler");

  public static final PatchMeta CSI_NODE = struct("CSINode")
      .field("metadata", OBJECT_META)
      .field("spec", struct("CSINodeSpec")
          .field("drivers", mergeList("name", struct("CSINodeDriver").build()))
          .build())
      .build();

  /** Any other built-in kind: only the object metadata has tagged fields. */
  public static final PatchMeta GENERIC = struct("Object").field("metadata", OBJECT_META).build();

  private static PatchMeta withStatusConditions(String kind) {
    return struct(kind)
        .field("metadata", OBJECT_META)
        .field("status", struct(kind + "Status").field("conditions", CONDITIONS).build())
        .build();
  }

  private static final Map<String, PatchMeta> BY_GROUP_KIND = Map.ofEntries(
      Map.entry("/Pod", POD),
      Map.entry("/PodTemplate", POD_TEMPLATE),
      Map.entry("/ReplicationController", REPLICATION_CONTROLLER),
      Map.entry("/Service", SERVICE),
      Map.entry("/Node", NODE),
      Map.entry("/Namespace", NAMESPACE),
      Map.entry("/PersistentVolumeClaim", PERSISTENT_VOLUME_CLAIM),
      Map.entry("/ServiceAccount", SERVICE_ACCOUNT),
      Map.entry("apps/Deployment", DEPLOYMENT),
      Map.entry("apps/ReplicaSet", REPLICA_SET),
      Map.entry("apps/StatefulSet", STATEFUL_SET),
      Map.entry("apps/DaemonSet", DAEMON_SET),
      Map.entry("batch/Job", JOB),
      Map.entry("batch/CronJob", CRON_JOB),
      Map.entry("policy/PodDisruptionBudget", POD_DISRUPTION_BUDGET),
      Map.entry("autoscaling/HorizontalPodAutoscaler", HORIZONTAL_POD_AUTOSCALER),
      Map.entry("storage.k8s.io/CSINode", CSI_NODE));

  /**
   * The metadata for a kind with special merge rules, by API group ({@code ""} for core) and
   * kind; empty for kinds whose only tagged fields are in {@code metadata} (use
   * {@link #GENERIC}) and for custom resources (where the API server answers SMP with 415).
   */
  public static Optional<PatchMeta> forKind(String group, String kind) {
    return Optional.ofNullable(BY_GROUP_KIND.get((group == null ? "" : group) + "/" + kind));
  }

  /** {@link #forKind} falling back to {@link #GENERIC}. */
  public static PatchMeta forBuiltinKind(String group, String kind) {
    return forKind(group, kind).orElse(GENERIC);
  }
}
