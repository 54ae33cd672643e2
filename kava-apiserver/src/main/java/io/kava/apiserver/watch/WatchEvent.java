package io.kava.apiserver.watch;

import java.nio.charset.StandardCharsets;

import io.kava.api.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change of one object as the watch cache keeps it. The wire frame ({@code {"type":..,"object":..}\n}) is
 * serialized at most once per event type and the bytes are shared by every watcher that sends it.
 */
public final class WatchEvent {

    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    private final Type type;
    private final String key;
    private final CachedObject current;
    private final ObjectNode prevObject;
    private final long revision;
    private final byte[][] frames = new byte[Type.values().length][];

    /**
     * @param object     the object after the change (for DELETED, its last state with the deletion revision)
     * @param prevObject the object before the change, null for ADDED
     */
    public WatchEvent(Type type, String key, ObjectNode object, ObjectNode prevObject, long revision) {
        this(type, key, new CachedObject(object), prevObject, revision);
    }

    WatchEvent(Type type, String key, CachedObject current, ObjectNode prevObject, long revision) {
        this.type = type;
        this.key = key;
        this.current = current;
        this.prevObject = prevObject;
        this.revision = revision;
    }

    public Type type() {
        return type;
    }

    public String key() {
        return key;
    }

    public ObjectNode object() {
        return current.object();
    }

    public ObjectNode prevObject() {
        return prevObject;
    }

    public long revision() {
        return revision;
    }

    /** The newline-terminated JSON frame of this event sent as {@code as} (a filter may turn MODIFIED into ADDED). */
    public byte[] frame(Type as) {
        byte[] frame = frames[as.ordinal()];
        if (frame == null) {
            frame = frame(as, current.json());
            frames[as.ordinal()] = frame; // benign race: every writer computes the same bytes
        }
        return frame;
    }

    public static byte[] frame(Type type, ObjectNode object) {
        return frame(type, Json.bytes(object));
    }

    private static byte[] frame(Type type, byte[] body) {
        byte[] head = ("{\"type\":\"" + type.name() + "\",\"object\":").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[head.length + body.length + 2];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        frame[frame.length - 2] = '}';
        frame[frame.length - 1] = '\n';
        return frame;
    }
}
