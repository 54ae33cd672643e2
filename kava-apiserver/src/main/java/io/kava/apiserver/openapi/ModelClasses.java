package io.kava.apiserver.openapi;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Finds the fabric8 model class of a group/version/kind. Tries fabric8's package naming first
 * ({@code io.fabric8.kubernetes.api.model.batch.v1.Job}), checked against the class's {@code @Group}/{@code @Version}
 * annotations, and falls back to fabric8's own kind registry, whose first use loads every model class on the class
 * path (about half a second).
 */
final class ModelClasses {

    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    private ModelClasses() {
    }

    /** The class for {@code group/version kind}, or null when fabric8 has none. */
    static Class<?> find(String group, String version, String kind) {
        for (String candidate : candidates(group, version, kind)) {
            Class<?> type = load(candidate);
            if (type != null && matches(type, group, version)) {
                return type;
            }
        }
        Class<?> registered = Registry.KINDS.getRegisteredKind(group.isEmpty() ? version : group + "/" + version,
                kind);
        return registered != null && matches(registered, group, version) ? registered : null;
    }

    /** The group/version of a class from its fabric8 annotations, or null for classes that are not kinds. */
    static String[] groupVersion(Class<?> type) {
        Group group = type.getAnnotation(Group.class);
        Version version = type.getAnnotation(Version.class);
        return group == null || version == null ? null : new String[] {group.value(), version.value()};
    }

    private static List<String> candidates(String group, String version, String kind) {
        var names = new ArrayList<String>();
        if (group.isEmpty() || group.equals("apiregistration.k8s.io")) {
            names.add(MODEL + "." + kind); // fabric8 keeps apiregistration in its core package
        }
        String segment = switch (group) {
            case "rbac.authorization.k8s.io" -> "rbac";
            default -> group.contains(".") ? group.substring(0, group.indexOf('.')) : group;
        };
        if (!segment.isEmpty()) {
            names.add(MODEL + "." + segment + "." + version + "." + kind);
            names.add(MODEL + "." + segment + "." + kind); // apps, rbac, storage: no version package
        }
        return names;
    }

    private static boolean matches(Class<?> type, String group, String version) {
        String[] gv = groupVersion(type);
        return gv != null && gv[0].equals(group) && gv[1].equals(version);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ModelClasses.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** fabric8's kind registry, built on first use. */
    private static final class Registry {
        static final KubernetesDeserializer KINDS = new KubernetesDeserializer();
    }
}
