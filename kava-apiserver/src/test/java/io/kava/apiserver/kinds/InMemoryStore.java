package io.kava.apiserver.kinds;

import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeMap;

import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import io.kava.store.Store;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;

/**
 * A minimal latest-revision-only {@link Store} for driving ResourceStorage in tests (the real stores live on other
 * branches): no history, and watches that never deliver events.
 */
final class InMemoryStore implements Store {

    private final TreeMap<String, KeyValue> keys = new TreeMap<>();
    private long revision;

    @Override
    public synchronized long currentRevision() {
        return revision;
    }

    @Override
    public long compactRevision() {
        return 0;
    }

    @Override
    public synchronized Optional<KeyValue> get(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    @Override
    public synchronized RangeResult range(String prefix, String startKey, int limit, long atRevision) {
        var kvs = new ArrayList<KeyValue>();
        for (var e : keys.tailMap(startKey == null ? prefix : startKey, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (limit > 0 && kvs.size() == limit) {
                return new RangeResult(kvs, revision, true);
            }
            kvs.add(e.getValue());
        }
        return new RangeResult(kvs, revision, false);
    }

    @Override
    public synchronized long count(String prefix) {
        return range(prefix, null, 0, 0).kvs().size();
    }

    @Override
    public synchronized WriteResult create(String key, byte[] value, long lease) {
        if (keys.containsKey(key)) {
            return new WriteResult.Conflict(keys.get(key));
        }
        revision++;
        KeyValue kv = new KeyValue(key, value, revision, revision, 1, lease);
        keys.put(key, kv);
        return new WriteResult.Ok(kv, revision);
    }

    @Override
    public synchronized WriteResult update(String key, byte[] value, long expectedModRevision, long lease) {
        KeyValue current = keys.get(key);
        if (current == null || current.modRevision() != expectedModRevision) {
            return new WriteResult.Conflict(current);
        }
        revision++;
        KeyValue kv = new KeyValue(key, value, current.createRevision(), revision, current.version() + 1, lease);
        keys.put(key, kv);
        return new WriteResult.Ok(kv, revision);
    }

    @Override
    public synchronized WriteResult delete(String key, long expectedModRevision) {
        KeyValue current = keys.get(key);
        if (current == null || expectedModRevision != 0 && current.modRevision() != expectedModRevision) {
            return new WriteResult.Conflict(current);
        }
        keys.remove(key);
        revision++;
        return new WriteResult.Ok(current, revision);
    }

    @Override
    public Watch watch(String prefix, long startRevision, WatchListener listener) {
        return () -> {
        };
    }

    @Override
    public long compact(long atRevision) {
        return 0;
    }

    @Override
    public long grantLease(long ttlSeconds) {
        return 1;
    }

    @Override
    public void revokeLease(long lease) {
    }

    @Override
    public void close() {
    }
}
