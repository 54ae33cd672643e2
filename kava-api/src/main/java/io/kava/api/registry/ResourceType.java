package io.kava.api.registry;

import java.util.List;
import java.util.Set;

/**
 * One served resource: a plural name in a group-version, the kind it holds, its scope and what discovery says about
 * it. The same record describes built-in kinds and custom resources.
 *
 * @param group        API group, "" for the core group
 * @param version      API version, for example {@code v1}
 * @param kind         the kind of one object ({@code Pod})
 * @param plural       the resource name in URLs ({@code pods})
 * @param singular     the lower-case singular name ({@code pod})
 * @param namespaced   true when objects live in a namespace
 * @param shortNames   kubectl short names ({@code po})
 * @param categories   discovery categories ({@code all})
 * @param subresources subresources served under {@code .../{name}/{sub}}
 * @param verbs        the verbs discovery lists; {@link #VERBS} for stored kinds, {@code create} alone for reviews
 */
public record ResourceType(String group, String version, String kind, String plural, String singular,
                           boolean namespaced, List<String> shortNames, List<String> categories,
                           Set<String> subresources, List<String> verbs) {

    /** The verbs every stored resource supports. */
    public static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** A stored resource: every verb. */
    public ResourceType(String group, String version, String kind, String plural, String singular,
                        boolean namespaced, List<String> shortNames, List<String> categories,
                        Set<String> subresources) {
        this(group, version, kind, plural, singular, namespaced, shortNames, categories, subresources, VERBS);
    }

    public ResourceType {
        verbs = List.copyOf(verbs);
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
        subresources = Set.copyOf(subresources);
    }

    /** {@code v1} for the core group, else {@code group/version}; the apiVersion field of objects. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String listKind() {
        return kind + "List";
    }

    /** {@code pods} or {@code deployments.apps}: how Kubernetes names a resource in error messages. */
    public String qualifiedName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The URL path of the collection, for example {@code /apis/apps/v1/namespaces/ns/deployments}. */
    public String collectionPath(String namespace) {
        String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return namespaced && namespace != null ? root + "/namespaces/" + namespace + "/" + plural : root + "/" + plural;
    }

    /** A create-only resource that is computed, never stored (access and token reviews). */
    public boolean isReview() {
        return verbs.equals(List.of("create"));
    }

    public boolean hasSubresource(String name) {
        return subresources.contains(name);
    }

    /** The store key prefix of this resource: {@code /registry/pods/} or {@code /registry/deployments.apps/}. */
    public String storagePrefix() {
        return "/registry/" + qualifiedName() + "/";
    }

    /** The store key of one object (namespace ignored for cluster-scoped resources). */
    public String storageKey(String namespace, String name) {
        return namespaced ? storagePrefix() + namespace + "/" + name : storagePrefix() + name;
    }

    /** The store key prefix of a namespace's objects, or of all objects when {@code namespace} is null. */
    public String storagePrefix(String namespace) {
        return namespaced && namespace != null ? storagePrefix() + namespace + "/" : storagePrefix();
    }
}
