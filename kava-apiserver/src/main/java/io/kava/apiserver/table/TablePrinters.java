package io.kava.apiserver.table;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The printers by API group and kind. Built-in kinds are registered by {@link #builtin()}; custom resources are
 * added and removed as their CustomResourceDefinitions come and go. Kinds without a printer get
 * {@link DefaultPrinter} (Name, Created At), as in Kubernetes.
 *
 * <p>Thread-safe: lookups may run concurrently with registration.
 */
public final class TablePrinters {

    /** A printer's key; {@code version} null means "every version of the kind". */
    private record Key(String group, String version, String kind) {
    }

    private final Map<Key, TablePrinter> printers = new ConcurrentHashMap<>();

    /** An empty registry: every kind prints with the default columns. */
    public TablePrinters() {
    }

    /** A registry holding the printers of every built-in kind Kubernetes prints. */
    public static TablePrinters builtin() {
        var r = new TablePrinters();
        // core/v1
        r.register("", "Pod", new PodPrinter());
        r.register("", "PodTemplate", new PodTemplatePrinter());
        r.register("", "ReplicationController", ReplicaSetPrinter.REPLICATION_CONTROLLER);
        r.register("", "Service", new ServicePrinter());
        r.register("", "Endpoints", new EndpointsPrinter());
        r.register("", "Node", new NodePrinter());
        r.register("", "Event", new EventPrinter(EventPrinter.Fields.CORE));
        r.register("", "Namespace", new NamespacePrinter());
        r.register("", "Secret", ConfigPrinters.SECRET);
        r.register("", "ConfigMap", ConfigPrinters.CONFIG_MAP);
        r.register("", "ServiceAccount", ConfigPrinters.SERVICE_ACCOUNT);
        r.register("", "PersistentVolume", new PersistentVolumePrinter());
        r.register("", "PersistentVolumeClaim", new PersistentVolumeClaimPrinter());
        r.register("", "ResourceQuota", new ResourceQuotaPrinter());
        // apps/v1
        r.register("apps", "Deployment", new DeploymentPrinter());
        r.register("apps", "ReplicaSet", ReplicaSetPrinter.REPLICA_SET);
        r.register("apps", "StatefulSet", new StatefulSetPrinter());
        r.register("apps", "DaemonSet", new DaemonSetPrinter());
        r.register("apps", "ControllerRevision", new ControllerRevisionPrinter());
        // batch/v1
        r.register("batch", "Job", new JobPrinter());
        r.register("batch", "CronJob", new CronJobPrinter());
        // the rest, by group
        r.register("events.k8s.io", "Event", new EventPrinter(EventPrinter.Fields.EVENTS_V1));
        r.register("coordination.k8s.io", "Lease", new LeasePrinter());
        r.register("discovery.k8s.io", "EndpointSlice", new EndpointSlicePrinter());
        r.register("rbac.authorization.k8s.io", "RoleBinding", RoleBindingPrinter.ROLE_BINDING);
        r.register("rbac.authorization.k8s.io", "ClusterRoleBinding", RoleBindingPrinter.CLUSTER_ROLE_BINDING);
        r.register("policy", "PodDisruptionBudget", new PodDisruptionBudgetPrinter());
        r.register("scheduling.k8s.io", "PriorityClass", new PriorityClassPrinter());
        r.register("storage.k8s.io", "StorageClass", new StorageClassPrinter());
        r.register("networking.k8s.io", "Ingress", new IngressPrinter());
        r.register("networking.k8s.io", "IngressClass", new IngressClassPrinter());
        r.register("networking.k8s.io", "NetworkPolicy", new NetworkPolicyPrinter());
        r.register("autoscaling", "HorizontalPodAutoscaler", new HorizontalPodAutoscalerPrinter());
        r.register("certificates.k8s.io", "CertificateSigningRequest", new CertificateSigningRequestPrinter());
        r.register("node.k8s.io", "RuntimeClass", new RuntimeClassPrinter());
        r.register("admissionregistration.k8s.io", "MutatingWebhookConfiguration",
                WebhookConfigurationPrinter.INSTANCE);
        r.register("admissionregistration.k8s.io", "ValidatingWebhookConfiguration",
                WebhookConfigurationPrinter.INSTANCE);
        r.register("apiregistration.k8s.io", "APIService", new APIServicePrinter());
        // Role, ClusterRole, LimitRange, CustomResourceDefinition: Kubernetes prints them with the default columns.
        return r;
    }

    /** Registers a printer for every version of a kind, replacing any previous one. */
    public void register(String group, String kind, TablePrinter printer) {
        printers.put(new Key(group, null, kind), printer);
    }

    /** Registers a printer for one version of a kind; it takes precedence over a printer for every version. */
    public void register(String group, String version, String kind, TablePrinter printer) {
        printers.put(new Key(group, version, kind), printer);
    }

    /**
     * Registers the printers of a CustomResourceDefinition's served versions, built from their
     * {@code additionalPrinterColumns} by {@link CustomColumnsPrinter#forVersion}. Call it again when the CRD changes.
     *
     * @param crd an {@code apiextensions.k8s.io/v1} CustomResourceDefinition
     */
    public void registerCustomResource(ObjectNode crd) {
        String group = Nodes.str(crd, "spec", "group");
        String kind = Nodes.str(crd, "spec", "names", "kind");
        for (JsonNode version : Nodes.items(crd, "spec", "versions")) {
            String name = Nodes.str(version, "name");
            register(group, name, kind, CustomColumnsPrinter.forVersion(crd, name));
        }
    }

    /** Removes every printer of a group and kind, for example when its CRD is deleted. */
    public void remove(String group, String kind) {
        printers.keySet().removeIf(k -> k.group().equals(group) && k.kind().equals(kind));
    }

    /** The printer of a resource: the version-specific one, else the kind's, else the default columns. */
    public TablePrinter printerFor(ResourceType type) {
        return printerFor(type.group(), type.version(), type.kind());
    }

    /** The printer of a group, version and kind: the version-specific one, else the kind's, else the default. */
    public TablePrinter printerFor(String group, String version, String kind) {
        TablePrinter printer = printers.get(new Key(group, version, kind));
        if (printer == null) {
            printer = printers.get(new Key(group, null, kind));
        }
        return printer == null ? DefaultPrinter.INSTANCE : printer;
    }
}
