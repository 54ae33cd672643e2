package io.kava.apiserver.kinds.pod;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.GoValues;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pod spec every workload shares: Kubernetes' defaults ({@code SetDefaults_PodSpec} and what it reaches, plus the
 * pod-only {@code SetDefaults_Pod}) and validation ({@code ValidatePodSpec}, {@code ValidatePodTemplateSpec}).
 *
 * <p>Defaulting may throw {@link io.kava.apiserver.kinds.validation.Quantity.ParseException} for a malformed
 * quantity; the strategies turn it into the 400 Kubernetes answers when it cannot decode a body.
 */
public final class PodSpecs {

    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default",
            "None");
    private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists");
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");
    private static final int MAX_ANNOTATIONS_SIZE = 256 * 1024;

    private PodSpecs() {
    }

    // ---- defaults -------------------------------------------------------------------------------------------

    /** The defaults of every pod spec, in pods and in templates. */
    public static void applyDefaults(ObjectNode spec) {
        Trees.defaultText(spec, "dnsPolicy", "ClusterFirst");
        Trees.defaultText(spec, "restartPolicy", "Always");
        if (!Trees.has(spec, "securityContext")) {
            spec.putObject("securityContext");
        }
        Trees.defaultNumber(spec, "terminationGracePeriodSeconds", 30);
        Trees.defaultText(spec, "schedulerName", "default-scheduler");
        for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (ObjectNode container : Trees.objects(spec, list)) {
                Containers.applyDefaults(container);
            }
        }
        for (ObjectNode volume : Trees.objects(spec, "volumes")) {
            Volumes.applyDefaults(volume);
        }
        ObjectNode overhead = Trees.objectOrNull(spec, "overhead");
        if (overhead != null) {
            Resources.canonicalizeList(overhead);
        }
    }

    /**
     * The defaults only a Pod gets ({@code SetDefaults_Pod}; templates keep these unset): requests from limits,
     * {@code enableServiceLinks}, host ports under host networking. Call after {@link #applyDefaults}.
     */
    public static void applyPodDefaults(ObjectNode spec) {
        for (String list : List.of("containers", "initContainers")) {
            for (ObjectNode container : Trees.objects(spec, list)) {
                Resources.defaultRequestsFromLimits(container);
            }
        }
        Trees.defaultBool(spec, "enableServiceLinks", true);
        if (Boolean.TRUE.equals(Trees.bool(spec, "hostNetwork"))) {
            for (String list : List.of("containers", "initContainers")) {
                for (ObjectNode container : Trees.objects(spec, list)) {
                    for (ObjectNode port : Trees.objects(container, "ports")) {
                        if (Trees.number(port, "hostPort", 0) == 0 && Trees.has(port, "containerPort")) {
                            port.set("hostPort", port.get("containerPort"));
                        }
                    }
                }
            }
        }
    }

    /**
     * Defaults {@code parent.template} (a {@code PodTemplateSpec}), creating it when missing as Go decodes a missing
     * struct to its zero value.
     */
    public static void applyTemplateDefaults(ObjectNode parent) {
        ObjectNode template = Trees.object(parent, "template");
        applyDefaults(Trees.object(template, "spec"));
    }

    // ---- validation -----------------------------------------------------------------------------------------

    /** {@code ValidatePodTemplateSpec} of {@code template} at {@code path} (for example {@code spec.template}). */
    public static void validateTemplate(JsonNode template, String path, FieldErrors errors) {
        JsonNode meta = Trees.objectOrNull(template, "metadata");
        Checks.labels(Trees.stringMap(meta, "labels"), path + ".labels", errors);
        validateAnnotations(Trees.stringMap(meta, "annotations"), path + ".annotations", errors);
        JsonNode spec = Trees.objectOrNull(template, "spec");
        validateSpec(spec, path + ".spec", false, errors);
        if (!Trees.objects(spec, "ephemeralContainers").isEmpty()) {
            errors.forbidden(path + ".spec.ephemeralContainers", "ephemeral containers not allowed in pod template");
        }
    }

    /** {@code ValidatePodSpec} at {@code path}; {@code isPod} adds the checks only a Pod gets. */
    public static void validateSpec(JsonNode spec, String path, boolean isPod, FieldErrors errors) {
        if (!Trees.has(spec, "terminationGracePeriodSeconds")) {
            errors.required(path + ".terminationGracePeriodSeconds");
        }
        Map<String, JsonNode> volumes = Volumes.validate(spec, path + ".volumes", errors);
        Containers.validateContainers(spec, volumes, isPod, path + ".containers", errors);
        Containers.validateInitContainers(spec, volumes, isPod, path + ".initContainers", errors);
        hostNetworkPorts(spec, path, isPod, errors);
        String restartPolicy = Trees.textOrEmpty(spec, "restartPolicy");
        if (restartPolicy.isEmpty()) {
            errors.required(path + ".restartPolicy");
        } else if (!RESTART_POLICIES.contains(restartPolicy)) {
            errors.notSupported(path + ".restartPolicy", restartPolicy, RESTART_POLICIES);
        }
        String dnsPolicy = Trees.textOrEmpty(spec, "dnsPolicy");
        if (dnsPolicy.isEmpty()) {
            errors.required(path + ".dnsPolicy");
        } else if (!DNS_POLICIES.contains(dnsPolicy)) {
            errors.notSupported(path + ".dnsPolicy", dnsPolicy, DNS_POLICIES);
        }
        Checks.labels(Trees.stringMap(spec, "nodeSelector"), path + ".nodeSelector", errors);
        if (dnsPolicy.equals("None")) {
            JsonNode dnsConfig = Trees.objectOrNull(spec, "dnsConfig");
            if (dnsConfig == null) {
                errors.required(path + ".dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None");
            } else if (Trees.strings(dnsConfig, "nameservers").isEmpty()) {
                errors.required(path + ".dnsConfig.nameservers",
                        "must provide at least one DNS nameserver when `dnsPolicy` is None");
            }
        }
        subdomainField(spec, "serviceAccountName", path, errors);
        subdomainField(spec, "nodeName", path, errors);
        Long deadline = Trees.number(spec, "activeDeadlineSeconds");
        if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
            errors.invalid(path + ".activeDeadlineSeconds", deadline, Names.inclusiveRange(1, Integer.MAX_VALUE));
        }
        for (String field : List.of("hostname", "subdomain")) {
            String value = Trees.textOrEmpty(spec, field);
            if (!value.isEmpty()) {
                Names.dns1123Label(value).forEach(msg -> errors.invalid(path + "." + field, value, msg));
            }
        }
        validateTolerations(Trees.objects(spec, "tolerations"), path + ".tolerations", errors);
        subdomainField(spec, "priorityClassName", path, errors);
        subdomainField(spec, "runtimeClassName", path, errors);
        String preemption = Trees.text(spec, "preemptionPolicy");
        if (preemption != null) {
            if (preemption.isEmpty()) {
                errors.required(path + ".preemptionPolicy");
            } else if (!PREEMPTION_POLICIES.contains(preemption)) {
                errors.notSupported(path + ".preemptionPolicy", preemption, PREEMPTION_POLICIES);
            }
        }
    }

    /** {@code ValidateTolerations}. */
    public static void validateTolerations(List<ObjectNode> tolerations, String path, FieldErrors errors) {
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            String p = path + "[" + i + "]";
            String key = Trees.textOrEmpty(t, "key");
            String operator = Trees.textOrEmpty(t, "operator");
            String value = Trees.textOrEmpty(t, "value");
            String effect = Trees.textOrEmpty(t, "effect");
            if (!key.isEmpty()) {
                Names.qualifiedName(key).forEach(msg -> errors.invalid(p + ".key", key, msg));
            }
            if (key.isEmpty() && !operator.equals("Exists")) {
                errors.invalid(p + ".operator", operator,
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            if (Trees.has(t, "tolerationSeconds") && !effect.equals("NoExecute")) {
                errors.invalid(p + ".effect", effect, "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }
            switch (operator) {
                case "Equal", "" -> Names.labelValue(value).forEach(msg -> errors.invalid(p + ".operator", value,
                        msg));
                case "Exists" -> {
                    if (!value.isEmpty()) {
                        errors.invalid(p + ".operator", GoValues.raw("core.Toleration{Key:" + GoValues.quote(key)
                                + ", Operator:" + GoValues.quote(operator) + ", Value:" + GoValues.quote(value)
                                + ", Effect:" + GoValues.quote(effect) + ", TolerationSeconds:"
                                + (Trees.has(t, "tolerationSeconds") ? "(*int64)(" + t.get("tolerationSeconds")
                                + ")" : "(*int64)(nil)") + "}"),
                                "value must be empty when `operator` is 'Exists'");
                    }
                }
                default -> errors.notSupported(p + ".operator", operator, TOLERATION_OPERATORS);
            }
            if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
                errors.notSupported(p + ".effect", effect, TAINT_EFFECTS);
            }
        }
    }

    /** {@code ValidateAnnotations}: qualified (lower-cased) keys, at most 256 KiB in total. */
    public static void validateAnnotations(Map<String, String> annotations, String path, FieldErrors errors) {
        long size = 0;
        for (var e : annotations.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            Names.qualifiedName(key).forEach(msg -> errors.invalid(path, e.getKey(), msg));
            size += e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_ANNOTATIONS_SIZE) {
            errors.tooLong(path, MAX_ANNOTATIONS_SIZE);
        }
    }

    private static void hostNetworkPorts(JsonNode spec, String path, boolean isPod, FieldErrors errors) {
        if (!Boolean.TRUE.equals(Trees.bool(spec, "hostNetwork"))) {
            return;
        }
        var containers = Trees.objects(spec, "containers");
        for (int i = 0; i < containers.size(); i++) {
            var ports = Trees.objects(containers.get(i), "ports");
            for (int j = 0; j < ports.size(); j++) {
                long hostPort = Trees.number(ports.get(j), "hostPort", 0);
                long containerPort = Trees.number(ports.get(j), "containerPort", 0);
                if ((isPod || hostPort != 0) && hostPort != containerPort) {
                    errors.invalid(path + ".containers[" + i + "].ports[" + j + "].hostPort", hostPort,
                            "must match `containerPort` when `hostNetwork` is true");
                }
            }
        }
    }

    private static void subdomainField(JsonNode spec, String field, String path, FieldErrors errors) {
        String value = Trees.textOrEmpty(spec, field);
        if (!value.isEmpty()) {
            Names.dns1123Subdomain(value).forEach(msg -> errors.invalid(path + "." + field, value, msg));
        }
    }
}
