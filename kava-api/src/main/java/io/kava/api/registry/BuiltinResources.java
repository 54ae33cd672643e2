package io.kava.api.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The built-in resources Kava serves, with the names, short names and categories Kubernetes' discovery reports for
 * them (checked against a real {@code kubectl api-resources}).
 */
public final class BuiltinResources {

    private BuiltinResources() {
    }

    public static List<ResourceType> all() {
        var b = new Builder();
        // core/v1
        b.group("", "v1");
        b.ns("Pod", "pods", List.of("po"), List.of("all"), "status", "binding", "eviction", "log", "exec", "attach",
                "portforward", "ephemeralcontainers");
        b.cluster("Namespace", "namespaces", List.of("ns"), List.of(), "status", "finalize");
        b.cluster("Node", "nodes", List.of("no"), List.of(), "status", "proxy");
        b.ns("Service", "services", List.of("svc"), List.of("all"), "status", "proxy");
        b.ns("Endpoints", "endpoints", List.of("ep"), List.of());
        b.ns("ConfigMap", "configmaps", List.of("cm"), List.of());
        b.ns("Secret", "secrets", List.of(), List.of());
        b.ns("ServiceAccount", "serviceaccounts", List.of("sa"), List.of(), "token");
        b.ns("Event", "events", List.of("ev"), List.of());
        b.ns("LimitRange", "limitranges", List.of("limits"), List.of());
        b.ns("ResourceQuota", "resourcequotas", List.of("quota"), List.of(), "status");
        b.ns("ReplicationController", "replicationcontrollers", List.of("rc"), List.of("all"), "status", "scale");
        b.ns("PodTemplate", "podtemplates", List.of(), List.of());
        b.cluster("PersistentVolume", "persistentvolumes", List.of("pv"), List.of(), "status");
        b.ns("PersistentVolumeClaim", "persistentvolumeclaims", List.of("pvc"), List.of(), "status");
        // apps/v1
        b.group("apps", "v1");
        b.ns("Deployment", "deployments", List.of("deploy"), List.of("all"), "status", "scale");
        b.ns("ReplicaSet", "replicasets", List.of("rs"), List.of("all"), "status", "scale");
        b.ns("StatefulSet", "statefulsets", List.of("sts"), List.of("all"), "status", "scale");
        b.ns("DaemonSet", "daemonsets", List.of("ds"), List.of("all"), "status");
        b.ns("ControllerRevision", "controllerrevisions", List.of(), List.of());
        // batch/v1
        b.group("batch", "v1");
        b.ns("Job", "jobs", List.of(), List.of("all"), "status");
        b.ns("CronJob", "cronjobs", List.of("cj"), List.of("all"), "status");
        b.group("coordination.k8s.io", "v1");
        b.ns("Lease", "leases", List.of(), List.of());
        b.group("discovery.k8s.io", "v1");
        b.ns("EndpointSlice", "endpointslices", List.of(), List.of());
        b.group("rbac.authorization.k8s.io", "v1");
        b.ns("Role", "roles", List.of(), List.of());
        b.ns("RoleBinding", "rolebindings", List.of(), List.of());
        b.cluster("ClusterRole", "clusterroles", List.of(), List.of());
        b.cluster("ClusterRoleBinding", "clusterrolebindings", List.of(), List.of());
        b.group("events.k8s.io", "v1");
        b.ns("Event", "events", List.of("ev"), List.of());
        b.group("policy", "v1");
        b.ns("PodDisruptionBudget", "poddisruptionbudgets", List.of("pdb"), List.of(), "status");
        b.group("scheduling.k8s.io", "v1");
        b.cluster("PriorityClass", "priorityclasses", List.of("pc"), List.of());
        b.group("apiextensions.k8s.io", "v1");
        b.cluster("CustomResourceDefinition", "customresourcedefinitions", List.of("crd", "crds"), List.of(),
                "status");
        b.group("authorization.k8s.io", "v1");
        b.review("SelfSubjectAccessReview", "selfsubjectaccessreviews", false);
        b.review("SelfSubjectRulesReview", "selfsubjectrulesreviews", false);
        b.review("SubjectAccessReview", "subjectaccessreviews", false);
        b.review("LocalSubjectAccessReview", "localsubjectaccessreviews", true);
        b.group("authentication.k8s.io", "v1");
        b.review("SelfSubjectReview", "selfsubjectreviews", false);
        b.review("TokenReview", "tokenreviews", false);
        b.group("storage.k8s.io", "v1");
        b.cluster("StorageClass", "storageclasses", List.of("sc"), List.of());
        b.group("networking.k8s.io", "v1");
        b.ns("Ingress", "ingresses", List.of("ing"), List.of(), "status");
        b.cluster("IngressClass", "ingressclasses", List.of(), List.of());
        b.ns("NetworkPolicy", "networkpolicies", List.of("netpol"), List.of());
        b.group("autoscaling", "v2");
        b.ns("HorizontalPodAutoscaler", "horizontalpodautoscalers", List.of("hpa"), List.of("all"), "status");
        b.group("autoscaling", "v1"); // served over the v2 storage
        b.ns("HorizontalPodAutoscaler", "horizontalpodautoscalers", List.of("hpa"), List.of("all"), "status");
        b.group("certificates.k8s.io", "v1");
        b.cluster("CertificateSigningRequest", "certificatesigningrequests", List.of("csr"), List.of(), "status",
                "approval");
        b.group("apiregistration.k8s.io", "v1");
        b.cluster("APIService", "apiservices", List.of(), List.of(), "status");
        b.group("node.k8s.io", "v1");
        b.cluster("RuntimeClass", "runtimeclasses", List.of(), List.of());
        b.group("admissionregistration.k8s.io", "v1");
        b.cluster("MutatingWebhookConfiguration", "mutatingwebhookconfigurations", List.of(), List.of());
        b.cluster("ValidatingWebhookConfiguration", "validatingwebhookconfigurations", List.of(), List.of());
        return b.types;
    }

    private static final class Builder {
        final List<ResourceType> types = new ArrayList<>();
        String group;
        String version;

        void group(String group, String version) {
            this.group = group;
            this.version = version;
        }

        void ns(String kind, String plural, List<String> shortNames, List<String> categories, String... subs) {
            add(kind, plural, true, shortNames, categories, subs);
        }

        void cluster(String kind, String plural, List<String> shortNames, List<String> categories, String... subs) {
            add(kind, plural, false, shortNames, categories, subs);
        }

        void review(String kind, String plural, boolean namespaced) {
            types.add(new ResourceType(group, version, kind, plural, kind.toLowerCase(java.util.Locale.ROOT),
                    namespaced, List.of(), List.of(), Set.of(), List.of("create")));
        }

        private void add(String kind, String plural, boolean namespaced, List<String> shortNames,
                         List<String> categories, String... subs) {
            types.add(new ResourceType(group, version, kind, plural, kind.toLowerCase(java.util.Locale.ROOT),
                    namespaced, shortNames, categories, Set.of(subs)));
        }
    }
}
