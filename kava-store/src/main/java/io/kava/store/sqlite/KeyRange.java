package io.kava.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key interval {@code [from, toExclusive)} a prefix (and optional start key) selects, in etcd's byte order.
 *
 * @param from        the first key, as text
 * @param toExclusive UTF-8 bytes of the first key past the prefix; bound as a blob and cast to text in SQL because
 *                    it need not be valid UTF-8. For the empty prefix it is {@code 0xFF}, a byte UTF-8 never contains,
 *                    so it sorts after every key.
 */
record KeyRange(String from, byte[] toExclusive) {

    static KeyRange prefix(String prefix) {
        return new KeyRange(prefix, successor(prefix.getBytes(StandardCharsets.UTF_8)));
    }

    /** The prefix's range, starting at {@code startKey} instead when that is further on. */
    static KeyRange prefix(String prefix, String startKey) {
        KeyRange range = prefix(prefix);
        if (startKey != null && compare(startKey, prefix) > 0) {
            return new KeyRange(startKey, range.toExclusive);
        }
        return range;
    }

    /** Byte-order comparison of two keys, as SQLite and etcd compare them. */
    static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The smallest byte string greater than every string starting with {@code prefix} (etcd's "range end"). */
    static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return new byte[] {(byte) 0xFF};
    }
}
