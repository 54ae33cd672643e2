package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PersistentVolumeClaims: Name, Status, Volume, Capacity, Access Modes, StorageClass, VolumeAttributesClass, Age |
 * VolumeMode. CAPACITY and ACCESS MODES come from the status and are empty until the claim is bound to a volume;
 * STATUS is {@code Terminating} while deleting. Unset phase and volume mode print as the API defaults (Pending,
 * Filesystem). (k8s {@code printPersistentVolumeClaim})
 */
final class PersistentVolumeClaimPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Status", SwaggerDocs.PERSISTENT_VOLUME_CLAIM_STATUS_PHASE),
            Column.string("Volume", SwaggerDocs.PERSISTENT_VOLUME_CLAIM_SPEC_VOLUME_NAME),
            Column.string("Capacity", SwaggerDocs.PERSISTENT_VOLUME_CLAIM_STATUS_CAPACITY),
            Column.string("Access Modes", SwaggerDocs.PERSISTENT_VOLUME_CLAIM_STATUS_ACCESS_MODES),
            Column.string("StorageClass", "StorageClass of the pvc"),
            Column.string("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
            Column.AGE,
            Column.string("VolumeMode", SwaggerDocs.PERSISTENT_VOLUME_CLAIM_SPEC_VOLUME_MODE).wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode pvc, Instant now) {
        JsonNode spec = Nodes.at(pvc, "spec");
        String volume = Nodes.str(spec, "volumeName");
        String capacity = "";
        String accessModes = "";
        if (!volume.isEmpty()) {
            capacity = Volumes.storage(Nodes.at(pvc, "status", "capacity"));
            accessModes = Volumes.accessModes(Nodes.at(pvc, "status", "accessModes"));
        }
        String phase = Nodes.has(pvc, "metadata", "deletionTimestamp") ? "Terminating"
                : PersistentVolumePrinter.orDefault(Nodes.str(pvc, "status", "phase"), "Pending");
        return Row.of(Nodes.name(pvc), phase, volume, capacity, accessModes, Volumes.storageClass(pvc),
                Volumes.orUnset(spec, "volumeAttributesClassName"), Cells.age(pvc, now),
                PersistentVolumePrinter.orDefault(Nodes.str(spec, "volumeMode"), "Filesystem"));
    }
}
