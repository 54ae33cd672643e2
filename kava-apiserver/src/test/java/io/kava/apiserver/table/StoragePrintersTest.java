package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PersistentVolumes, PersistentVolumeClaims and StorageClasses. */
class StoragePrintersTest {

    @Test
    void boundPersistentVolume() {
        var printer = new PersistentVolumePrinter();
        assertThat(headers(printer)).containsExactly("Name", "Capacity", "Access Modes", "Reclaim Policy", "Status",
                "Claim", "StorageClass", "VolumeAttributesClass", "Reason", "Age", "VolumeMode|1");
        assertThat(cells(printer, """
                {"apiVersion": "v1", "kind": "PersistentVolume",
                 "metadata": {"name": "pvc-4f1c", "creationTimestamp": "2025-06-01T10:00:00Z"},
                 "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteMany", "ReadWriteOnce"],
                          "persistentVolumeReclaimPolicy": "Delete", "storageClassName": "standard",
                          "volumeMode": "Filesystem",
                          "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "default", "name": "data-db-0"},
                          "hostPath": {"path": "/var/local-path-provisioner/pvc-4f1c"}},
                 "status": {"phase": "Bound"}}"""))
                .containsExactly("pvc-4f1c", "10Gi", "RWO,RWX", "Delete", "Bound", "default/data-db-0", "standard",
                        "<unset>", "", "120m", "Filesystem");
    }

    @Test
    void persistentVolumeDefaultsAndDeletion() {
        assertThat(cells(new PersistentVolumePrinter(), """
                {"metadata": {"name": "pv", "deletionTimestamp": "2025-06-01T11:00:00Z",
                              "annotations": {"volume.beta.kubernetes.io/storage-class": "slow"}},
                 "spec": {"capacity": {"storage": "1.5Gi"}, "accessModes": ["ReadWriteOncePod"],
                          "volumeAttributesClassName": "gold", "volumeMode": "Block"},
                 "status": {"phase": "Failed", "reason": "VolumeFailedRecycle"}}"""))
                .containsExactly("pv", "1536Mi", "RWOP", "Retain", "Terminating", "", "slow", "gold",
                        "VolumeFailedRecycle", "<unknown>", "Block");
    }

    @Test
    void persistentVolumeClaims() {
        var printer = new PersistentVolumeClaimPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Status", "Volume", "Capacity", "Access Modes",
                "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode|1");
        assertThat(cells(printer, """
                {"metadata": {"name": "data-db-0", "creationTimestamp": "2025-06-01T10:00:00Z"},
                 "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "8Gi"}},
                          "storageClassName": "standard", "volumeName": "pvc-4f1c", "volumeMode": "Filesystem"},
                 "status": {"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "10Gi"}}}"""))
                .containsExactly("data-db-0", "Bound", "pvc-4f1c", "10Gi", "RWO", "standard", "<unset>", "120m",
                        "Filesystem");
        assertThat(cells(printer, """
                {"metadata": {"name": "waiting"},
                 "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "8Gi"}}}}"""))
                .containsExactly("waiting", "Pending", "", "", "", "", "<unset>", "<unknown>", "Filesystem");
    }

    @Test
    void storageClasses() {
        var printer = new StorageClassPrinter();
        assertThat(headers(printer)).containsExactly("Name", "Provisioner", "ReclaimPolicy", "VolumeBindingMode",
                "AllowVolumeExpansion", "Age");
        assertThat(cells(printer, """
                {"metadata": {"name": "standard", "creationTimestamp": "2025-05-01T12:00:00Z",
                   "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
                 "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete",
                 "volumeBindingMode": "WaitForFirstConsumer"}"""))
                .containsExactly("standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer",
                        false, "31d");
        assertThat(cells(printer, """
                {"metadata": {"name": "fast"}, "provisioner": "ebs.csi.aws.com", "allowVolumeExpansion": true,
                 "reclaimPolicy": "Retain"}"""))
                .containsExactly("fast", "ebs.csi.aws.com", "Retain", "Immediate", true, "<unknown>");
    }
}
