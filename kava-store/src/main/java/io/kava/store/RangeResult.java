package io.kava.store;

import java.util.List;

/**
 * A page of a range read.
 *
 * @param kvs      the keys found, in ascending key order
 * @param revision the store revision the read was served at (pass it back for a consistent next page)
 * @param more     true when the limit cut the result; continue from the key after the last one returned
 */
public record RangeResult(List<KeyValue> kvs, long revision, boolean more) {
}
