package io.kava.apiserver.kinds.pod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Quantity;
import io.kava.apiserver.kinds.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Pod volumes: defaults ({@code SetDefaults_Volume} and the per-source defaults) and {@code ValidateVolumes}. */
public final class Volumes {

    /** Volume source fields in the order Kubernetes checks them. */
    static final List<String> SOURCES = List.of("emptyDir", "hostPath", "gitRepo", "gcePersistentDisk",
            "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd",
            "flexVolume", "cinder", "cephfs", "downwardAPI", "fc", "azureFile", "vsphereVolume", "quobyte",
            "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "configMap", "projected", "storageos",
            "csi", "ephemeral", "image");
    private static final long DEFAULT_MODE = 0644;
    private static final List<String> HOST_PATH_TYPES = List.of("", "BlockDevice", "CharDevice", "Directory",
            "DirectoryOrCreate", "File", "FileOrCreate", "Socket");
    private static final String FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";

    private Volumes() {
    }

    /** Fills the defaults of one volume. Throws {@link Quantity.ParseException} for a bad {@code sizeLimit}. */
    public static void applyDefaults(ObjectNode volume) {
        if (SOURCES.stream().noneMatch(s -> Trees.has(volume, s))) {
            volume.putObject("emptyDir");
        }
        ObjectNode emptyDir = Trees.objectOrNull(volume, "emptyDir");
        if (emptyDir != null && Trees.text(emptyDir, "sizeLimit") != null) {
            emptyDir.put("sizeLimit", Quantity.parse(Trees.text(emptyDir, "sizeLimit")).toString());
        }
        for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
            ObjectNode node = Trees.objectOrNull(volume, source);
            if (node != null) {
                Trees.defaultNumber(node, "defaultMode", DEFAULT_MODE);
            }
        }
        ObjectNode hostPath = Trees.objectOrNull(volume, "hostPath");
        if (hostPath != null && !Trees.has(hostPath, "type")) {
            hostPath.put("type", "");
        }
        defaultFieldRefs(Trees.objectOrNull(volume, "downwardAPI"));
        ObjectNode projected = Trees.objectOrNull(volume, "projected");
        for (ObjectNode source : Trees.objects(projected, "sources")) {
            defaultFieldRefs(Trees.objectOrNull(source, "downwardAPI"));
            ObjectNode token = Trees.objectOrNull(source, "serviceAccountToken");
            if (token != null) {
                Trees.defaultNumber(token, "expirationSeconds", 3600);
            }
        }
        ObjectNode ephemeral = Trees.objectOrNull(volume, "ephemeral");
        ObjectNode claimSpec = Trees.objectOrNull(Trees.objectOrNull(ephemeral, "volumeClaimTemplate"), "spec");
        if (claimSpec != null) {
            Trees.defaultText(claimSpec, "volumeMode", "Filesystem");
        }
    }

    private static void defaultFieldRefs(ObjectNode downwardApi) {
        for (ObjectNode item : Trees.objects(downwardApi, "items")) {
            ObjectNode fieldRef = Trees.objectOrNull(item, "fieldRef");
            if (fieldRef != null) {
                Trees.defaultText(fieldRef, "apiVersion", "v1");
            }
        }
    }

    /**
     * Validates {@code spec.volumes} at {@code path} and returns the valid volumes by name, which volume mounts may
     * refer to.
     */
    public static Map<String, JsonNode> validate(JsonNode spec, String path, FieldErrors errors) {
        var valid = new LinkedHashMap<String, JsonNode>();
        var volumes = Trees.objects(spec, "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            String idx = path + "[" + i + "]";
            var el = new FieldErrors();
            validateSource(volume, idx, el);
            String name = Trees.textOrEmpty(volume, "name");
            if (name.isEmpty()) {
                el.required(idx + ".name");
            } else {
                for (String msg : Names.dns1123Label(name)) {
                    el.invalid(idx + ".name", name, msg);
                }
            }
            if (valid.containsKey(name)) {
                el.duplicate(idx + ".name", name);
            }
            if (el.isEmpty()) {
                valid.put(name, volume);
            } else {
                errors.addAll(el);
            }
        }
        return valid;
    }

    private static void validateSource(JsonNode volume, String path, FieldErrors errors) {
        int count = 0;
        for (String source : SOURCES) {
            JsonNode node = volume.get(source);
            if (node == null || node.isNull()) {
                continue;
            }
            if (count > 0) {
                errors.forbidden(path + "." + source, "may not specify more than 1 volume type");
                continue;
            }
            count++;
            String p = path + "." + source;
            switch (source) {
                case "hostPath" -> {
                    if (Trees.textOrEmpty(node, "path").isEmpty()) {
                        errors.required(p + ".path");
                    }
                    String type = Trees.textOrEmpty(node, "type");
                    if (!HOST_PATH_TYPES.contains(type)) {
                        errors.notSupported(p + ".type", type, HOST_PATH_TYPES);
                    }
                }
                case "secret" -> {
                    if (Trees.textOrEmpty(node, "secretName").isEmpty()) {
                        errors.required(p + ".secretName");
                    }
                    fileMode(node, p, errors);
                }
                case "configMap" -> {
                    if (Trees.textOrEmpty(node, "name").isEmpty()) {
                        errors.required(p + ".name");
                    }
                    fileMode(node, p, errors);
                }
                case "downwardAPI", "projected" -> fileMode(node, p, errors);
                case "persistentVolumeClaim" -> {
                    if (Trees.textOrEmpty(node, "claimName").isEmpty()) {
                        errors.required(p + ".claimName");
                    }
                }
                case "nfs" -> {
                    if (Trees.textOrEmpty(node, "server").isEmpty()) {
                        errors.required(p + ".server");
                    }
                    String nfsPath = Trees.textOrEmpty(node, "path");
                    if (nfsPath.isEmpty()) {
                        errors.required(p + ".path");
                    } else if (!nfsPath.startsWith("/")) {
                        errors.invalid(p + ".path", nfsPath, "must be an absolute path");
                    }
                }
                case "csi" -> {
                    if (Trees.textOrEmpty(node, "driver").isEmpty()) {
                        errors.required(p + ".driver");
                    }
                }
                case "emptyDir" -> {
                    String limit = Trees.text(node, "sizeLimit");
                    if (limit != null && Quantity.parse(limit).signum() < 0) {
                        errors.forbidden(p + ".sizeLimit", "SizeLimit field must be a valid resource quantity");
                    }
                }
                default -> {
                    // Other sources are accepted as given.
                }
            }
        }
        if (count == 0) {
            errors.required(path, "must specify a volume type");
        }
    }

    private static void fileMode(JsonNode source, String path, FieldErrors errors) {
        Long mode = Trees.number(source, "defaultMode");
        if (mode != null && (mode < 0 || mode > 0777)) {
            errors.invalid(path + ".defaultMode", mode, FILE_MODE_ERROR);
        }
    }
}
