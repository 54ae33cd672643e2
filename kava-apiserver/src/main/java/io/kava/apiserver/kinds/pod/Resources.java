package io.kava.apiserver.kinds.pod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Quantity;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Container resource requirements: the canonical quantities Kubernetes stores ({@code SetDefaults_ResourceList}),
 * requests defaulted from limits for pods, their validation ({@code ValidateContainerResourceRequirements}) and the
 * pod's QoS class ({@code qos.ComputePodQOS}).
 */
public final class Resources {

    private static final Set<String> STANDARD_CONTAINER = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> QOS_COMPUTE = Set.of("cpu", "memory");

    private Resources() {
    }

    /**
     * Rewrites every quantity of {@code resources.limits} and {@code resources.requests} in canonical form, rounded up
     * to milli precision. Throws {@link Quantity.ParseException} for a malformed quantity.
     */
    public static void canonicalize(ObjectNode resources) {
        for (String list : List.of("limits", "requests")) {
            ObjectNode values = Trees.objectOrNull(resources, list);
            if (values != null) {
                canonicalizeList(values);
            }
        }
    }

    /** Rewrites each value of a {@code ResourceList} in canonical form, rounded up to milli precision. */
    public static void canonicalizeList(ObjectNode values) {
        for (var entry : List.copyOf(values.properties())) {
            JsonNode raw = entry.getValue();
            if (raw.isNull()) {
                continue;
            }
            values.put(entry.getKey(), Quantity.parse(raw.asString()).roundUpToMilli().toString());
        }
    }

    /** SetDefaults_Pod: a container that sets limits but not requests for a resource requests its limit. */
    public static void defaultRequestsFromLimits(ObjectNode container) {
        ObjectNode resources = Trees.objectOrNull(container, "resources");
        ObjectNode limits = Trees.objectOrNull(resources, "limits");
        if (limits == null) {
            return;
        }
        ObjectNode requests = Trees.object(resources, "requests");
        for (var entry : limits.properties()) {
            if (!requests.has(entry.getKey())) {
                requests.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
    }

    /** Validates one container's {@code resources} at {@code path}. */
    public static void validate(JsonNode resources, String path, FieldErrors errors) {
        String limPath = path + ".limits";
        String reqPath = path + ".requests";
        Map<String, Quantity> limits = quantities(Trees.objectOrNull(resources, "limits"));
        Map<String, Quantity> requests = quantities(Trees.objectOrNull(resources, "requests"));
        boolean limCpuOrMemory = false;
        boolean reqCpuOrMemory = false;
        boolean hugePages = false;
        for (var e : limits.entrySet()) {
            String p = limPath + "[" + e.getKey() + "]";
            validateName(e.getKey(), p, errors);
            validateQuantity(e.getKey(), e.getValue(), p, errors);
            hugePages |= e.getKey().startsWith("hugepages-");
            limCpuOrMemory |= QOS_COMPUTE.contains(e.getKey());
        }
        for (var e : requests.entrySet()) {
            String name = e.getKey();
            Quantity quantity = e.getValue();
            String p = reqPath + "[" + name + "]";
            validateName(name, p, errors);
            validateQuantity(name, quantity, p, errors);
            Quantity limit = limits.get(name);
            if (limit != null) {
                if (quantity.compareTo(limit) != 0 && !overcommitAllowed(name)) {
                    errors.invalid(reqPath, quantity.toString(), "must be equal to " + name + " limit of " + limit);
                } else if (quantity.compareTo(limit) > 0) {
                    errors.invalid(reqPath, quantity.toString(),
                            "must be less than or equal to " + name + " limit of " + limit);
                }
            } else if (!overcommitAllowed(name)) {
                errors.required(limPath, "Limit must be set for non overcommitable resources");
            }
            hugePages |= name.startsWith("hugepages-");
            reqCpuOrMemory |= QOS_COMPUTE.contains(name);
        }
        if (hugePages && !limCpuOrMemory && !reqCpuOrMemory) {
            errors.forbidden(path, "HugePages require cpu or memory");
        }
    }

    /** The QoS class of a pod spec: Guaranteed, Burstable or BestEffort. */
    public static String qosClass(JsonNode spec) {
        var requests = new LinkedHashMap<String, Quantity>();
        var limits = new LinkedHashMap<String, Quantity>();
        boolean guaranteed = true;
        var containers = new java.util.ArrayList<>(Trees.objects(spec, "containers"));
        containers.addAll(Trees.objects(spec, "initContainers"));
        for (JsonNode container : containers) {
            JsonNode resources = Trees.objectOrNull(container, "resources");
            for (var e : quantities(Trees.objectOrNull(resources, "requests")).entrySet()) {
                if (QOS_COMPUTE.contains(e.getKey()) && e.getValue().signum() > 0) {
                    requests.merge(e.getKey(), e.getValue(), Quantity::add);
                }
            }
            var found = new java.util.HashSet<String>();
            for (var e : quantities(Trees.objectOrNull(resources, "limits")).entrySet()) {
                if (QOS_COMPUTE.contains(e.getKey()) && e.getValue().signum() > 0) {
                    found.add(e.getKey());
                    limits.merge(e.getKey(), e.getValue(), Quantity::add);
                }
            }
            if (!found.containsAll(QOS_COMPUTE)) {
                guaranteed = false;
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (var e : requests.entrySet()) {
                Quantity limit = limits.get(e.getKey());
                if (limit == null || limit.compareTo(e.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    private static Map<String, Quantity> quantities(JsonNode list) {
        var result = new LinkedHashMap<String, Quantity>();
        for (var e : Trees.stringMap(list).entrySet()) {
            try {
                result.put(e.getKey(), Quantity.parse(e.getValue()));
            } catch (Quantity.ParseException ignored) {
                // Defaulting rejects malformed quantities before validation runs.
            }
        }
        return result;
    }

    private static void validateName(String name, String path, FieldErrors errors) {
        List<String> msgs = Names.qualifiedName(name);
        if (!msgs.isEmpty()) {
            msgs.forEach(msg -> errors.invalid(path, name, msg));
            return;
        }
        if (!name.contains("/")) {
            if (!STANDARD_CONTAINER.contains(name) && !name.startsWith("hugepages-")) {
                errors.invalid(path, name, "must be a standard resource for containers");
            }
        } else if (!isNative(name) && (name.startsWith("requests.")
                || !Names.qualifiedName("requests." + name).isEmpty())) {
            errors.invalid(path, name, "doesn't follow extended resource name standard");
        }
    }

    private static void validateQuantity(String name, Quantity value, String path, FieldErrors errors) {
        if (value.signum() < 0) {
            errors.invalid(path, value.toString(), "must be greater than or equal to 0");
        }
        if (!isNative(name) && !value.isInteger()) {
            errors.invalid(path, value.toString(), "must be an integer");
        }
    }

    private static boolean isNative(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    private static boolean overcommitAllowed(String name) {
        return isNative(name) && !name.startsWith("hugepages-");
    }
}
