package io.kava.apiserver.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.kava.api.json.Json;
import io.kava.api.registry.BuiltinResources;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the component schemas of documents come from: built-in kinds from the fabric8 model ({@link ModelSchemas}),
 * custom kinds from their CRD's schema ({@link CustomResourceSchemas}, or a free-form object without one), list kinds
 * and a few fixed meta types generated here.
 */
final class SchemaCatalog {

    static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private final ModelSchemas models;
    private final CustomResourceSchemas custom;
    private final Set<String> builtins;

    SchemaCatalog(ModelSchemas models, CustomResourceSchemas custom) {
        this.models = models;
        this.custom = custom;
        this.builtins = BuiltinResources.all().stream().map(t -> key(t.group(), t.version(), t.kind()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * True when the kind is built in and described by its fabric8 class: only those accept strategic merge patches
     * (a real API server answers 415 to one for a custom resource, and kubectl builds one whenever the PATCH
     * operation lists the media type).
     */
    boolean strategicMerge(ResourceType type) {
        return builtins.contains(key(type.group(), type.version(), type.kind()))
                && custom.get(type.group(), type.version(), type.kind()) == null
                && ModelClasses.find(type.group(), type.version(), type.kind()) != null;
    }

    /** Starts collecting the components of one document. */
    Collector collector() {
        return new Collector();
    }

    /** The components one document refers to; {@link #schemas()} adds everything they reference in turn. */
    final class Collector {

        /** Components made for this document (custom kinds, lists, Patch); the rest come from the model. */
        private final Map<String, ObjectNode> local = new HashMap<>();
        private final Set<String> roots = new java.util.LinkedHashSet<>();

        /** The component of a served kind. */
        String kind(ResourceType type) {
            return kind(type.group(), type.version(), type.kind());
        }

        /** The component of {@code group/version kind}, whichever source has it. */
        String kind(String group, String version, String kind) {
            ObjectNode schema = custom.get(group, version, kind);
            String name;
            if (schema != null) {
                name = ComponentNames.ofCustom(group, version, kind);
                local.put(name, customKind(group, version, kind, schema));
            } else if (builtins.contains(key(group, version, kind)) || !group.contains(".")
                    || group.endsWith(".k8s.io")) {
                name = models.kind(group, version, kind);
                if (name == null) {
                    name = ComponentNames.ofBuiltin(group, version, kind);
                    local.put(name, customKind(group, version, kind, null));
                }
            } else {
                name = ComponentNames.ofCustom(group, version, kind);
                local.put(name, customKind(group, version, kind, null));
            }
            roots.add(name);
            return name;
        }

        /** The component of a kind's list ({@code PodList}), made here for every kind alike. */
        String list(ResourceType type) {
            String item = kind(type);
            String name = ComponentNames.listOf(item);
            ObjectNode list = Json.object().put("description", type.listKind() + " is a list of " + type.kind()
                    + " objects.").put("type", "object");
            list.putArray("required").add("items");
            ObjectNode props = list.putObject("properties");
            props.putObject("apiVersion").put("description", Descriptions.API_VERSION).put("type", "string");
            ObjectNode items = props.putObject("items").put("description", "List of " + type.plural() + ".")
                    .put("type", "array");
            items.set("items", ref(item));
            props.putObject("kind").put("description", Descriptions.KIND).put("type", "string");
            ObjectNode metadata = ref(meta(ListMeta.class));
            props.set("metadata", Json.object().put("description", Descriptions.LIST_METADATA).setAll(metadata));
            list.putArray("x-kubernetes-group-version-kind")
                    .add(ModelSchemas.gvk(type.group(), type.version(), type.listKind()));
            local.put(name, list);
            roots.add(name);
            return name;
        }

        String status() {
            return root(meta(Status.class));
        }

        String deleteOptions() {
            return root(meta(DeleteOptions.class));
        }

        String apiResourceList() {
            return root(meta(APIResourceList.class));
        }

        /** The body type of every PATCH: any JSON object, whatever the patch format. */
        String patch() {
            local.put(PATCH, Json.object().put("description", Descriptions.ofType(PATCH)).put("type", "object"));
            return root(PATCH);
        }

        /** Every component the collected ones refer to, transitively, by name. */
        ObjectNode schemas() {
            var all = new TreeMap<String, ObjectNode>();
            Deque<String> queue = new ArrayDeque<>(roots);
            while (!queue.isEmpty()) {
                String name = queue.poll();
                if (all.containsKey(name)) {
                    continue;
                }
                ObjectNode schema = local.containsKey(name) ? local.get(name) : models.get(name);
                if (schema == null) {
                    throw new IllegalStateException("openapi: no component " + name);
                }
                all.put(name, schema);
                collectRefs(schema, queue);
            }
            ObjectNode schemas = Json.object();
            all.forEach(schemas::set);
            return schemas;
        }

        private String root(String name) {
            roots.add(name);
            return name;
        }

        private String meta(Class<?> type) {
            return models.component(type);
        }

        /** A custom kind: its CRD schema (or any object) with apiVersion, kind, metadata and the GVK added. */
        private ObjectNode customKind(String group, String version, String kind, ObjectNode crdSchema) {
            ObjectNode schema = Json.object();
            if (crdSchema != null) {
                schema.setAll(crdSchema.deepCopy());
            } else {
                schema.put("description", kind + " has no published schema; any fields are kept.")
                        .put("x-kubernetes-preserve-unknown-fields", true);
            }
            schema.put("type", "object");
            ObjectNode props = schema.has("properties") && schema.get("properties").isObject()
                    ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
            props.set("apiVersion", Json.object().put("description", Descriptions.API_VERSION).put("type", "string"));
            props.set("kind", Json.object().put("description", Descriptions.KIND).put("type", "string"));
            // like kube-apiserver: metadata is always the standard ObjectMeta, whatever the CRD says
            props.set("metadata", Json.object().put("description", Descriptions.OBJECT_METADATA)
                    .setAll(ref(meta(ObjectMeta.class))));
            schema.putArray("x-kubernetes-group-version-kind").add(ModelSchemas.gvk(group, version, kind));
            return schema;
        }
    }

    /** A property or item referring to a component, as Kubernetes' v3 documents write it. */
    static ObjectNode ref(String component) {
        ObjectNode ref = Json.object();
        ref.putObject("default");
        ref.putArray("allOf").addObject().put("$ref", ComponentNames.ref(component));
        return ref;
    }

    private static void collectRefs(JsonNode node, Deque<String> queue) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(ComponentNames.REF_PREFIX)) {
                queue.add(ref.asString().substring(ComponentNames.REF_PREFIX.length()));
            }
            for (JsonNode child : node.values()) {
                collectRefs(child, queue);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collectRefs(child, queue);
            }
        }
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }
}
