package io.kava.api.protobuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kava.api.json.Json;
import io.kava.api.protobuf.KubeSchema.Field;
import io.kava.api.protobuf.KubeSchema.Message;
import io.kava.api.protobuf.KubeSchema.Type;
import io.kava.api.protobuf.WireReader.Slice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns protobuf messages described by a {@link KubeSchema} into the JSON trees Go's encoding/json gives the same
 * Kubernetes objects. One instance decodes one body.
 */
final class MessageDecoder {

    static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final int MAX_DEPTH = 100;
    private static final JsonNodeFactory NODES = Json.NODES;

    private final KubeSchema schema;
    private final List<String> warnings;
    private int depth;

    MessageDecoder(KubeSchema schema, List<String> warnings) {
        this.schema = schema;
        this.warnings = warnings;
    }

    /** A whole body: the {@code k8s\0} prefix, then a runtime.Unknown whose raw is the object's message. */
    ObjectNode envelope(Slice body) {
        if (!body.startsWith(MAGIC)) {
            throw new ProtobufDecodeException("not a Kubernetes protobuf body: it does not start with k8s\\0");
        }
        Slice unknown = new Slice(body.array(), body.offset() + MAGIC.length, body.length() - MAGIC.length);
        Small env = Small.read(unknown, "runtime.Unknown");
        Small typeMeta = Small.read(env.bytes(1), "runtime.TypeMeta");
        String apiVersion = typeMeta.string(1);
        String kind = typeMeta.string(2);
        String encoding = env.string(3);
        String contentType = env.string(4);
        Slice raw = env.bytes(2);
        if (!encoding.isEmpty()) {
            throw new ProtobufDecodeException("unsupported protobuf contentEncoding \"" + encoding + "\"");
        }
        if (kind.isEmpty()) {
            throw new ProtobufDecodeException("protobuf envelope names no kind");
        }
        ObjectNode out = NODES.objectNode();
        out.put("apiVersion", apiVersion);
        out.put("kind", kind);
        JsonNode body2;
        if (contentType.isEmpty() || KubeProtobuf.isProtobuf(contentType)) {
            Message m = schema.kind(apiVersion, kind);
            if (m == null) {
                throw new ProtobufDecodeException("Kava cannot decode protobuf " + describe(apiVersion, kind)
                        + "; send it as application/json");
            }
            body2 = message(m, raw);
        } else if (contentType.startsWith("application/json")) {
            body2 = json(raw, "the raw object of " + describe(apiVersion, kind));
        } else {
            throw new ProtobufDecodeException("unsupported content type \"" + contentType + "\" in protobuf envelope");
        }
        if (!(body2 instanceof ObjectNode obj)) {
            throw new ProtobufDecodeException("the raw object of " + describe(apiVersion, kind) + " is not an object");
        }
        obj.remove("apiVersion");
        obj.remove("kind");
        out.setAll(obj);
        return out;
    }

    private static String describe(String apiVersion, String kind) {
        return (apiVersion.isEmpty() ? "" : apiVersion + " ") + kind;
    }

    /** One message, rendered as Go's encoding/json renders the struct. */
    ObjectNode message(Message m, Slice bytes) {
        if (++depth > MAX_DEPTH) {
            throw new ProtobufDecodeException("protobuf message nested more than " + MAX_DEPTH + " deep");
        }
        try {
            Map<Integer, Object> values = read(m, bytes);
            ObjectNode out = NODES.objectNode();
            for (Field f : m.fields.values()) {
                render(m, f, values.get(f.number), out);
            }
            return out;
        } finally {
            depth--;
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * Field number to value: a single scalar (Long bits, Integer bits or Slice; the last occurrence wins), a List of
     * Slices for a single message (occurrences merge, as protobuf does, by concatenation), a List of elements for a
     * repeated field, a LinkedHashMap of key to value (Slice of the entry's value, or scalar) for a map.
     */
    private Map<Integer, Object> read(Message m, Slice bytes) {
        Map<Integer, Object> values = new HashMap<>();
        WireReader r = new WireReader(bytes);
        while (!r.atEnd()) {
            long tag = r.readTag();
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            Field f = m.fields.get(number);
            if (f == null) {
                r.skip(wire);
                if (warnings != null) {
                    warnings.add("unknown protobuf field " + number + " in " + m.fullName() + " was dropped");
                }
                continue;
            }
            switch (f.cardinality) {
                case ONE -> {
                    if (f.type.scalar()) {
                        values.put(number, scalar(m, f, f.type, wire, r));
                    } else {
                        expect(m, f, wire, WireReader.LEN);
                        @SuppressWarnings("unchecked")
                        List<Slice> parts = (List<Slice>) values.computeIfAbsent(number, k -> new ArrayList<Slice>());
                        parts.add(r.readLengthDelimited());
                    }
                }
                case REPEATED -> {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) values.computeIfAbsent(number, k -> new ArrayList<>());
                    if (f.type.scalar() && f.type != Type.STRING && f.type != Type.BYTES && wire == WireReader.LEN) {
                        WireReader packed = new WireReader(r.readLengthDelimited());
                        while (!packed.atEnd()) {
                            list.add(scalar(m, f, f.type, wireTypeOf(f.type), packed));
                        }
                    } else if (f.type.scalar()) {
                        list.add(scalar(m, f, f.type, wire, r));
                    } else {
                        expect(m, f, wire, WireReader.LEN);
                        list.add(r.readLengthDelimited());
                    }
                }
                case MAP -> {
                    expect(m, f, wire, WireReader.LEN);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) values.computeIfAbsent(number,
                            k -> new LinkedHashMap<>());
                    readEntry(m, f, r.readLengthDelimited(), map);
                }
            }
        }
        return values;
    }

    private void readEntry(Message m, Field f, Slice entry, Map<String, Object> map) {
        WireReader r = new WireReader(entry);
        String key = "";
        Object value = null;
        while (!r.atEnd()) {
            long tag = r.readTag();
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (number == 1) {
                expect(m, f, wire, WireReader.LEN);
                key = string(r.readLengthDelimited());
            } else if (number == 2) {
                if (f.type.scalar()) {
                    value = scalar(m, f, f.type, wire, r);
                } else {
                    expect(m, f, wire, WireReader.LEN);
                    value = r.readLengthDelimited();
                }
            } else {
                r.skip(wire);
            }
        }
        map.remove(key); // the last entry of a key wins, in its own place
        map.put(key, value);
    }

    private static int wireTypeOf(Type t) {
        return switch (t) {
            case DOUBLE -> WireReader.FIXED64;
            case FLOAT -> WireReader.FIXED32;
            case BOOL, INT32, INT64 -> WireReader.VARINT;
            default -> WireReader.LEN;
        };
    }

    private static Object scalar(Message m, Field f, Type t, int wire, WireReader r) {
        expect(m, f, wire, wireTypeOf(t));
        return switch (wire) {
            case WireReader.VARINT -> r.readVarint();
            case WireReader.FIXED64 -> r.readFixed64();
            case WireReader.FIXED32 -> r.readFixed32();
            default -> r.readLengthDelimited();
        };
    }

    private static void expect(Message m, Field f, int wire, int want) {
        if (wire != want) {
            throw new ProtobufDecodeException("malformed protobuf: field " + f.number + " (" + f.json + ") of "
                    + m.fullName() + " has wire type " + wire + ", want " + want);
        }
    }

    // ---- rendering --------------------------------------------------------------------------------------------

    private void render(Message m, Field f, Object value, ObjectNode out) {
        switch (f.cardinality) {
            case ONE -> {
                if (f.type.scalar()) {
                    if (value == null) {
                        if (f.keep) {
                            out.set(f.json, zero(f.type));
                        }
                    } else if (f.ptr || f.keep || !isZero(f.type, value)) {
                        out.set(f.json, scalarNode(f.type, value));
                    }
                    return;
                }
                if (value == null && f.ptr) {
                    return;
                }
                @SuppressWarnings("unchecked")
                Slice bytes = value == null ? Slice.EMPTY : concat((List<Slice>) value);
                JsonNode node = value(f, bytes);
                if (f.inline) {
                    if (!(node instanceof ObjectNode obj)) {
                        throw new IllegalStateException("inline field " + f.json + " of " + m.fullName());
                    }
                    out.setAll(obj);
                } else if (!node.isNull()) {
                    out.set(f.json, node);
                }
            }
            case REPEATED -> {
                if (value == null) {
                    return;
                }
                ArrayNode array = out.putArray(f.json);
                for (Object element : (List<?>) value) {
                    array.add(f.type.scalar() ? scalarNode(f.type, element) : value(f, (Slice) element));
                }
            }
            case MAP -> {
                if (value == null) {
                    return;
                }
                ObjectNode obj = out.putObject(f.json);
                for (Map.Entry<String, ?> e : ((Map<String, ?>) value).entrySet()) {
                    Object v = e.getValue();
                    JsonNode node;
                    if (f.type.scalar()) {
                        node = v == null ? zero(f.type) : scalarNode(f.type, v);
                    } else {
                        node = value(f, v == null ? Slice.EMPTY : (Slice) v);
                    }
                    obj.set(e.getKey(), node);
                }
            }
        }
    }

    /** The JSON of a message-typed value (possibly a JSON null, for a zero Time or an empty RawExtension). */
    private JsonNode value(Field f, Slice bytes) {
        switch (f.type) {
            case MESSAGE -> {
                Message m = f.message;
                if (m.listElement != null) {
                    Map<Integer, Object> values = read(listHolder(m), bytes);
                    Object items = values.get(1);
                    ArrayNode array = NODES.arrayNode();
                    if (items != null) {
                        for (Object element : (List<?>) items) {
                            array.add(m.listElement.type.scalar() ? scalarNode(m.listElement.type, element)
                                    : value(m.listElement, (Slice) element));
                        }
                    }
                    return array;
                }
                return message(m, bytes);
            }
            case TIME -> {
                if (bytes.length() == 0) {
                    return NODES.nullNode();
                }
                Small t = Small.read(bytes, "Time");
                return NODES.stringNode(GoFormat.time(t.varint(1)));
            }
            case MICRO_TIME -> {
                if (bytes.length() == 0) {
                    return NODES.nullNode();
                }
                Small t = Small.read(bytes, "MicroTime");
                return NODES.stringNode(GoFormat.microTime(t.varint(1), (int) t.varint(2)));
            }
            case DURATION -> {
                return NODES.stringNode(GoFormat.duration(Small.read(bytes, "Duration").varint(1)));
            }
            case QUANTITY -> {
                String q = Small.read(bytes, "Quantity").string(1);
                return NODES.stringNode(q.isEmpty() ? "0" : q);
            }
            case INT_OR_STRING -> {
                Small v = Small.read(bytes, "IntOrString");
                return v.varint(1) == 1 ? NODES.stringNode(v.string(3)) : NODES.numberNode((int) v.varint(2));
            }
            case RAW_EXTENSION -> {
                Slice raw = Small.read(bytes, "RawExtension").bytes(1);
                if (raw.length() == 0) {
                    return NODES.nullNode();
                }
                if (raw.startsWith(MAGIC)) {
                    if (++depth > MAX_DEPTH) {
                        throw new ProtobufDecodeException("protobuf message nested more than " + MAX_DEPTH + " deep");
                    }
                    try {
                        return envelope(raw);
                    } finally {
                        depth--;
                    }
                }
                return json(raw, "a RawExtension");
            }
            case FIELDS_V1 -> {
                Slice raw = Small.read(bytes, "FieldsV1").bytes(1);
                return raw.length() == 0 ? NODES.nullNode() : json(raw, "a FieldsV1");
            }
            default -> throw new IllegalStateException("not a message type: " + f.type);
        }
    }

    private static final Map<Message, Message> HOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A list wrapper read as a message with its one repeated field. */
    private static Message listHolder(Message list) {
        return HOLDERS.computeIfAbsent(list, l -> {
            Message h = new Message(l.pkg, l.name);
            h.fields.put(1, l.listElement);
            return h;
        });
    }

    private static JsonNode json(Slice raw, String what) {
        try {
            return Json.parse(raw.toBytes());
        } catch (JacksonException e) {
            throw new ProtobufDecodeException(what + " does not hold JSON");
        }
    }

    private static Slice concat(List<Slice> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = 0;
        for (Slice s : parts) {
            n += s.length();
        }
        byte[] all = new byte[n];
        int at = 0;
        for (Slice s : parts) {
            System.arraycopy(s.array(), s.offset(), all, at, s.length());
            at += s.length();
        }
        return new Slice(all, 0, n);
    }

    private static boolean isZero(Type t, Object v) {
        return switch (t) {
            case STRING, BYTES -> ((Slice) v).length() == 0;
            case FLOAT -> Float.intBitsToFloat((Integer) v) == 0f;
            case DOUBLE -> Double.longBitsToDouble((Long) v) == 0d;
            case INT32 -> (int) (long) (Long) v == 0;
            default -> (Long) v == 0L;
        };
    }

    private static JsonNode zero(Type t) {
        return switch (t) {
            case STRING, BYTES -> NODES.stringNode("");
            case BOOL -> NODES.booleanNode(false);
            case INT32 -> NODES.numberNode(0);
            case INT64 -> NODES.numberNode(0L);
            case DOUBLE -> NODES.numberNode(0d);
            case FLOAT -> NODES.numberNode(0f);
            default -> throw new IllegalStateException("not a scalar: " + t);
        };
    }

    private static JsonNode scalarNode(Type t, Object v) {
        return switch (t) {
            case STRING -> NODES.stringNode(string((Slice) v));
            case BYTES -> {
                Slice s = (Slice) v;
                yield NODES.stringNode(Base64.getEncoder().encodeToString(s.toBytes()));
            }
            case BOOL -> NODES.booleanNode((Long) v != 0L);
            case INT32 -> NODES.numberNode((int) (long) (Long) v);
            case INT64 -> NODES.numberNode((long) (Long) v);
            case DOUBLE -> NODES.numberNode(Double.longBitsToDouble((Long) v));
            case FLOAT -> NODES.numberNode(Float.intBitsToFloat((Integer) v));
            default -> throw new IllegalStateException("not a scalar: " + t);
        };
    }

    private static String string(Slice s) {
        return new String(s.array(), s.offset(), s.length(), StandardCharsets.UTF_8);
    }

    /** The last varint and the last length-delimited value of each field of a small fixed message. */
    private record Small(Map<Integer, Long> varints, Map<Integer, Slice> slices) {

        static Small read(Slice bytes, String what) {
            Map<Integer, Long> varints = new HashMap<>();
            Map<Integer, Slice> slices = new HashMap<>();
            WireReader r = new WireReader(bytes);
            while (!r.atEnd()) {
                long tag = r.readTag();
                int number = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                switch (wire) {
                    case WireReader.VARINT -> varints.put(number, r.readVarint());
                    case WireReader.LEN -> slices.put(number, r.readLengthDelimited());
                    default -> r.skip(wire);
                }
            }
            return new Small(varints, slices);
        }

        long varint(int number) {
            return varints.getOrDefault(number, 0L);
        }

        Slice bytes(int number) {
            return slices.getOrDefault(number, Slice.EMPTY);
        }

        String string(int number) {
            return MessageDecoder.string(bytes(number));
        }
    }
}
