package io.kava.store;

/**
 * One change seen by a watch.
 *
 * <p>For {@link Type#PUT}, {@code kv} is the new value and {@code prevKv} the value before it (null on create).
 * For {@link Type#DELETE}, {@code kv} carries the key and the deletion revision as its modRevision (empty value),
 * and {@code prevKv} is the last value the key had.
 */
public record Event(Type type, KeyValue kv, KeyValue prevKv) {

    public enum Type { PUT, DELETE }

    /** The revision at which this change happened. */
    public long revision() {
        return kv.modRevision();
    }

    public boolean isCreate() {
        return type == Type.PUT && kv.createRevision() == kv.modRevision();
    }
}
