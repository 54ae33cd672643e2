package io.kava.api.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every resource the API server serves, looked up by URL ({@code group, version, plural}) or by kind. Built-in kinds
 * are registered at start; custom resources come and go as their CustomResourceDefinitions do. Reads are lock-free;
 * writes (CRD changes) are rare and copy.
 */
public final class ResourceRegistry {

    private volatile Map<String, ResourceType> byPath = Map.of();
    private volatile Map<String, ResourceType> byKind = Map.of();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public static ResourceRegistry withBuiltins() {
        var registry = new ResourceRegistry();
        BuiltinResources.all().forEach(registry::register);
        return registry;
    }

    public synchronized void register(ResourceType type) {
        var paths = new LinkedHashMap<>(byPath);
        paths.put(pathKey(type.group(), type.version(), type.plural()), type);
        var kinds = new LinkedHashMap<>(byKind);
        kinds.putIfAbsent(kindKey(type.group(), type.version(), type.kind()), type);
        byPath = paths;
        byKind = kinds;
        listeners.forEach(Runnable::run);
    }

    public synchronized void unregister(ResourceType type) {
        var paths = new LinkedHashMap<>(byPath);
        paths.remove(pathKey(type.group(), type.version(), type.plural()));
        var kinds = new LinkedHashMap<>(byKind);
        kinds.remove(kindKey(type.group(), type.version(), type.kind()), type);
        byPath = paths;
        byKind = kinds;
        listeners.forEach(Runnable::run);
    }

    /** Called after every change (discovery documents are rebuilt then). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Optional<ResourceType> find(String group, String version, String plural) {
        return Optional.ofNullable(byPath.get(pathKey(group, version, plural)));
    }

    public Optional<ResourceType> findKind(String group, String version, String kind) {
        return Optional.ofNullable(byKind.get(kindKey(group, version, kind)));
    }

    /** Finds a resource by its apiVersion ({@code apps/v1}) and kind. */
    public Optional<ResourceType> findByApiVersion(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? findKind("", apiVersion, kind)
                : findKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    public Collection<ResourceType> all() {
        return byPath.values();
    }

    /** Group names in registration order, core ("") first. */
    public List<String> groups() {
        var groups = new ArrayList<String>();
        for (var type : byPath.values()) {
            if (!groups.contains(type.group())) {
                groups.add(type.group());
            }
        }
        return groups;
    }

    /** Versions of one group, in registration order (the first is the preferred one). */
    public List<String> versions(String group) {
        var versions = new ArrayList<String>();
        for (var type : byPath.values()) {
            if (type.group().equals(group) && !versions.contains(type.version())) {
                versions.add(type.version());
            }
        }
        return versions;
    }

    public List<ResourceType> resources(String group, String version) {
        return byPath.values().stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    }

    private static String pathKey(String group, String version, String plural) {
        return group + "/" + version + "/" + plural;
    }

    private static String kindKey(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }
}
