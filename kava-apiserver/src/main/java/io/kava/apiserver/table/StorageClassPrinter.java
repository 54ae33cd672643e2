package io.kava.apiserver.table;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * StorageClasses: Name (with {@code (default)} appended for the default class), Provisioner, ReclaimPolicy
 * (default Delete), VolumeBindingMode (default Immediate), AllowVolumeExpansion, Age. (k8s {@code printStorageClass})
 */
final class StorageClassPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.string("Provisioner", SwaggerDocs.STORAGE_CLASS_PROVISIONER),
            Column.string("ReclaimPolicy", SwaggerDocs.STORAGE_CLASS_RECLAIM_POLICY),
            Column.string("VolumeBindingMode", SwaggerDocs.STORAGE_CLASS_VOLUME_BINDING_MODE),
            Column.string("AllowVolumeExpansion", SwaggerDocs.STORAGE_CLASS_ALLOW_VOLUME_EXPANSION),
            Column.AGE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode storageClass, Instant now) {
        Map<String, String> annotations = Nodes.stringMap(storageClass, "metadata", "annotations");
        boolean isDefault = "true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"))
                || "true".equals(annotations.get("storageclass.beta.kubernetes.io/is-default-class"));
        String reclaim = Nodes.str(storageClass, "reclaimPolicy");
        String binding = Nodes.str(storageClass, "volumeBindingMode");
        return Row.of(Nodes.name(storageClass) + (isDefault ? " (default)" : ""),
                Nodes.str(storageClass, "provisioner"), reclaim.isEmpty() ? "Delete" : reclaim,
                binding.isEmpty() ? "Immediate" : binding, Nodes.bool(storageClass, "allowVolumeExpansion"),
                Cells.age(storageClass, now));
    }
}
