package io.kava.apiserver.openapi;

import java.util.Comparator;
import java.util.List;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.http.NonResourceEndpoints;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI v3 document of one group-version ({@code /openapi/v3/apis/apps/v1}): the paths of its resources
 * and every component schema they reach.
 */
final class GroupVersionDocument {

    private GroupVersionDocument() {
    }

    /** The {@code /openapi/v3} key of a group-version: {@code api/v1}, {@code apis/apps/v1}. */
    static String path(String group, String version) {
        return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    }

    static ObjectNode build(String group, String version, List<ResourceType> types, SchemaCatalog catalog) {
        ObjectNode doc = Json.object().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", NonResourceEndpoints.KUBERNETES_VERSION);
        ObjectNode paths = doc.putObject("paths");
        SchemaCatalog.Collector schemas = catalog.collector();
        var resources = new ResourcePaths(paths, schemas, group, version);
        resources.addResourceList();
        for (ResourceType type : types.stream().sorted(Comparator.comparing(ResourceType::plural)).toList()) {
            resources.add(type, catalog.strategicMerge(type));
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas.schemas());
        ObjectNode bearer = components.putObject("securitySchemes").putObject("BearerToken");
        bearer.put("type", "apiKey").put("description", "Bearer Token authentication").put("name", "authorization")
                .put("in", "header");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }
}
