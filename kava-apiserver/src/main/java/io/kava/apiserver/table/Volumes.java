package io.kava.apiserver.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Reads shared by the PersistentVolume and PersistentVolumeClaim printers. */
final class Volumes {

    /** The beta annotation that, when present, overrides {@code storageClassName}. */
    private static final String BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    private Volumes() {
    }

    /** {@code GetAccessModesAsString}: the modes present, in the order RWO, ROX, RWX, RWOP. */
    static String accessModes(JsonNode modes) {
        Set<String> present = new LinkedHashSet<>();
        if (modes.isArray()) {
            modes.values().forEach(m -> present.add(m.asString("")));
        }
        List<String> out = new ArrayList<>();
        if (present.contains("ReadWriteOnce")) {
            out.add("RWO");
        }
        if (present.contains("ReadOnlyMany")) {
            out.add("ROX");
        }
        if (present.contains("ReadWriteMany")) {
            out.add("RWX");
        }
        if (present.contains("ReadWriteOncePod")) {
            out.add("RWOP");
        }
        return String.join(",", out);
    }

    /** {@code GetPersistentVolumeClass}, {@code GetPersistentVolumeClaimClass}: the beta annotation, else the field. */
    static String storageClass(JsonNode object) {
        String annotation = Nodes.stringMap(object, "metadata", "annotations").get(BETA_CLASS_ANNOTATION);
        return annotation != null ? annotation : Nodes.str(object, "spec", "storageClassName");
    }

    /** A pointer-valued string field, or {@code <unset>}. */
    static String orUnset(JsonNode object, String... path) {
        return Nodes.has(object, path) ? Nodes.str(object, path) : Cells.UNSET;
    }

    /** The {@code storage} entry of a resource list, canonical; {@code 0} when missing. */
    static String storage(JsonNode resources) {
        String storage = Nodes.strOrNull(resources, "storage");
        return storage == null ? "0" : Quantity.format(storage);
    }
}
