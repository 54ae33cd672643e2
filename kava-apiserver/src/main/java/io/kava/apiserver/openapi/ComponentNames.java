package io.kava.apiserver.openapi;

import java.util.Set;

/**
 * Names of OpenAPI components the way Kubernetes spells them: the Go package path in reverse-domain form plus the type
 * name ({@code io.k8s.api.core.v1.Pod}, {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}). The names are only
 * labels inside one document (clients follow {@code $ref}s and look kinds up by {@code x-kubernetes-group-version-kind}),
 * but matching Kubernetes keeps documents diffable against a real cluster's.
 */
final class ComponentNames {

    static final String REF_PREFIX = "#/components/schemas/";

    private static final String FABRIC8_MODEL = "io.fabric8.kubernetes.api.model";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String APIREGISTRATION = "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.";

    /** Types fabric8 keeps in its core package that Kubernetes defines in apimachinery's meta/v1. */
    private static final Set<String> META_TYPES = Set.of("APIGroup", "APIGroupList", "APIResource",
            "APIResourceList", "APIVersions", "Condition", "CreateOptions", "DeleteOptions", "FieldSelectorRequirement",
            "FieldsV1", "GetOptions", "GroupKind", "GroupResource", "GroupVersion", "GroupVersionForDiscovery",
            "GroupVersionKind", "GroupVersionResource", "LabelSelector", "LabelSelectorRequirement", "ListMeta",
            "ListOptions", "ManagedFieldsEntry", "MicroTime", "ObjectMeta", "OwnerReference",
            "PartialObjectMetadata", "PartialObjectMetadataList", "Patch", "PatchOptions", "Preconditions",
            "RootPaths", "ServerAddressByClientCIDR", "Status", "StatusCause", "StatusDetails", "Time", "TypeMeta",
            "UpdateOptions", "WatchEvent");

    /** Types fabric8 keeps in its core package that belong to kube-aggregator's apiregistration/v1. */
    private static final Set<String> APIREGISTRATION_TYPES = Set.of("APIService", "APIServiceCondition",
            "APIServiceList", "APIServiceSpec", "APIServiceStatus", "ServiceReference");

    private ComponentNames() {
    }

    /** The Kubernetes component name of a fabric8 model class. */
    static String of(Class<?> type) {
        String simple = type.getSimpleName();
        String pkg = type.getPackageName();
        if (!pkg.startsWith(FABRIC8_MODEL)) {
            return type.getName(); // not a Kubernetes model class: its Java name is unique enough
        }
        String rest = pkg.substring(FABRIC8_MODEL.length());
        if (rest.isEmpty()) {
            return switch (simple) {
                case "Quantity" -> "io.k8s.apimachinery.pkg.api.resource.Quantity";
                case "IntOrString" -> "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
                case "Duration" -> META + "Duration";
                default -> META_TYPES.contains(simple) ? META + simple
                        : APIREGISTRATION_TYPES.contains(simple) ? APIREGISTRATION + simple : CORE + simple;
            };
        }
        rest = rest.substring(1); // drop the dot
        return switch (rest) {
            // fabric8 leaves the version out of a few v1 packages
            case "apps", "rbac", "storage" -> "io.k8s.api." + rest + ".v1." + simple;
            case "apiextensions.v1" -> "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1." + simple;
            default -> "io.k8s.api." + rest + "." + simple;
        };
    }

    /**
     * The component name Kubernetes gives a custom resource's schema: the group's labels reversed, then version and
     * kind ({@code stable.example.com/v1 CronTab} is {@code com.example.stable.v1.CronTab}).
     */
    static String ofCustom(String group, String version, String kind) {
        String[] labels = group.split("\\.");
        var name = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            name.append(labels[i]).append('.');
        }
        return name.append(version).append('.').append(kind).toString();
    }

    /**
     * The name for a Kubernetes kind fabric8 has no class for (its schema is then free-form):
     * {@code authentication.k8s.io/v1 TokenRequest} is {@code io.k8s.api.authentication.v1.TokenRequest}.
     */
    static String ofBuiltin(String group, String version, String kind) {
        String pkg = group.isEmpty() ? "core" : group.contains(".") ? group.substring(0, group.indexOf('.')) : group;
        return "io.k8s.api." + pkg + "." + version + "." + kind;
    }

    /** The list kind's component beside its item kind's: {@code io.k8s.api.core.v1.PodList}. */
    static String listOf(String kindComponent) {
        return kindComponent + "List";
    }

    static String ref(String component) {
        return REF_PREFIX + component;
    }

    /** The short type name at the end of a component name ({@code Pod}). */
    static String simpleName(String component) {
        return component.substring(component.lastIndexOf('.') + 1);
    }
}
