package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.NOW;
import static io.kava.apiserver.table.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import io.kava.api.json.Json;
import io.kava.api.registry.BuiltinResources;
import io.kava.api.registry.ResourceType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TableWriterTest {

    private final TableWriter writer = new TableWriter(TablePrinters.builtin(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static final ObjectNode POD = object("""
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "web-1", "namespace": "shop", "resourceVersion": "812",
                          "labels": {"app": "web"}, "creationTimestamp": "2025-06-01T11:55:00Z"},
             "spec": {"nodeName": "node-1", "containers": [{"name": "web"}]},
             "status": {"phase": "Succeeded"}}""");

    @Test
    void listTableShape() {
        ObjectNode table = writer.table(type("", "Pod"), List.of(POD), "900", "Metadata", true);
        assertThat(Json.string(table)).isEqualTo("""
                {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"900"},\
                "columnDefinitions":[%s],\
                "rows":[{"cells":["web-1","0/1","Succeeded","0","5m","<none>","node-1","<none>","<none>"],\
                "conditions":[{"type":"Completed","status":"True","reason":"Succeeded",\
                "message":"The pod has completed successfully."}],\
                "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",\
                "metadata":{"name":"web-1","namespace":"shop","resourceVersion":"812","labels":{"app":"web"},\
                "creationTimestamp":"2025-06-01T11:55:00Z"}}}]}""".formatted(podColumns()));
    }

    @Test
    void everyColumnDefinitionCarriesAllFields() {
        JsonNode columns = writer.table(type("", "Pod"), List.of(), "1", "None", true).get("columnDefinitions");
        assertThat(columns).hasSize(9);
        for (JsonNode column : columns) {
            assertThat(column.propertyNames()).containsExactly("name", "type", "format", "description", "priority");
        }
        assertThat(columns.get(0).get("format").asString()).isEqualTo("name");
        assertThat(columns.get(5).get("priority").asInt()).isEqualTo(1);
        assertThat(columns.get(0).get("description").asString()).startsWith("Name must be unique within a namespace.");
    }

    @Test
    void includeObject() {
        JsonNode full = writer.table(type("", "Pod"), List.of(POD), "1", "Object", true).get("rows").get(0);
        assertThat(full.get("object")).isEqualTo(POD);
        JsonNode none = writer.table(type("", "Pod"), List.of(POD), "1", "None", true).get("rows").get(0);
        assertThat(none.get("object").isNull()).isTrue();
    }

    @Test
    void singleObjectsCarryTheirResourceVersionAndWatchEventsDropColumns() {
        ObjectNode first = writer.table(type("", "Pod"), List.of(POD), null, "Metadata", true);
        assertThat(first.get("metadata").get("resourceVersion").asString()).isEqualTo("812");
        ObjectNode later = writer.table(type("", "Pod"), List.of(POD), null, "Metadata", false);
        assertThat(later.get("columnDefinitions").isNull()).isTrue();
        assertThat(later.get("rows").get(0).get("cells").get(0).asString()).isEqualTo("web-1");
    }

    @Test
    void emptyListHasNoResourceVersionWhenNoneIsGiven() {
        ObjectNode table = writer.table(type("", "Pod"), List.of(), null, "Metadata", true);
        assertThat(table.get("metadata").isEmpty()).isTrue();
        assertThat(table.get("rows").isEmpty()).isTrue();
    }

    @Test
    void kindsWithoutPrinterGetNameAndCreatedAt() {
        ObjectNode role = object("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                 "metadata": {"name": "reader", "namespace": "shop",
                              "creationTimestamp": "2025-06-01T11:55:00.250000+02:00"},
                 "rules": []}""");
        ObjectNode table = writer.table(type("rbac.authorization.k8s.io", "Role"), List.of(role), "3", "None", true);
        assertThat(table.get("columnDefinitions").get(1).get("name").asString()).isEqualTo("Created At");
        assertThat(table.get("columnDefinitions").get(1).get("type").asString()).isEqualTo("date");
        assertThat(table.get("rows").get(0).get("cells").toString())
                .isEqualTo("[\"reader\",\"2025-06-01T09:55:00Z\"]");
        ObjectNode unset = writer.table(type("", "LimitRange"), List.of(object("{\"metadata\": {\"name\": \"l\"}}")),
                "3", "None", true);
        assertThat(unset.get("rows").get(0).get("cells").get(1).asString()).isEqualTo("0001-01-01T00:00:00Z");
    }

    @Test
    void customResourcesUseTheirRegisteredColumns() {
        ObjectNode crd = object("""
                {"spec": {"group": "example.com", "names": {"kind": "Widget"},
                  "versions": [{"name": "v1", "additionalPrinterColumns": [
                                 {"name": "Size", "type": "integer", "jsonPath": ".spec.size"}]},
                               {"name": "v2"}]}}""");
        writer.printers().registerCustomResource(crd);
        ObjectNode widget = object("""
                {"metadata": {"name": "w", "creationTimestamp": "2025-06-01T11:00:00Z"}, "spec": {"size": 3}}""");
        assertThat(writer.table(widget("v1"), List.of(widget), "5", "None", true).get("rows").get(0).get("cells")
                .toString()).isEqualTo("[\"w\",3]");
        assertThat(writer.table(widget("v2"), List.of(widget), "5", "None", true).get("rows").get(0).get("cells")
                .toString()).isEqualTo("[\"w\",\"60m\"]");
        writer.printers().remove("example.com", "Widget");
        assertThat(writer.printers().printerFor(widget("v1"))).isSameAs(DefaultPrinter.INSTANCE);
    }

    private static ResourceType widget(String version) {
        return new ResourceType("example.com", version, "Widget", "widgets", "widget", true, List.of(), List.of(),
                java.util.Set.of());
    }

    private static ResourceType type(String group, String kind) {
        return BuiltinResources.all().stream().filter(t -> t.group().equals(group) && t.kind().equals(kind))
                .findFirst().orElseThrow();
    }

    private static String podColumns() {
        var columns = Json.array();
        new PodPrinter().columns().forEach(c -> columns.add(c.toJson()));
        String json = Json.string(columns);
        return json.substring(1, json.length() - 1);
    }
}
