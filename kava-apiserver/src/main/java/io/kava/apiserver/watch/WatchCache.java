package io.kava.apiserver.watch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kava.apiserver.errors.ApiException;
import io.kava.store.Event;
import io.kava.store.KeyValue;
import io.kava.store.RangeResult;
import io.kava.store.Store;
import io.kava.store.StoreException;
import io.kava.store.Watch;
import io.kava.store.WatchListener;
import tools.jackson.databind.node.ObjectNode;

/**
 * The watch cache of one resource type (Kubernetes' "cacher"): one store watch keeps an in-memory copy of every
 * object plus a window of recent events. Lists at resourceVersion 0 and all watches are served from here, so the
 * store sees one watch per resource type however many clients watch.
 *
 * <p>Locking: {@code this} guards {@link #objects}, {@link #history}, {@link #revision} and watcher registration,
 * so a new watcher sees either an event in its replay or in its queue, never both or neither.
 */
public final class WatchCache implements WatchListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchCache.class);

    /** A consistent copy of the cached objects under a prefix, at {@code revision}. */
    public record Snapshot(List<CachedObject> objects, long revision) {
    }

    private final String resource;
    private final String prefix;
    private final java.util.function.Function<KeyValue, ObjectNode> reader;
    private final Store store;
    private final int historySize;
    private final int watcherCapacity;
    private final NavigableMap<String, CachedObject> objects = new TreeMap<>();
    private final ArrayDeque<WatchEvent> history = new ArrayDeque<>();
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    /** Every event with a revision above this one is in {@link #history} or still to come. */
    private long historyStart;
    private long revision;
    private Watch storeWatch;
    private volatile boolean failed;

    /**
     * @param reader decodes a stored value as this resource serves it (its apiVersion, through any conversion)
     */
    public WatchCache(String resource, java.util.function.Function<KeyValue, ObjectNode> reader, String prefix,
                      Store store, int historySize, int watcherCapacity) {
        this.resource = resource;
        this.reader = reader;
        this.prefix = prefix;
        this.store = store;
        this.historySize = historySize;
        this.watcherCapacity = watcherCapacity;
    }

    /** Loads the current objects and starts following the store. */
    public synchronized WatchCache start() {
        String start = null;
        long at = 0;
        while (true) {
            RangeResult page = store.range(prefix, start, 1000, at);
            at = page.revision();
            for (KeyValue kv : page.kvs()) {
                objects.put(kv.key(), new CachedObject(reader.apply(kv)));
            }
            if (!page.more() || page.kvs().isEmpty()) {
                break;
            }
            start = page.kvs().getLast().key() + "\0";
        }
        revision = at;
        historyStart = at;
        storeWatch = store.watch(prefix, at + 1, this);
        return this;
    }

    /** The revision the cache has caught up to. */
    public synchronized long revision() {
        return revision;
    }

    public synchronized Snapshot list(String keyPrefix, Predicate<ObjectNode> filter) {
        var result = new ArrayList<CachedObject>();
        for (var entry : objects.tailMap(keyPrefix, true).entrySet()) {
            if (!entry.getKey().startsWith(keyPrefix)) {
                break;
            }
            if (filter.test(entry.getValue().object())) {
                result.add(entry.getValue());
            }
        }
        return new Snapshot(result, revision);
    }

    public synchronized ObjectNode get(String key) {
        CachedObject cached = objects.get(key);
        return cached == null ? null : cached.object();
    }

    /**
     * Starts a watch. With {@code fromRevision} {@code < 0} the watcher first gets a synthetic ADDED event for every
     * current object under {@code keyPrefix} (resourceVersion unset or "0"); otherwise it gets every change after
     * {@code fromRevision}, or 410 Expired when that is older than the cache's history.
     */
    public synchronized Watcher watch(String keyPrefix, Predicate<ObjectNode> filter, long fromRevision) {
        if (failed) {
            throw ApiException.serviceUnavailable("the watch cache of " + resource + " is not available");
        }
        var registered = new Watcher(keyPrefix, filter, watcherCapacity, Math.max(fromRevision, revision),
                watchers::remove);
        if (fromRevision < 0) {
            for (var entry : objects.tailMap(keyPrefix, true).entrySet()) {
                if (!entry.getKey().startsWith(keyPrefix)) {
                    break;
                }
                var event = new WatchEvent(WatchEvent.Type.ADDED, entry.getKey(), entry.getValue(), null,
                        revision);
                if (!registered.offer(event)) {
                    throw ApiException.expired("too many objects to watch from the start; list first");
                }
            }
        } else {
            if (fromRevision < historyStart) {
                throw ApiException.expired("too old resource version: " + fromRevision + " (" + (historyStart + 1)
                        + ")");
            }
            for (WatchEvent event : history) {
                if (event.revision() > fromRevision && !registered.offer(event)) {
                    throw ApiException.expired("too old resource version: " + fromRevision + " (" + revision + ")");
                }
            }
        }
        watchers.add(registered);
        return registered;
    }

    @Override
    public synchronized void onEvents(List<Event> events) {
        for (Event event : events) {
            String key = event.kv().key();
            WatchEvent change;
            if (event.type() == Event.Type.PUT) {
                var cached = new CachedObject(reader.apply(event.kv()));
                CachedObject prev = objects.put(key, cached);
                change = new WatchEvent(prev == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED, key, cached,
                        prev == null ? null : prev.object(), event.revision());
            } else {
                CachedObject removed = objects.remove(key);
                ObjectNode prev = removed == null ? null : removed.object();
                if (prev == null && event.prevKv() != null) {
                    prev = reader.apply(event.prevKv());
                }
                if (prev == null) {
                    continue;
                }
                ObjectNode last = prev.deepCopy();
                io.kava.api.meta.Meta.setResourceVersion(last, event.revision());
                change = new WatchEvent(WatchEvent.Type.DELETED, key, last, prev, event.revision());
            }
            revision = event.revision();
            history.addLast(change);
            if (history.size() > historySize) {
                historyStart = history.removeFirst().revision();
            }
            for (Watcher watcher : watchers) {
                if (!watcher.offer(change)) {
                    watchers.remove(watcher);
                    LOG.warn("watch cache {}: dropped a watcher that fell behind; it will re-list", resource);
                }
            }
        }
    }

    @Override
    public void onError(StoreException error) {
        LOG.error("watch cache {}: store watch failed ({}); closing its watchers and reloading", resource,
                error.getMessage());
        synchronized (this) {
            failed = true;
            for (Watcher watcher : watchers) {
                watcher.close();
            }
            watchers.clear();
        }
        Thread.ofVirtual().name("watch-cache-reload-" + resource).start(this::reload);
    }

    private synchronized void reload() {
        objects.clear();
        history.clear();
        try {
            start();
            failed = false;
        } catch (StoreException e) {
            LOG.error("watch cache {}: reload failed: {}", resource, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (storeWatch != null) {
            storeWatch.close();
        }
        for (Watcher watcher : watchers) {
            watcher.close();
        }
        watchers.clear();
    }
}
