package io.kava.apiserver.kinds.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.kava.store.KeyValue;

/** An in-memory {@link AllocationStore} with etcd-like revisions; thread-safe. */
final class FakeAllocationStore implements AllocationStore {

    private final TreeMap<String, KeyValue> keys = new TreeMap<>();
    private long revision;

    @Override
    public synchronized Optional<KeyValue> get(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    @Override
    public synchronized List<KeyValue> list(String prefix) {
        var result = new ArrayList<KeyValue>();
        for (var e : keys.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            result.add(e.getValue());
        }
        return result;
    }

    @Override
    public synchronized boolean create(String key, byte[] value) {
        if (keys.containsKey(key)) {
            return false;
        }
        revision++;
        keys.put(key, new KeyValue(key, value, revision, revision, 1, 0));
        return true;
    }

    @Override
    public synchronized boolean update(String key, byte[] value, long expectedModRevision) {
        KeyValue current = keys.get(key);
        if (current == null || current.modRevision() != expectedModRevision) {
            return false;
        }
        revision++;
        keys.put(key, new KeyValue(key, value, current.createRevision(), revision, current.version() + 1, 0));
        return true;
    }

    @Override
    public synchronized boolean delete(String key, long expectedModRevision) {
        KeyValue current = keys.get(key);
        if (current == null || expectedModRevision != 0 && current.modRevision() != expectedModRevision) {
            return false;
        }
        keys.remove(key);
        revision++;
        return true;
    }

    /** Stores an object as the API server would (for the allocator's owner checks). */
    synchronized void put(String key, String json) {
        keys.remove(key);
        create(key, json.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void remove(String key) {
        keys.remove(key);
    }

    synchronized List<String> keys(String prefix) {
        return list(prefix).stream().map(KeyValue::key).toList();
    }
}
