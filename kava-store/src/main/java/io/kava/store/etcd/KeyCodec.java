package io.kava.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.kava.store.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps the store's string keys onto etcd's byte keys under the configured namespace, and etcd's key-values back.
 * Keys are UTF-8; etcd orders them by bytes, which for UTF-8 is code point order.
 */
final class KeyCodec {

    /** etcd's "no end": as a range end it means every key from the start key on. */
    private static final byte[] NO_END = {0};

    private final byte[] namespace;

    KeyCodec(String namespace) {
        this.namespace = namespace.getBytes(StandardCharsets.UTF_8);
    }

    ByteSequence key(String key) {
        byte[] raw = raw(key);
        // etcd rejects an empty key; "\0" is the smallest key there is, so a range starting there misses nothing.
        return ByteSequence.from(raw.length == 0 ? NO_END : raw);
    }

    /** The first key after every key that starts with {@code prefix} (etcd's {@code clientv3.GetPrefixRangeEnd}). */
    ByteSequence prefixEnd(String prefix) {
        byte[] start = raw(prefix);
        for (int i = start.length - 1; i >= 0; i--) {
            if (start[i] != (byte) 0xff) {
                byte[] end = Arrays.copyOf(start, i + 1);
                end[i]++;
                return ByteSequence.from(end);
            }
        }
        return ByteSequence.from(NO_END);
    }

    /** The store key of an etcd key, or null when the key lies outside the namespace. */
    String decodeKey(ByteSequence key) {
        byte[] raw = key.getBytes();
        if (raw.length < namespace.length || !Arrays.equals(raw, 0, namespace.length, namespace, 0, namespace.length)) {
            return null;
        }
        return new String(raw, namespace.length, raw.length - namespace.length, StandardCharsets.UTF_8);
    }

    KeyValue decode(io.etcd.jetcd.KeyValue kv) {
        String key = decodeKey(kv.getKey());
        if (key == null) {
            throw new IllegalStateException("etcd returned key " + kv.getKey() + " outside namespace "
                    + new String(namespace, StandardCharsets.UTF_8));
        }
        return new KeyValue(key, kv.getValue().getBytes(), kv.getCreateRevision(), kv.getModRevision(),
                kv.getVersion(), kv.getLease());
    }

    /** Decodes a previous value, which etcd leaves unset (all zero) when there was none. */
    KeyValue decodePrevious(io.etcd.jetcd.KeyValue kv) {
        return kv == null || kv.getModRevision() == 0 ? null : decode(kv);
    }

    static ByteSequence bytes(byte[] value) {
        return ByteSequence.from(value);
    }

    private byte[] raw(String key) {
        byte[] raw = key.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(namespace, namespace.length + raw.length);
        System.arraycopy(raw, 0, out, namespace.length, raw.length);
        return out;
    }
}
