package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PersistentVolumes: Name, Capacity, Access Modes, Reclaim Policy, Status, Claim, StorageClass,
 * VolumeAttributesClass, Reason, Age | VolumeMode. STATUS is {@code Terminating} while deleting; CLAIM is
 * {@code namespace/name}. Unset reclaim policy, phase and volume mode print as the API defaults (Retain, Pending,
 * Filesystem). (k8s {@code printPersistentVolume})
 */
final class PersistentVolumePrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Capacity", SwaggerDocs.PERSISTENT_VOLUME_SPEC_CAPACITY),
            Column.string("Access Modes", SwaggerDocs.PERSISTENT_VOLUME_SPEC_ACCESS_MODES),
            Column.string("Reclaim Policy", SwaggerDocs.PERSISTENT_VOLUME_SPEC_PERSISTENT_VOLUME_RECLAIM_POLICY),
            Column.string("Status", SwaggerDocs.PERSISTENT_VOLUME_STATUS_PHASE),
            Column.string("Claim", SwaggerDocs.PERSISTENT_VOLUME_SPEC_CLAIM_REF),
            Column.string("StorageClass", "StorageClass of the pv"),
            Column.string("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
            Column.string("Reason", SwaggerDocs.PERSISTENT_VOLUME_STATUS_REASON),
            Column.AGE,
            Column.string("VolumeMode", SwaggerDocs.PERSISTENT_VOLUME_SPEC_VOLUME_MODE).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode pv, Instant now) {
        JsonNode spec = Nodes.at(pv, "spec");
        String claim = "";
        if (Nodes.has(spec, "claimRef")) {
            claim = Nodes.str(spec, "claimRef", "namespace") + "/" + Nodes.str(spec, "claimRef", "name");
        }
        String phase = Nodes.has(pv, "metadata", "deletionTimestamp") ? "Terminating"
                : orDefault(Nodes.str(pv, "status", "phase"), "Pending");
        return Row.of(Nodes.name(pv), Volumes.storage(Nodes.at(spec, "capacity")),
                Volumes.accessModes(Nodes.at(spec, "accessModes")),
                orDefault(Nodes.str(spec, "persistentVolumeReclaimPolicy"), "Retain"), phase, claim,
                Volumes.storageClass(pv), Volumes.orUnset(spec, "volumeAttributesClassName"),
                Nodes.str(pv, "status", "reason"), Cells.age(pv, now),
                orDefault(Nodes.str(spec, "volumeMode"), "Filesystem"));
    }

    static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
