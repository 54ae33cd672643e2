package io.kava.apiserver.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import io.kava.store.Store;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import io.kava.store.WriteResult;

/**
 * A minimal in-memory {@link Store} for tests that need a running API server before the real stores exist: latest
 * values only (no history, no compaction, no leases), watches from the current revision, events delivered on the
 * writer's thread.
 */
final class MemoryStore implements Store {

    private record Listener(String prefix, WatchListener listener) {
    }

    private final TreeMap<String, KeyValue> data = new TreeMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
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
        return Optional.ofNullable(data.get(key));
    }

    @Override
    public synchronized RangeResult range(String prefix, String startKey, int limit, long atRevision) {
        var kvs = new ArrayList<KeyValue>();
        boolean more = false;
        for (Map.Entry<String, KeyValue> e : data.tailMap(startKey == null ? prefix : startKey, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (limit > 0 && kvs.size() == limit) {
                more = true;
                break;
            }
            kvs.add(e.getValue());
        }
        return new RangeResult(kvs, revision, more);
    }

    @Override
    public synchronized long count(String prefix) {
        return data.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    @Override
    public WriteResult create(String key, byte[] value, long lease) {
        Event event;
        synchronized (this) {
            if (data.containsKey(key)) {
                return new WriteResult.Conflict(data.get(key));
            }
            revision++;
            KeyValue kv = new KeyValue(key, value, revision, revision, 1, 0);
            data.put(key, kv);
            event = new Event(Event.Type.PUT, kv, null);
        }
        publish(event);
        return new WriteResult.Ok(event.kv(), event.revision());
    }

    @Override
    public WriteResult update(String key, byte[] value, long expectedModRevision, long lease) {
        Event event;
        synchronized (this) {
            KeyValue current = data.get(key);
            if (current == null || current.modRevision() != expectedModRevision) {
                return new WriteResult.Conflict(current);
            }
            revision++;
            KeyValue kv = new KeyValue(key, value, current.createRevision(), revision, current.version() + 1, 0);
            data.put(key, kv);
            event = new Event(Event.Type.PUT, kv, current);
        }
        publish(event);
        return new WriteResult.Ok(event.kv(), event.revision());
    }

    @Override
    public WriteResult delete(String key, long expectedModRevision) {
        Event event;
        synchronized (this) {
            KeyValue current = data.get(key);
            if (current == null || expectedModRevision != 0 && current.modRevision() != expectedModRevision) {
                return new WriteResult.Conflict(current);
            }
            revision++;
            data.remove(key);
            KeyValue tombstone = new KeyValue(key, new byte[0], current.createRevision(), revision, 0, 0);
            event = new Event(Event.Type.DELETE, tombstone, current);
        }
        publish(event);
        return new WriteResult.Ok(event.prevKv(), event.revision());
    }

    @Override
    public Watch watch(String prefix, long startRevision, WatchListener listener) {
        var registered = new Listener(prefix, listener);
        listeners.add(registered);
        return () -> listeners.remove(registered);
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

    private void publish(Event event) {
        for (Listener l : listeners) {
            if (event.kv().key().startsWith(l.prefix())) {
                l.listener().onEvents(List.of(event));
            }
        }
    }
}
