package io.kava.api.apply;

import static io.kava.api.apply.FieldSetTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kava.api.patch.BuiltinPatchMeta;
import io.kava.api.patch.PatchMeta;
import org.junit.jupiter.api.Test;

/** The field set of an applied configuration ({@code ToFieldSet}). */
class FieldSetsTest {

  @Test
  void deploymentConfiguration() {
    FieldSet set = FieldSets.of(json("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","labels":{"app":"web"}},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web"}},
           "spec":{"containers":[{"name":"nginx","image":"nginx:1.27",
             "ports":[{"containerPort":80}],"args":["-g","daemon off;"]}]}}}}"""),
        BuiltinPatchMeta.DEPLOYMENT);
    assertThat(set.difference(FieldManager.UNTRACKED).toJson()).isEqualTo(json("""
        {"f:metadata":{"f:labels":{"f:app":{}}},
         "f:spec":{"f:replicas":{},"f:selector":{},
          "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
           "f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:args":{},"f:image":{},
             "f:name":{},"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},
             "f:containerPort":{}}}}}}}}}"""));
  }

  @Test
  void setsNullsEmptyMapsAndAtomicItems() {
    FieldSet set = FieldSets.of(json("""
        {"metadata":{"finalizers":["a","b"],"annotations":{},
          "ownerReferences":[{"uid":"u1","kind":"ReplicaSet","name":"rs"}]},
         "spec":{"nodeSelector":{"disk":"ssd"},"tolerations":[],"hostname":null}}"""),
        BuiltinPatchMeta.POD);
    assertThat(set.toJson()).isEqualTo(json("""
        {"f:metadata":{"f:annotations":{},"f:finalizers":{"v:\\"a\\"":{},"v:\\"b\\"":{}},
          "f:ownerReferences":{"k:{\\"uid\\":\\"u1\\"}":{}}},
         "f:spec":{"f:hostname":{},"f:nodeSelector":{},"f:tolerations":{}}}"""));
  }

  @Test
  void missingKeyWithoutDefault() {
    assertThatThrownBy(() -> FieldSets.of(json("{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}"),
            BuiltinPatchMeta.POD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(".spec.containers: associative list with keys has an element that omits key"
            + " field \"name\" (and doesn't have default value)");
  }

  @Test
  void duplicatesAreOwnedAsAWhole() {
    FieldSet set = FieldSets.of(json("{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"A\",\"value\":\"2\"}]}"),
        PatchMeta.struct("x").field("env", PatchMeta.mergeList("name", PatchMeta.struct("EnvVar").build())).build());
    assertThat(set.toJson()).isEqualTo(json("{\"f:env\":{\"k:{\\\"name\\\":\\\"A\\\"}\":{}}}"));
  }
}
