package io.kava.api.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinPatchMetaTest {

  @Test
  void lookupByGroupAndKind() {
    assertThat(BuiltinPatchMeta.forKind("apps", "Deployment")).containsSame(BuiltinPatchMeta.DEPLOYMENT);
    assertThat(BuiltinPatchMeta.forKind("", "Pod")).containsSame(BuiltinPatchMeta.POD);
    assertThat(BuiltinPatchMeta.forKind(null, "Service")).containsSame(BuiltinPatchMeta.SERVICE);
    assertThat(BuiltinPatchMeta.forKind("", "ConfigMap")).isEmpty();
    assertThat(BuiltinPatchMeta.forKind("example.com", "Widget")).isEmpty();
    assertThat(BuiltinPatchMeta.forBuiltinKind("", "ConfigMap")).isSameAs(BuiltinPatchMeta.GENERIC);
  }

  @Test
  void podTemplateIsReusedByEveryWorkload() {
    for (PatchMeta workload : List.of(BuiltinPatchMeta.DEPLOYMENT, BuiltinPatchMeta.REPLICA_SET,
        BuiltinPatchMeta.STATEFUL_SET, BuiltinPatchMeta.DAEMON_SET, BuiltinPatchMeta.JOB,
        BuiltinPatchMeta.REPLICATION_CONTROLLER)) {
      assertThat(workload.field("spec").field("template")).isSameAs(BuiltinPatchMeta.POD_TEMPLATE_SPEC);
    }
    assertThat(BuiltinPatchMeta.CRON_JOB.field("spec").field("jobTemplate").field("spec").field("template"))
        .isSameAs(BuiltinPatchMeta.POD_TEMPLATE_SPEC);
  }

  @Test
  void tags() {
    PatchMeta spec = BuiltinPatchMeta.POD_SPEC;
    assertThat(spec.field("containers").mergeKey()).isEqualTo("name");
    assertThat(spec.field("containers").has(PatchStrategy.MERGE)).isTrue();
    assertThat(spec.field("volumes").strategies())
        .containsExactlyInAnyOrder(PatchStrategy.MERGE, PatchStrategy.RETAIN_KEYS);
    assertThat(spec.field("tolerations").strategies()).isEmpty();
    assertThat(spec.field("hostAliases").mergeKey()).isEqualTo("ip");
    PatchMeta ports = spec.field("containers").field("ports");
    assertThat(ports.mergeKey()).isEqualTo("containerPort");
    assertThat(ports.listMapKeys()).containsExactly("containerPort", "protocol");
    assertThat(ports.keyDefaults()).containsEntry("protocol", "TCP");
    assertThat(spec.field("containers").field("env").listMapKeys()).containsExactly("name");
    assertThat(spec.field("containers").field("volumeMounts").mergeKey()).isEqualTo("mountPath");
    assertThat(spec.field("containers").field("volumeDevices").mergeKey()).isEqualTo("devicePath");
    assertThat(spec.field("imagePullSecrets").mergeKey()).isEqualTo("name");
    assertThat(BuiltinPatchMeta.OBJECT_META.field("finalizers").isSet()).isTrue();
    assertThat(BuiltinPatchMeta.OBJECT_META.field("ownerReferences").mergeKey()).isEqualTo("uid");
    assertThat(BuiltinPatchMeta.DEPLOYMENT.field("spec").field("strategy").has(PatchStrategy.RETAIN_KEYS))
        .isTrue();
    assertThat(BuiltinPatchMeta.DEPLOYMENT.field("spec").field("selector").isAtomic()).isTrue();
    assertThat(BuiltinPatchMeta.NODE.field("spec").field("taints").strategies()).isEmpty();
    assertThat(BuiltinPatchMeta.SERVICE.field("spec").field("ports").mergeKey()).isEqualTo("port");
    assertThat(BuiltinPatchMeta.POD.field("status").field("conditions").mergeKey()).isEqualTo("type");
    assertThat(PatchMeta.NONE.field("anything")).isSameAs(PatchMeta.NONE);
    assertThat(BuiltinPatchMeta.STATEFUL_SET.at("spec", "template", "spec", "containers", "env").mergeKey())
        .isEqualTo("name");
    assertThat(BuiltinPatchMeta.NODE.at("status", "addresses").mergeKey()).isEqualTo("type");
    assertThat(BuiltinPatchMeta.NODE.at("spec", "podCIDRs").isSet()).isTrue();
  }
}
