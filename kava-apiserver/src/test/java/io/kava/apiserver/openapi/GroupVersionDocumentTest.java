package io.kava.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GroupVersionDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static ResourceRegistry registry;
    private static OpenApiDocuments documents;

    @BeforeAll
    static void build() {
        registry = ResourceRegistry.withBuiltins();
        documents = new OpenApiDocuments(registry, new CustomResourceSchemas(), new ModelSchemas());
    }

    @Test
    void deploymentPatchOperationHasFieldValidationAndEveryPatchType() {
        JsonNode patch = doc("apis/apps/v1").path("paths")
                .path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
        assertThat(patch.path("operationId").asString()).isEqualTo("patchAppsV1NamespacedDeployment");
        assertThat(patch.path("x-kubernetes-action").asString()).isEqualTo("patch");
        assertThat(Json.string(patch.path("x-kubernetes-group-version-kind")))
                .isEqualTo("{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}");
        assertThat(names(patch.path("parameters"))).contains("dryRun", "fieldManager", "fieldValidation", "force");
        for (JsonNode param : patch.path("parameters")) {
            assertThat(param.path("in").asString()).isEqualTo("query");
        }
        assertThat(patch.path("requestBody").path("content").propertyNames()).containsExactlyInAnyOrder(
                "application/json-patch+json", "application/merge-patch+json",
                "application/strategic-merge-patch+json", "application/apply-patch+yaml");
    }

    /** kubectl takes the first PATCH operation of the kind it finds, in Go's random map order: all must qualify. */
    @Test
    void everyPatchOperationOfEveryDocumentHasFieldValidation() {
        for (String gv : groupVersions()) {
            for (Map.Entry<String, JsonNode> path : doc(gv).path("paths").properties()) {
                JsonNode patch = path.getValue().get("patch");
                if (patch != null && !patch.path("x-kubernetes-action").asString().equals("connect")) {
                    assertThat(names(patch.path("parameters"))).as(path.getKey()).contains("fieldValidation");
                }
            }
        }
    }

    @Test
    void everyRegisteredResourceHasPathsWithKindsAndActions() {
        for (ResourceType type : registry.all()) {
            JsonNode paths = doc(GroupVersionDocument.path(type.group(), type.version())).path("paths");
            String collection = type.collectionPath(type.namespaced() ? "{namespace}" : null);
            assertThat(paths.path(collection).propertyNames()).as(collection).contains("get", "post", "delete");
            assertThat(paths.path(collection + "/{name}").propertyNames()).as(collection)
                    .contains("get", "put", "patch", "delete");
            if (type.namespaced()) {
                assertThat(paths.path(type.collectionPath(null)).has("get")).as(type.plural()).isTrue();
            }
            for (String sub : type.subresources()) {
                assertThat(paths.has(collection + "/{name}/" + sub)).as(type.plural() + "/" + sub).isTrue();
            }
            for (String p : List.of(collection, collection + "/{name}")) {
                for (Map.Entry<String, JsonNode> op : paths.path(p).properties()) {
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    JsonNode gvk = op.getValue().path("x-kubernetes-group-version-kind");
                    assertThat(gvk.path("kind").asString()).as(p + " " + op.getKey()).isEqualTo(type.kind());
                    assertThat(gvk.path("group").asString()).isEqualTo(type.group());
                    assertThat(op.getValue().hasNonNull("x-kubernetes-action")).isTrue();
                }
            }
        }
    }

    @Test
    void operationIdsFollowKubernetes() {
        Set<String> core = operationIds(doc("api/v1"));
        assertThat(core).contains("readCoreV1NamespacedPod", "listCoreV1NamespacedPod",
                "listCoreV1PodForAllNamespaces", "createCoreV1NamespacedPod", "replaceCoreV1NamespacedPod",
                "patchCoreV1NamespacedPod", "deleteCoreV1NamespacedPod", "deleteCoreV1CollectionNamespacedPod",
                "readCoreV1NamespacedPodStatus", "patchCoreV1NamespacedPodStatus", "readCoreV1NamespacedPodLog",
                "connectCoreV1GetNamespacedPodExec", "createCoreV1NamespacedPodEviction", "readCoreV1Namespace",
                "replaceCoreV1NamespaceFinalize", "getCoreV1APIResources");
        assertThat(operationIds(doc("apis/apps/v1"))).contains("patchAppsV1NamespacedDeploymentScale",
                "listAppsV1DeploymentForAllNamespaces");
        assertThat(operationIds(doc("apis/rbac.authorization.k8s.io/v1")))
                .contains("patchRbacAuthorizationV1ClusterRole");
        for (String gv : groupVersions()) {
            var seen = new HashSet<String>();
            for (JsonNode item : doc(gv).path("paths")) {
                for (Map.Entry<String, JsonNode> op : item.properties()) {
                    if (!op.getKey().equals("parameters")) {
                        assertThat(seen.add(op.getValue().path("operationId").asString())).as(gv).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void scaleOperationsAnswerWithTheAutoscalingScaleKind() {
        JsonNode doc = doc("apis/apps/v1");
        JsonNode patch = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale")
                .path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("group").asString()).isEqualTo("autoscaling");
        assertThat(doc.path("components").path("schemas").has("io.k8s.api.autoscaling.v1.Scale")).isTrue();
    }

    @Test
    void everyReferenceResolvesWithinItsDocument() {
        for (String gv : groupVersions()) {
            JsonNode doc = doc(gv);
            JsonNode schemas = doc.path("components").path("schemas");
            for (JsonNode ref : doc.findValues("$ref")) {
                if (!ref.isString()) {
                    continue; // a property named $ref (CRD JSONSchemaProps)
                }
                String name = ref.asString().substring(ComponentNames.REF_PREFIX.length());
                assertThat(schemas.has(name)).as(gv + " " + name).isTrue();
            }
        }
    }

    @Test
    void kindsAndListsAreFoundByTheirGvk() {
        JsonNode schemas = doc("api/v1").path("components").path("schemas");
        assertThat(gvks(schemas.path("io.k8s.api.core.v1.Pod"))).containsExactly("/v1/Pod");
        assertThat(gvks(schemas.path("io.k8s.api.core.v1.PodList"))).containsExactly("/v1/PodList");
        assertThat(ModelSchemasTest.ref(schemas.path("io.k8s.api.core.v1.PodList").path("properties").path("items")
                .path("items"))).isEqualTo("io.k8s.api.core.v1.Pod");
    }

    @Test
    void customResourcesGetTheirCrdSchemaAndNoStrategicMergePatch() {
        var registry = ResourceRegistry.withBuiltins();
        var custom = new CustomResourceSchemas();
        var docs = new OpenApiDocuments(registry, custom, new ModelSchemas());
        String before = docs.root().etag();
        registry.register(new ResourceType("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true,
                List.of("ct"), List.of(), Set.of("status")));
        ObjectNode schema = (ObjectNode) Json.parse("""
                {"type":"object","properties":{"spec":{"type":"object","description":"The cron tab.",
                 "properties":{"cronSpec":{"type":"string"},"replicas":{"type":"integer"}}}}}""");
        custom.put("stable.example.com", "v1", "CronTab", schema);
        assertThat(docs.root().etag()).isNotEqualTo(before);

        JsonNode doc = Json.parse(docs.groupVersion("apis/stable.example.com/v1").bytes());
        JsonNode crontab = doc.path("components").path("schemas").path("com.example.stable.v1.CronTab");
        assertThat(gvks(crontab)).containsExactly("stable.example.com/v1/CronTab");
        assertThat(crontab.path("properties").path("spec").path("properties").has("cronSpec")).isTrue();
        assertThat(ModelSchemasTest.ref(crontab.path("properties").path("metadata")))
                .isEqualTo("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        JsonNode patch = doc.path("paths").path("/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}")
                .path("patch");
        assertThat(patch.path("operationId").asString()).isEqualTo("patchStableExampleComV1NamespacedCronTab");
        assertThat(names(patch.path("parameters"))).contains("fieldValidation");
        assertThat(patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"))
                .isFalse();

        custom.remove("stable.example.com", "v1", "CronTab");
        JsonNode freeForm = Json.parse(docs.groupVersion("apis/stable.example.com/v1").bytes())
                .path("components").path("schemas").path("com.example.stable.v1.CronTab");
        assertThat(freeForm.path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    }

    @Test
    void documentsAreCachedUntilTheRegistryChanges() {
        var registry = ResourceRegistry.withBuiltins();
        var docs = new OpenApiDocuments(registry, new CustomResourceSchemas(), new ModelSchemas());
        OpenApiDocuments.Document core = docs.groupVersion("api/v1");
        assertThat(docs.groupVersion("api/v1")).isSameAs(core);
        registry.register(new ResourceType("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true,
                List.of(), List.of(), Set.of()));
        assertThat(docs.groupVersion("apis/stable.example.com/v1")).isNotNull();
        assertThat(docs.groupVersion("api/v1").etag()).isEqualTo(core.etag()); // unchanged group-version, same hash
    }

    @Test
    void swaggerV2UsesDefinitionsAndBodyParameters() {
        JsonNode v2 = Json.parse(documents.swagger().bytes());
        assertThat(v2.path("swagger").asString()).isEqualTo("2.0");
        assertThat(v2.path("definitions").has("io.k8s.api.core.v1.Pod")).isTrue();
        JsonNode patch = v2.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
                .path("patch");
        assertThat(names(patch.path("parameters"))).contains("body", "fieldValidation");
        assertThat(patch.path("consumes").toString()).contains("application/strategic-merge-patch+json");
        JsonNode metadata = v2.path("definitions").path("io.k8s.api.core.v1.Pod").path("properties").path("metadata");
        assertThat(metadata.path("$ref").asString())
                .isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        assertThat(Json.string(v2).contains("#/components/")).isFalse();
        JsonNode intOrString = v2.path("definitions").path("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        assertThat(intOrString.path("type").asString()).isEqualTo("string");
        assertThat(intOrString.has("oneOf")).isFalse();
    }

    @Test
    void swaggerV2KeepsTheTypeOfCrdSchemasWithOneOf() {
        JsonNode v3 = Json.parse("""
                {"type":"object","oneOf":[{"required":["a"]},{"required":["b"]}],
                 "properties":{"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]},
                 "meta":{"default":{},"allOf":[{"$ref":"#/components/schemas/x.Meta"}]}}}""");
        JsonNode v2 = SwaggerV2.schema(v3);
        assertThat(v2.path("type").asString()).isEqualTo("object");
        assertThat(v2.path("properties").path("port").has("type")).isFalse();
        assertThat(v2.path("properties").path("meta").path("$ref").asString()).isEqualTo("#/definitions/x.Meta");
        assertThat(v2.path("properties").path("meta").has("default")).isFalse();
    }

    private static List<String> groupVersions() {
        var out = new java.util.ArrayList<String>();
        for (String group : registry.groups()) {
            for (String version : registry.versions(group)) {
                out.add(GroupVersionDocument.path(group, version));
            }
        }
        return out;
    }

    private static JsonNode doc(String gv) {
        OpenApiDocuments.Document doc = documents.groupVersion(gv);
        assertThat(doc).as(gv).isNotNull();
        return Json.parse(doc.bytes());
    }

    private static Set<String> operationIds(JsonNode doc) {
        var ids = new HashSet<String>();
        doc.findValues("operationId").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static List<String> names(JsonNode params) {
        var names = new java.util.ArrayList<String>();
        params.forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    private static List<String> gvks(JsonNode schema) {
        var out = new java.util.ArrayList<String>();
        schema.path("x-kubernetes-group-version-kind").forEach(g -> out.add(g.path("group").asString() + "/"
                + g.path("version").asString() + "/" + g.path("kind").asString()));
        return out;
    }
}
