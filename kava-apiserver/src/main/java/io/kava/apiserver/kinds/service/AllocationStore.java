package io.kava.apiserver.kinds.service;

import java.util.List;
import java.util.Optional;

import io.kava.store.KeyValue;
import io.kava.store.Store;
import io.kava.store.WriteResult;

/**
 * The part of the cluster {@link Store} the {@link ServiceAllocator} uses: reads, and writes that succeed only if
 * the key is as expected (create-if-absent, compare-and-swap on the mod revision).
 */
public interface AllocationStore {

    Optional<KeyValue> get(String key);

    /** Every key under {@code prefix}. */
    List<KeyValue> list(String prefix);

    /** Creates {@code key}; false when it exists. */
    boolean create(String key, byte[] value);

    /** Replaces {@code key} if its mod revision is still {@code expectedModRevision}. */
    boolean update(String key, byte[] value, long expectedModRevision);

    /** Deletes {@code key} if its mod revision is still {@code expectedModRevision}. */
    boolean delete(String key, long expectedModRevision);

    /** The allocation view of a cluster store. */
    static AllocationStore of(Store store) {
        return new AllocationStore() {
            @Override
            public Optional<KeyValue> get(String key) {
                return store.get(key);
            }

            @Override
            public List<KeyValue> list(String prefix) {
                return store.range(prefix, null, 0, 0).kvs();
            }

            @Override
            public boolean create(String key, byte[] value) {
                return store.create(key, value, 0) instanceof WriteResult.Ok;
            }

            @Override
            public boolean update(String key, byte[] value, long expectedModRevision) {
                return store.update(key, value, expectedModRevision, 0) instanceof WriteResult.Ok;
            }

            @Override
            public boolean delete(String key, long expectedModRevision) {
                return store.delete(key, expectedModRevision) instanceof WriteResult.Ok;
            }
        };
    }
}
