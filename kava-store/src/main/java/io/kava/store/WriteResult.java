package io.kava.store;

/**
 * The outcome of a conditional write. A failed condition is a value, not an exception: callers branch on it
 * (the API server turns it into 409 AlreadyExists / Conflict or 404 NotFound).
 */
public sealed interface WriteResult {

    /**
     * The write happened.
     *
     * @param kv       for create and update, the key as written; for delete, the value the key had just before
     * @param revision the revision of this write
     */
    record Ok(KeyValue kv, long revision) implements WriteResult {
    }

    /**
     * The condition did not hold and nothing was written.
     *
     * @param current the key's current value, or null when the key does not exist
     */
    record Conflict(KeyValue current) implements WriteResult {
    }

    default boolean succeeded() {
        return this instanceof Ok;
    }
}
