package io.kava.apiserver.http;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.rest.ResourceStorage;
import io.kava.apiserver.table.TableWriter;
import io.kava.apiserver.watch.Watcher;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes objects, lists and watch events as JSON, or as {@code meta.k8s.io/v1 Table}s when the client asks for
 * them ({@code kubectl get} without {@code -o}).
 */
public final class JsonOutput implements ResourceHandler.Output {

    private final TableWriter tables;

    public JsonOutput(TableWriter tables) {
        this.tables = tables;
    }

    @Override
    public void object(Exchange exchange, int status, ResourceType type, ObjectNode object) {
        if (wantsMetadataOnly(exchange)) {
            exchange.sendJson(status, partial(object));
            return;
        }
        if (wantsTable(exchange)) {
            exchange.sendJson(status, tables.table(type, java.util.List.of(object), null, includeObject(exchange),
                    true));
            return;
        }
        exchange.sendJson(status, object);
    }

    @Override
    public void list(Exchange exchange, ResourceType type, ResourceStorage.ListResult list) {
        if (wantsTable(exchange)) {
            ObjectNode table = tables.table(type, list.items(), Long.toString(list.revision()),
                    includeObject(exchange), true);
            if (list.continueToken() != null) {
                ((ObjectNode) table.get("metadata")).put("continue", list.continueToken());
            }
            exchange.sendJson(200, table);
            return;
        }
        boolean metadataOnly = wantsMetadataOnly(exchange);
        if (!metadataOnly && list.encoded() != null) {
            exchange.sendBytes(200, "application/json", encodedList(type, list));
            return;
        }
        ObjectNode doc = Json.object();
        if (metadataOnly) {
            doc.put("kind", "PartialObjectMetadataList").put("apiVersion", "meta.k8s.io/v1");
        } else {
            doc.put("kind", type.listKind()).put("apiVersion", type.apiVersion());
        }
        ObjectNode meta = doc.putObject("metadata");
        meta.put("resourceVersion", Long.toString(list.revision()));
        if (list.continueToken() != null) {
            meta.put("continue", list.continueToken());
        }
        if (list.remaining() != null) {
            meta.put("remainingItemCount", list.remaining());
        }
        ArrayNode items = doc.putArray("items");
        list.items().forEach(item -> items.add(metadataOnly ? partial(item) : item));
        exchange.sendJson(200, doc);
    }

    @Override
    public byte[] watchFrame(Exchange exchange, ResourceType type, Watcher.Delivery delivery, boolean first) {
        if (wantsTable(exchange)) {
            ObjectNode table = tables.table(type, java.util.List.of(delivery.event().object()), null,
                    includeObject(exchange), first);
            return io.kava.apiserver.watch.WatchEvent.frame(delivery.type(), table);
        }
        if (wantsMetadataOnly(exchange)) {
            return io.kava.apiserver.watch.WatchEvent.frame(delivery.type(), partial(delivery.event().object()));
        }
        return delivery.event().frame(delivery.type());
    }

    /** {@code Accept: application/json;as=PartialObjectMetadata[List];g=meta.k8s.io;v=v1} (metadata informers). */
    static boolean wantsMetadataOnly(Exchange exchange) {
        String accept = exchange.accept();
        return accept.contains("as=PartialObjectMetadata") && accept.contains("g=meta.k8s.io")
                && !accept.contains("as=Table");
    }

    private static ObjectNode partial(ObjectNode object) {
        ObjectNode partial = Json.object().put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.get("metadata"));
        return partial;
    }

    /** A list written from the watch cache's bytes: no object is serialized again. */
    private static byte[] encodedList(ResourceType type, ResourceStorage.ListResult list) {
        var out = new java.io.ByteArrayOutputStream(64 + list.encoded().stream().mapToInt(b -> b.length + 1).sum());
        out.writeBytes(("{\"kind\":\"" + type.listKind() + "\",\"apiVersion\":\"" + type.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"" + list.revision() + "\"},\"items\":[")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean first = true;
        for (byte[] item : list.encoded()) {
            if (!first) {
                out.write(',');
            }
            out.writeBytes(item);
            first = false;
        }
        out.writeBytes("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static boolean wantsTable(Exchange exchange) {
        String accept = exchange.accept();
        return accept.contains("as=Table") && accept.contains("g=meta.k8s.io");
    }

    private static String includeObject(Exchange exchange) {
        String value = exchange.query("includeObject");
        if (value == null || value.isEmpty()) {
            return "Metadata";
        }
        if (!value.equals("None") && !value.equals("Metadata") && !value.equals("Object")) {
            throw ApiException.badRequest("includeObject: Unsupported value: \"" + value
                    + "\": supported values: \"None\", \"Metadata\", \"Object\"");
        }
        return value;
    }
}
