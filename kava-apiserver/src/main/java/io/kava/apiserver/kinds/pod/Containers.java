package io.kava.apiserver.kinds.pod;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Containers of a pod spec: defaults ({@code SetDefaults_Container}, probes, ports, env) and validation
 * ({@code validateContainers}, {@code validateInitContainers}, {@code validateContainerCommon}).
 */
final class Containers {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    private static final List<String> SCHEMES = List.of("HTTP", "HTTPS");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc", "sleep");
    private static final List<String> FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
            "status.podIPs");

    private Containers() {
    }

    // ---- defaults -------------------------------------------------------------------------------------------

    /** Fills one container's defaults. Throws {@link io.kava.apiserver.kinds.validation.Quantity.ParseException}. */
    static void applyDefaults(ObjectNode container) {
        if (!Trees.has(container, "imagePullPolicy") || Trees.textOrEmpty(container, "imagePullPolicy").isEmpty()) {
            container.put("imagePullPolicy", "latest".equals(imageTag(Trees.textOrEmpty(container, "image")))
                    ? "Always" : "IfNotPresent");
        }
        Trees.defaultText(container, "terminationMessagePath", "/dev/termination-log");
        Trees.defaultText(container, "terminationMessagePolicy", "File");
        for (ObjectNode port : Trees.objects(container, "ports")) {
            Trees.defaultText(port, "protocol", "TCP");
        }
        for (String probe : PROBES) {
            ObjectNode node = Trees.objectOrNull(container, probe);
            if (node != null) {
                Trees.defaultNonZero(node, "timeoutSeconds", 1);
                Trees.defaultNonZero(node, "periodSeconds", 10);
                Trees.defaultNonZero(node, "successThreshold", 1);
                Trees.defaultNonZero(node, "failureThreshold", 3);
                defaultHttpGet(Trees.objectOrNull(node, "httpGet"));
            }
        }
        ObjectNode lifecycle = Trees.objectOrNull(container, "lifecycle");
        for (String hook : List.of("postStart", "preStop")) {
            defaultHttpGet(Trees.objectOrNull(Trees.objectOrNull(lifecycle, hook), "httpGet"));
        }
        for (ObjectNode env : Trees.objects(container, "env")) {
            ObjectNode fieldRef = Trees.objectOrNull(Trees.objectOrNull(env, "valueFrom"), "fieldRef");
            if (fieldRef != null) {
                Trees.defaultText(fieldRef, "apiVersion", "v1");
            }
        }
        // Go always serializes the resources struct, so Kubernetes shows "resources: {}".
        Resources.canonicalize(Trees.object(container, "resources"));
    }

    private static void defaultHttpGet(ObjectNode httpGet) {
        if (httpGet != null) {
            Trees.defaultText(httpGet, "path", "/");
            Trees.defaultText(httpGet, "scheme", "HTTP");
        }
    }

    /**
     * The tag of an image reference ({@code parsers.ParseImageName}): "latest" when it names neither a tag nor a
     * digest, "" when it names only a digest.
     */
    static String imageTag(String image) {
        String ref = image;
        boolean digest = false;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = true;
            ref = ref.substring(0, at);
        }
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        String tag = colon >= 0 ? last.substring(colon + 1) : "";
        return tag.isEmpty() && !digest ? "latest" : tag;
    }

    // ---- validation -----------------------------------------------------------------------------------------

    /** {@code validateContainers}: at least one container; names unique among regular containers. */
    static void validateContainers(JsonNode spec, Map<String, JsonNode> volumes, boolean isPod, String path,
                                   FieldErrors errors) {
        var containers = Trees.objects(spec, "containers");
        if (containers.isEmpty()) {
            errors.required(path);
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            String p = path + "[" + i + "]";
            validateCommon(c, volumes, isPod, p, errors);
            String name = Trees.textOrEmpty(c, "name");
            if (!names.add(name)) {
                errors.duplicate(p + ".name", name);
            }
            validateLifecycle(Trees.objectOrNull(c, "lifecycle"), p + ".lifecycle", errors);
            validateProbes(c, p, errors);
            if (Trees.has(c, "restartPolicy")) {
                errors.forbidden(p + ".restartPolicy", "may not be set for non-init containers");
            }
        }
        hostPortConflicts(containers, path, errors);
    }

    /** {@code validateInitContainers}: names unique among regular and init containers. */
    static void validateInitContainers(JsonNode spec, Map<String, JsonNode> volumes, boolean isPod, String path,
                                       FieldErrors errors) {
        Set<String> names = new HashSet<>();
        for (JsonNode c : Trees.objects(spec, "containers")) {
            names.add(Trees.textOrEmpty(c, "name"));
        }
        var inits = Trees.objects(spec, "initContainers");
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            String p = path + "[" + i + "]";
            validateCommon(c, volumes, isPod, p, errors);
            boolean restartAlways = false;
            String restartPolicy = Trees.text(c, "restartPolicy");
            if (restartPolicy != null) {
                if (!restartPolicy.equals("Always")) {
                    errors.notSupported(p + ".restartPolicy", restartPolicy, List.of("Always"));
                }
                restartAlways = restartPolicy.equals("Always");
            }
            String name = Trees.textOrEmpty(c, "name");
            if (names.contains(name)) {
                errors.duplicate(p + ".name", name);
            } else if (!name.isEmpty()) {
                names.add(name);
            }
            hostPortConflicts(List.of((ObjectNode) c), path, errors);
            if (restartAlways) {
                validateLifecycle(Trees.objectOrNull(c, "lifecycle"), p + ".lifecycle", errors);
                validateProbes(c, p, errors);
            } else {
                for (String field : List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
                    if (Trees.has(c, field)) {
                        errors.forbidden(p + "." + field, "may not be set for init containers without"
                                + " restartPolicy=Always");
                    }
                }
            }
        }
    }

    /** {@code validateContainerCommon}. */
    private static void validateCommon(JsonNode c, Map<String, JsonNode> volumes, boolean isPod, String path,
                                       FieldErrors errors) {
        String name = Trees.textOrEmpty(c, "name");
        if (name.isEmpty()) {
            errors.required(path + ".name");
        } else {
            for (String msg : Names.dns1123Label(name)) {
                errors.invalid(path + ".name", name, msg);
            }
        }
        String image = Trees.textOrEmpty(c, "image");
        if (image.isEmpty()) {
            errors.required(path + ".image");
        }
        String messagePolicy = Trees.textOrEmpty(c, "terminationMessagePolicy");
        if (messagePolicy.isEmpty()) {
            errors.required(path + ".terminationMessagePolicy");
        } else if (!MESSAGE_POLICIES.contains(messagePolicy)) {
            errors.notSupported(path + ".terminationMessagePolicy", messagePolicy, MESSAGE_POLICIES);
        }
        validatePorts(c, path + ".ports", errors);
        validateEnv(c, path + ".env", errors);
        validateEnvFrom(c, path + ".envFrom", errors);
        validateVolumeMounts(c, volumes, path + ".volumeMounts", errors);
        String pullPolicy = Trees.textOrEmpty(c, "imagePullPolicy");
        if (pullPolicy.isEmpty()) {
            errors.required(path + ".imagePullPolicy");
        } else if (!PULL_POLICIES.contains(pullPolicy)) {
            errors.notSupported(path + ".imagePullPolicy", pullPolicy, PULL_POLICIES);
        }
        Resources.validate(Trees.objectOrNull(c, "resources"), path + ".resources", errors);
        if (isPod && !image.equals(image.strip())) {
            errors.invalid(path + ".image", image, "must not have leading or trailing whitespace");
        }
    }

    private static void validatePorts(JsonNode c, String path, FieldErrors errors) {
        Set<String> names = new HashSet<>();
        var ports = Trees.objects(c, "ports");
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String p = path + "[" + i + "]";
            String name = Trees.textOrEmpty(port, "name");
            if (!name.isEmpty()) {
                List<String> msgs = Names.portName(name);
                if (!msgs.isEmpty()) {
                    msgs.forEach(msg -> errors.invalid(p + ".name", name, msg));
                } else if (!names.add(name)) {
                    errors.duplicate(p + ".name", name);
                }
            }
            long containerPort = Trees.number(port, "containerPort", 0);
            if (containerPort == 0) {
                errors.required(p + ".containerPort");
            } else {
                Names.portNumber(containerPort).forEach(msg -> errors.invalid(p + ".containerPort", containerPort,
                        msg));
            }
            long hostPort = Trees.number(port, "hostPort", 0);
            if (hostPort != 0) {
                Names.portNumber(hostPort).forEach(msg -> errors.invalid(p + ".hostPort", hostPort, msg));
            }
            String protocol = Trees.textOrEmpty(port, "protocol");
            if (protocol.isEmpty()) {
                errors.required(p + ".protocol");
            } else if (!PROTOCOLS.contains(protocol)) {
                errors.notSupported(p + ".protocol", protocol, PROTOCOLS);
            }
        }
    }

    private static void validateEnv(JsonNode c, String path, FieldErrors errors) {
        var env = Trees.objects(c, "env");
        for (int i = 0; i < env.size(); i++) {
            JsonNode ev = env.get(i);
            String p = path + "[" + i + "]";
            String name = Trees.textOrEmpty(ev, "name");
            if (name.isEmpty()) {
                errors.required(p + ".name");
            } else {
                Names.relaxedEnvVarName(name).forEach(msg -> errors.invalid(p + ".name", name, msg));
            }
            validateValueFrom(ev, p + ".valueFrom", errors);
        }
    }

    private static void validateValueFrom(JsonNode ev, String path, FieldErrors errors) {
        JsonNode from = Trees.objectOrNull(ev, "valueFrom");
        if (from == null) {
            return;
        }
        int sources = 0;
        JsonNode fieldRef = Trees.objectOrNull(from, "fieldRef");
        if (fieldRef != null) {
            sources++;
            if (Trees.textOrEmpty(fieldRef, "apiVersion").isEmpty()) {
                errors.required(path + ".fieldRef.apiVersion");
            } else if (Trees.textOrEmpty(fieldRef, "fieldPath").isEmpty()) {
                errors.required(path + ".fieldRef.fieldPath");
            } else {
                String fieldPath = Trees.textOrEmpty(fieldRef, "fieldPath");
                boolean subscripted = fieldPath.matches("metadata\\.(labels|annotations)\\['[^']*'\\]");
                if (!subscripted && !FIELD_PATHS.contains(fieldPath)) {
                    errors.notSupported(path + ".fieldRef.fieldPath", fieldPath, FIELD_PATHS);
                }
            }
        }
        JsonNode resourceFieldRef = Trees.objectOrNull(from, "resourceFieldRef");
        if (resourceFieldRef != null) {
            sources++;
            if (Trees.textOrEmpty(resourceFieldRef, "resource").isEmpty()) {
                errors.required(path + ".resourceFieldRef.resource");
            }
        }
        for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
            JsonNode selector = Trees.objectOrNull(from, ref);
            if (selector == null) {
                continue;
            }
            sources++;
            String refName = Trees.textOrEmpty(selector, "name");
            for (String msg : Names.dns1123Subdomain(refName)) {
                errors.invalid(path + "." + ref + ".name", refName, msg);
            }
            String key = Trees.textOrEmpty(selector, "key");
            if (key.isEmpty()) {
                errors.required(path + "." + ref + ".key");
            } else {
                Names.configMapKey(key).forEach(msg -> errors.invalid(path + "." + ref + ".key", key, msg));
            }
        }
        if (sources == 0) {
            errors.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or"
                    + " `secretKeyRef`");
        } else if (!Trees.textOrEmpty(ev, "value").isEmpty()) {
            errors.invalid(path, "", "may not be specified when `value` is not empty");
        } else if (sources > 1) {
            errors.invalid(path, "", "may not have more than one field specified at a time");
        }
    }

    private static void validateEnvFrom(JsonNode c, String path, FieldErrors errors) {
        var envFrom = Trees.objects(c, "envFrom");
        for (int i = 0; i < envFrom.size(); i++) {
            JsonNode ev = envFrom.get(i);
            String p = path + "[" + i + "]";
            String prefix = Trees.textOrEmpty(ev, "prefix");
            if (!prefix.isEmpty()) {
                Names.relaxedEnvVarName(prefix).forEach(msg -> errors.invalid(p + ".prefix", prefix, msg));
            }
            int sources = 0;
            for (String ref : List.of("configMapRef", "secretRef")) {
                JsonNode source = Trees.objectOrNull(ev, ref);
                if (source == null) {
                    continue;
                }
                sources++;
                String name = Trees.textOrEmpty(source, "name");
                if (name.isEmpty()) {
                    errors.required(p + "." + ref + ".name");
                } else {
                    Names.dns1123Subdomain(name).forEach(msg -> errors.invalid(p + "." + ref + ".name", name, msg));
                }
            }
            if (sources == 0) {
                errors.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`");
            } else if (sources > 1) {
                errors.invalid(path, "", "may not have more than one field specified at a time");
            }
        }
    }

    private static void validateVolumeMounts(JsonNode c, Map<String, JsonNode> volumes, String path,
                                             FieldErrors errors) {
        Set<String> mountPoints = new HashSet<>();
        var mounts = Trees.objects(c, "volumeMounts");
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode m = mounts.get(i);
            String p = path + "[" + i + "]";
            String name = Trees.textOrEmpty(m, "name");
            if (name.isEmpty()) {
                errors.required(p + ".name");
            }
            if (!volumes.containsKey(name)) {
                Checks.notFound(errors, p + ".name", name);
            }
            String mountPath = Trees.textOrEmpty(m, "mountPath");
            if (mountPath.isEmpty()) {
                errors.required(p + ".mountPath");
            }
            if (!mountPoints.add(mountPath)) {
                errors.invalid(p + ".mountPath", mountPath, "must be unique");
            }
            String subPath = Trees.textOrEmpty(m, "subPath");
            String subPathExpr = Trees.textOrEmpty(m, "subPathExpr");
            if (!subPathExpr.isEmpty() && !subPath.isEmpty()) {
                errors.invalid(p + ".subPathExpr", subPathExpr, "subPathExpr and subPath are mutually exclusive");
            }
        }
    }

    private static void validateProbes(JsonNode c, String path, FieldErrors errors) {
        for (String probe : PROBES) {
            JsonNode node = Trees.objectOrNull(c, probe);
            if (node == null) {
                continue;
            }
            String p = path + "." + probe;
            validateHandler(node, p, errors);
            for (String field : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold",
                    "failureThreshold")) {
                Checks.nonNegative(node, field, p + "." + field, errors);
            }
            Long grace = Trees.number(node, "terminationGracePeriodSeconds");
            if (grace != null && grace <= 0) {
                errors.invalid(p + ".terminationGracePeriodSeconds", grace, "must be greater than 0");
            }
            long success = Trees.number(node, "successThreshold", 0);
            if (!probe.equals("readinessProbe") && success != 1) {
                errors.invalid(p + ".successThreshold", success, "must be 1");
            }
            if (probe.equals("readinessProbe") && grace != null) {
                errors.invalid(p + ".terminationGracePeriodSeconds", grace, "must not be set for readinessProbes");
            }
        }
    }

    private static void validateLifecycle(JsonNode lifecycle, String path, FieldErrors errors) {
        for (String hook : List.of("postStart", "preStop")) {
            JsonNode node = Trees.objectOrNull(lifecycle, hook);
            if (node != null) {
                validateHandler(node, path + "." + hook, errors);
            }
        }
    }

    private static void validateHandler(JsonNode handler, String path, FieldErrors errors) {
        int count = 0;
        for (String type : HANDLERS) {
            JsonNode node = Trees.objectOrNull(handler, type);
            if (node == null) {
                continue;
            }
            String p = path + "." + type;
            if (count > 0) {
                errors.forbidden(p, "may not specify more than 1 handler type");
                continue;
            }
            count++;
            switch (type) {
                case "exec" -> {
                    if (Trees.strings(node, "command").isEmpty()) {
                        errors.required(p + ".command");
                    }
                }
                case "httpGet" -> {
                    if (Trees.textOrEmpty(node, "path").isEmpty()) {
                        errors.required(p + ".path");
                    }
                    portNumOrName(node.get("port"), p + ".port", errors);
                    String scheme = Trees.textOrEmpty(node, "scheme");
                    if (!SCHEMES.contains(scheme)) {
                        errors.notSupported(p + ".scheme", scheme, SCHEMES);
                    }
                    for (JsonNode header : Trees.objects(node, "httpHeaders")) {
                        String headerName = Trees.textOrEmpty(header, "name");
                        Names.httpHeaderName(headerName).forEach(msg -> errors.invalid(p + ".httpHeaders",
                                headerName, msg));
                    }
                }
                case "tcpSocket", "grpc" -> portNumOrName(node.get("port"), p + ".port", errors);
                default -> {
                    // sleep: the seconds are checked against the grace period by Kubernetes; accepted here.
                }
            }
        }
        if (count == 0) {
            errors.required(path, "must specify a handler type");
        }
    }

    /** {@code ValidatePortNumOrName}. */
    static void portNumOrName(JsonNode port, String path, FieldErrors errors) {
        if (port == null || port.isNull() || port.isNumber()) {
            long value = port == null || port.isNull() ? 0 : port.asLong();
            Names.portNumber(value).forEach(msg -> errors.invalid(path, value, msg));
        } else {
            String name = port.asString();
            Names.portName(name).forEach(msg -> errors.invalid(path, name, msg));
        }
    }

    /** {@code checkHostPortConflicts}: a protocol/hostIP/hostPort triple at most once across the containers. */
    private static void hostPortConflicts(List<ObjectNode> containers, String path, FieldErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            var ports = Trees.objects(containers.get(ci), "ports");
            for (int pi = 0; pi < ports.size(); pi++) {
                JsonNode port = ports.get(pi);
                long hostPort = Trees.number(port, "hostPort", 0);
                if (hostPort == 0) {
                    continue;
                }
                String key = Trees.textOrEmpty(port, "protocol") + "/" + Trees.textOrEmpty(port, "hostIP") + "/"
                        + hostPort;
                if (!seen.add(key)) {
                    errors.duplicate(path + "[" + ci + "].ports[" + pi + "].hostPort", key);
                }
            }
        }
    }
}
