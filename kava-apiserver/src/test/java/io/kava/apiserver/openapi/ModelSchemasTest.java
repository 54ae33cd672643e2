package io.kava.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.registry.BuiltinResources;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ModelSchemasTest {

    private static ModelSchemas models;

    @BeforeAll
    static void introspect() {
        models = new ModelSchemas();
        for (ResourceType type : BuiltinResources.all()) {
            models.kind(type.group(), type.version(), type.kind());
        }
    }

    @Test
    void everyBuiltinKindHasAFabric8SchemaWithItsGvk() {
        for (ResourceType type : BuiltinResources.all()) {
            String name = models.kind(type.group(), type.version(), type.kind());
            assertThat(name).as(type.apiVersion() + " " + type.kind()).isNotNull();
            JsonNode gvk = models.get(name).get("x-kubernetes-group-version-kind");
            assertThat(gvk).as(name).hasSize(1);
            assertThat(gvk.get(0).path("group").asString()).isEqualTo(type.group());
            assertThat(gvk.get(0).path("version").asString()).isEqualTo(type.version());
            assertThat(gvk.get(0).path("kind").asString()).isEqualTo(type.kind());
        }
    }

    @Test
    void componentsAreNamedLikeKubernetes() {
        assertThat(models.kind("", "v1", "Pod")).isEqualTo("io.k8s.api.core.v1.Pod");
        assertThat(models.kind("apps", "v1", "Deployment")).isEqualTo("io.k8s.api.apps.v1.Deployment");
        assertThat(models.kind("rbac.authorization.k8s.io", "v1", "Role")).isEqualTo("io.k8s.api.rbac.v1.Role");
        assertThat(models.kind("batch", "v1", "Job")).isEqualTo("io.k8s.api.batch.v1.Job");
        assertThat(models.kind("apiextensions.k8s.io", "v1", "CustomResourceDefinition"))
                .isEqualTo("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition");
        assertThat(ref(property("io.k8s.api.core.v1.Pod", "metadata")))
                .isEqualTo("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        assertThat(ref(property("io.k8s.api.core.v1.Pod", "spec"))).isEqualTo("io.k8s.api.core.v1.PodSpec");
    }

    @Test
    void podListsCarryKubernetesMergeKeysAndStrategies() {
        String spec = "io.k8s.api.core.v1.PodSpec";
        for (String containers : List.of("containers", "initContainers", "ephemeralContainers")) {
            assertMergeList(spec, containers, "name", "merge");
        }
        assertThat(ref(property(spec, "containers").get("items"))).isEqualTo("io.k8s.api.core.v1.Container");
        assertMergeList(spec, "volumes", "name", "merge,retainKeys");
        assertMergeList(spec, "imagePullSecrets", "name", "merge");
        assertThat(property(spec, "tolerations").path("x-kubernetes-list-type").asString()).isEqualTo("atomic");
        assertThat(property(spec, "tolerations").has("x-kubernetes-patch-merge-key")).isFalse();

        String container = "io.k8s.api.core.v1.Container";
        assertMergeList(container, "ports", "containerPort", "merge");
        assertThat(strings(property(container, "ports").get("x-kubernetes-list-map-keys")))
                .containsExactly("containerPort", "protocol");
        assertMergeList(container, "env", "name", "merge");
        assertMergeList(container, "volumeMounts", "mountPath", "merge");
        assertThat(models.get(container).get("required").get(0).asString()).isEqualTo("name");

        assertMergeList("io.k8s.api.core.v1.PodStatus", "conditions", "type", "merge");
        assertMergeList("io.k8s.api.core.v1.ServiceSpec", "ports", "port", "merge");
        assertMergeList("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "ownerReferences", "uid", "merge");
        JsonNode finalizers = property("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "finalizers");
        assertThat(finalizers.path("x-kubernetes-patch-strategy").asString()).isEqualTo("merge");
        assertThat(finalizers.path("x-kubernetes-list-type").asString()).isEqualTo("set");
        assertMergeList("io.k8s.api.apps.v1.DeploymentStatus", "conditions", "type", "merge");
        assertThat(property("io.k8s.api.apps.v1.DeploymentSpec", "strategy").path("x-kubernetes-patch-strategy")
                .asString()).isEqualTo("retainKeys");
    }

    @Test
    void scalarTypesFollowKubernetesEncodings() {
        JsonNode limits = property("io.k8s.api.core.v1.ResourceRequirements", "limits");
        assertThat(limits.path("type").asString()).isEqualTo("object");
        assertThat(ref(limits.get("additionalProperties"))).isEqualTo("io.k8s.apimachinery.pkg.api.resource.Quantity");
        assertThat(models.get("io.k8s.apimachinery.pkg.api.resource.Quantity").has("type")).isFalse();
        assertThat(models.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString").path("format").asString())
                .isEqualTo("int-or-string");
        assertThat(property("io.k8s.api.core.v1.ContainerPort", "containerPort").path("format").asString())
                .isEqualTo("int32");
        assertThat(property("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "creationTimestamp")
                .path("format").asString()).isEqualTo("date-time");
        JsonNode labels = property("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "labels");
        assertThat(labels.path("additionalProperties").path("type").asString()).isEqualTo("string");
    }

    @Test
    void everyPropertyHasADescriptionForKubectlExplain() {
        var missing = new ArrayList<String>();
        for (ResourceType type : BuiltinResources.all()) {
            walk(models.kind(type.group(), type.version(), type.kind()), new java.util.HashSet<>(), missing);
        }
        assertThat(missing).isEmpty();
    }

    private static void walk(String component, java.util.Set<String> seen, List<String> missing) {
        if (!seen.add(component)) {
            return;
        }
        ObjectNode schema = models.get(component);
        if (!schema.hasNonNull("description")) {
            missing.add(component);
        }
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if (!p.getValue().hasNonNull("description")) {
                missing.add(component + "." + p.getKey());
            }
        }
        schema.findValues("$ref").stream().filter(JsonNode::isString).forEach(r -> walk(r.asString().substring(ComponentNames.REF_PREFIX.length()),
                seen, missing));
    }

    private static void assertMergeList(String component, String field, String key, String strategy) {
        JsonNode p = property(component, field);
        assertThat(p.path("type").asString()).as(component + "." + field).isEqualTo("array");
        assertThat(p.path("x-kubernetes-patch-merge-key").asString()).as(component + "." + field).isEqualTo(key);
        assertThat(p.path("x-kubernetes-patch-strategy").asString()).as(component + "." + field).isEqualTo(strategy);
        assertThat(p.path("x-kubernetes-list-type").asString()).as(component + "." + field).isEqualTo("map");
    }

    static JsonNode property(String component, String field) {
        ObjectNode schema = models.get(component);
        assertThat(schema).as(component).isNotNull();
        JsonNode p = schema.path("properties").get(field);
        assertThat(p).as(component + "." + field).isNotNull();
        return p;
    }

    /** The component a property or item refers to, through Kubernetes' {@code allOf: [{$ref}]} wrapping. */
    static String ref(JsonNode schema) {
        return schema.path("allOf").path(0).path("$ref").asString().substring(ComponentNames.REF_PREFIX.length());
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
