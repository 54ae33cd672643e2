package io.kava.api.protobuf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kava's table of Kubernetes protobuf messages: field numbers, JSON names, types and how Go's JSON encoding presents
 * each field. Parsed from {@code kube-protobuf-schema.txt} (its header documents the format).
 */
final class KubeSchema {

    static final String RESOURCE = "kube-protobuf-schema.txt";

    /** The value kind of a field. */
    enum Type {
        STRING, BOOL, INT32, INT64, DOUBLE, FLOAT, BYTES,
        TIME, MICRO_TIME, DURATION, QUANTITY, INT_OR_STRING, RAW_EXTENSION, FIELDS_V1,
        MESSAGE;

        boolean scalar() {
            return ordinal() <= BYTES.ordinal();
        }
    }

    enum Cardinality { ONE, REPEATED, MAP }

    static final class Field {
        final int number;
        final String json;
        final Cardinality cardinality;
        final Type type;
        final String typeName;
        final boolean ptr;
        final boolean keep;
        final boolean inline;
        Message message;

        Field(int number, String json, Cardinality cardinality, Type type, String typeName, boolean ptr, boolean keep,
              boolean inline) {
            this.number = number;
            this.json = json;
            this.cardinality = cardinality;
            this.type = type;
            this.typeName = typeName;
            this.ptr = ptr;
            this.keep = keep;
            this.inline = inline;
        }
    }

    static final class Message {
        final String pkg;
        final String name;
        final Map<Integer, Field> fields = new TreeMap<>();
        /** For a list wrapper ({@code ExtraValue}): its element field, number 1; null for ordinary messages. */
        Field listElement;

        Message(String pkg, String name) {
            this.pkg = pkg;
            this.name = name;
        }

        String fullName() {
            return pkg + "." + name;
        }
    }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("string", Type.STRING), Map.entry("bool", Type.BOOL), Map.entry("int32", Type.INT32),
            Map.entry("int64", Type.INT64), Map.entry("double", Type.DOUBLE), Map.entry("float", Type.FLOAT),
            Map.entry("bytes", Type.BYTES), Map.entry("Time", Type.TIME), Map.entry("MicroTime", Type.MICRO_TIME),
            Map.entry("Duration", Type.DURATION), Map.entry("Quantity", Type.QUANTITY),
            Map.entry("IntOrString", Type.INT_OR_STRING), Map.entry("RawExtension", Type.RAW_EXTENSION),
            Map.entry("FieldsV1", Type.FIELDS_V1));

    private static final Set<String> FLAGS = Set.of("ptr", "keep", "inline");

    private final Map<String, Message> messages;
    private final Map<String, Message> kinds;
    private final Map<String, Message> anyVersionKinds;

    private KubeSchema(Map<String, Message> messages, Map<String, Message> kinds, Map<String, Message> anyVersionKinds) {
        this.messages = messages;
        this.kinds = kinds;
        this.anyVersionKinds = anyVersionKinds;
    }

    private static volatile KubeSchema builtin;

    /** The table shipped with Kava, loaded once. */
    static KubeSchema builtin() {
        KubeSchema s = builtin;
        if (s == null) {
            synchronized (KubeSchema.class) {
                s = builtin;
                if (s == null) {
                    try (InputStream in = KubeSchema.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        s = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtin = s;
                }
            }
        }
        return s;
    }

    /** The message of a top-level kind, or null when the table does not have it. */
    Message kind(String apiVersion, String kind) {
        Message m = kinds.get(apiVersion + " " + kind);
        return m != null ? m : anyVersionKinds.get(kind);
    }

    Message message(String fullName) {
        return messages.get(fullName);
    }

    /** {@code apiVersion kind} of every top-level kind of a versioned package (meta/v1 kinds not included). */
    Set<String> kindKeys() {
        return Collections.unmodifiableSet(kinds.keySet());
    }

    int messageCount() {
        return messages.size();
    }

    static KubeSchema parse(Reader reader) throws IOException {
        Map<String, Message> messages = new LinkedHashMap<>();
        Map<String, Message> kinds = new HashMap<>();
        Map<String, Message> anyVersion = new HashMap<>();
        List<String[]> pendingKinds = new ArrayList<>();
        String pkg = null;
        String apiVersion = null;
        Message current = null;
        BufferedReader in = new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] w = text.split("\\s+");
            boolean indented = Character.isWhitespace(line.charAt(0));
            try {
                if (indented) {
                    if (current == null || current.listElement != null) {
                        throw new IllegalArgumentException("field outside a message");
                    }
                    Field f = field(w);
                    if (current.fields.put(f.number, f) != null) {
                        throw new IllegalArgumentException("duplicate field number " + f.number);
                    }
                    continue;
                }
                current = null;
                switch (w[0]) {
                    case "package" -> {
                        need(w, 3);
                        pkg = w[1];
                        apiVersion = w[2];
                    }
                    case "message" -> {
                        need(w, 2);
                        current = new Message(requirePkg(pkg), w[1]);
                        if (messages.put(current.fullName(), current) != null) {
                            throw new IllegalArgumentException("duplicate message " + current.fullName());
                        }
                    }
                    case "list" -> {
                        need(w, 3);
                        Message m = new Message(requirePkg(pkg), w[1]);
                        m.listElement = field(new String[]{"1", "items", "[]" + w[2]});
                        if (messages.put(m.fullName(), m) != null) {
                            throw new IllegalArgumentException("duplicate message " + m.fullName());
                        }
                    }
                    case "kinds" -> {
                        for (int i = 1; i < w.length; i++) {
                            pendingKinds.add(new String[]{requirePkg(pkg), apiVersion, w[i]});
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown statement " + w[0]);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        // resolve message references, with the pkg of the message that names them
        for (Message m : messages.values()) {
            List<Field> all = new ArrayList<>(m.fields.values());
            if (m.listElement != null) {
                all.add(m.listElement);
            }
            for (Field f : all) {
                if (f.type != Type.MESSAGE) {
                    continue;
                }
                String full = f.typeName.indexOf('.') >= 0 ? f.typeName : m.pkg + "." + f.typeName;
                f.message = messages.get(full);
                if (f.message == null) {
                    throw new IllegalArgumentException(RESOURCE + ": " + m.fullName() + "." + f.json
                            + " names unknown message " + full);
                }
            }
        }
        for (String[] k : pendingKinds) {
            Message m = messages.get(k[0] + "." + k[2]);
            if (m == null) {
                throw new IllegalArgumentException(RESOURCE + ": kind " + k[2] + " has no message in " + k[0]);
            }
            if ("-".equals(k[1])) {
                anyVersion.put(k[2], m);
            } else {
                kinds.put(k[1] + " " + k[2], m);
            }
        }
        return new KubeSchema(messages, kinds, anyVersion);
    }

    private static String requirePkg(String pkg) {
        if (pkg == null) {
            throw new IllegalArgumentException("statement before the first package");
        }
        return pkg;
    }

    private static void need(String[] w, int n) {
        if (w.length != n) {
            throw new IllegalArgumentException(w[0] + " takes " + (n - 1) + " words");
        }
    }

    private static Field field(String[] w) {
        if (w.length < 3) {
            throw new IllegalArgumentException("a field needs number, name and type");
        }
        int number = Integer.parseInt(w[0]);
        if (number <= 0) {
            throw new IllegalArgumentException("bad field number " + number);
        }
        String t = w[2];
        Cardinality card = Cardinality.ONE;
        if (t.startsWith("[]")) {
            card = Cardinality.REPEATED;
            t = t.substring(2);
        } else if (t.startsWith("{}")) {
            card = Cardinality.MAP;
            t = t.substring(2);
        }
        Type type = TYPES.getOrDefault(t, Type.MESSAGE);
        boolean ptr = false;
        boolean keep = false;
        boolean inline = false;
        for (int i = 3; i < w.length; i++) {
            if (!FLAGS.contains(w[i])) {
                throw new IllegalArgumentException("unknown flag " + w[i]);
            }
            ptr |= w[i].equals("ptr");
            keep |= w[i].equals("keep");
            inline |= w[i].equals("inline");
        }
        if (inline && (card != Cardinality.ONE || type != Type.MESSAGE)) {
            throw new IllegalArgumentException("only a single message can be inline");
        }
        return new Field(number, w[1], card, type, type == Type.MESSAGE ? t : null, ptr, keep, inline);
    }
}
