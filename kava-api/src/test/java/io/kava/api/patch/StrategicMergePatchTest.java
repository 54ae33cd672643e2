package io.kava.api.patch;

import static io.kava.api.patch.Json.assertJson;
import static io.kava.api.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Strategic merge patch on built-in kinds, with the outcomes documented in "Update API Objects in
 * Place Using kubectl patch" (kubernetes.io) and the behaviour of {@code strategicpatch}.
 */
class StrategicMergePatchTest {

  private static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"patch-demo","finalizers":["a","b"]},
       "spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},
        "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
        "template":{"metadata":{"labels":{"app":"nginx"}},
         "spec":{"containers":[{"name":"patch-demo-ctr","image":"nginx",
                                "ports":[{"containerPort":80}],
                                "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],
                 "tolerations":[{"effect":"NoSchedule","key":"dedicated","value":"test-team"}],
                 "volumes":[{"name":"data","emptyDir":{}}]}}}}""";

  private static JsonNode patch(String patch) {
    return StrategicMergePatch.apply(json(DEPLOYMENT), json(patch), BuiltinPatchMeta.DEPLOYMENT);
  }

  private static JsonNode containers(JsonNode deployment) {
    return deployment.at("/spec/template/spec/containers");
  }

  @Test
  void addingAContainerMergesByNameAndPutsItFirst() {
    JsonNode result = patch(
        "{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr-2','image':'redis'}]}}}}");
    assertThat(containers(result)).hasSize(2);
    assertThat(containers(result).get(0).get("name").stringValue()).isEqualTo("patch-demo-ctr-2");
    assertThat(containers(result).get(1).get("image").stringValue()).isEqualTo("nginx");
  }

  @Test
  void changingAnImageKeepsTheRestOfTheContainer() {
    JsonNode result = patch(
        "{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr','image':'nginx:1.27'}]}}}}");
    assertJson(containers(result), """
        [{'name':'patch-demo-ctr','image':'nginx:1.27','ports':[{'containerPort':80}],
          'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]""");
  }

  @Test
  void tolerationsAreReplaced() {
    JsonNode result = patch("{'spec':{'template':{'spec':{'tolerations':"
        + "[{'effect':'NoSchedule','key':'disktype','value':'ssd'}]}}}}");
    assertJson(result.at("/spec/template/spec/tolerations"),
        "[{'effect':'NoSchedule','key':'disktype','value':'ssd'}]");
  }

  @Test
  void strategyWithoutRetainKeysKeepsRollingUpdate() {
    JsonNode result = patch("{'spec':{'strategy':{'type':'Recreate'}}}");
    assertJson(result.at("/spec/strategy"),
        "{'type':'Recreate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}}");
  }

  @Test
  void retainKeysClearsTheOtherStrategyFields() {
    JsonNode result = patch("{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}");
    assertJson(result.at("/spec/strategy"), "{'type':'Recreate'}");
  }

  @Test
  void retainKeysMustListEveryPatchedKey() {
    assertThatThrownBy(() -> patch(
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':{}}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessage("invalid patch format of retainKeys")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(400);
  }

  @Test
  void volumeSourceSwitchWithRetainKeys() {
    JsonNode result = patch("{'spec':{'template':{'spec':{'volumes':[{'name':'data',"
        + "'hostPath':{'path':'/srv'},'$retainKeys':['hostPath','name']}]}}}}");
    assertJson(result.at("/spec/template/spec/volumes"), "[{'name':'data','hostPath':{'path':'/srv'}}]");
  }

  @Test
  void deleteAContainerWithPatchDelete() {
    JsonNode twoContainers = patch(
        "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'busybox'}]}}}}");
    JsonNode result = StrategicMergePatch.apply(twoContainers, json(
            "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'}]}}}}"),
        BuiltinPatchMeta.DEPLOYMENT);
    assertThat(containers(result)).hasSize(1);
    assertThat(containers(result).get(0).get("name").stringValue()).isEqualTo("patch-demo-ctr");
  }

  @Test
  void replaceTheWholeContainerList() {
    JsonNode result = patch("{'spec':{'template':{'spec':{'containers':"
        + "[{'$patch':'replace'},{'name':'only','image':'busybox'}]}}}}");
    assertJson(containers(result), "[{'name':'only','image':'busybox'}]");
  }

  @Test
  void replaceAMapWithPatchReplace() {
    JsonNode result = patch("{'spec':{'template':{'metadata':{'labels':{'$patch':'replace','v':'2'}}}}}");
    assertJson(result.at("/spec/template/metadata/labels"), "{'v':'2'}");
  }

  @Test
  void deleteAMapWithPatchDelete() {
    JsonNode result = patch("{'spec':{'strategy':{'$patch':'delete'}}}");
    assertJson(result.at("/spec/strategy"), "{}");
  }

  @Test
  void envMergesByNameAndNullDeletesAField() {
    JsonNode result = patch("{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr',"
        + "'env':[{'name':'B','value':'two'},{'name':'C','value':'3'}]}]}}},"
        + "'metadata':{'labels':null}}");
    assertJson(containers(result).get(0).get("env"),
        "[{'name':'A','value':'1'},{'name':'B','value':'two'},{'name':'C','value':'3'}]");
  }

  @Test
  void nullDeletesAField() {
    JsonNode result = patch("{'spec':{'replicas':null,'template':{'metadata':{'labels':{'app':null}}}}}");
    assertThat(result.at("/spec").has("replicas")).isFalse();
    assertJson(result.at("/spec/template/metadata/labels"), "{}");
  }

  @Test
  void containerPortsMergeByContainerPort() {
    JsonNode result = patch("{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr',"
        + "'ports':[{'containerPort':80,'name':'http'},{'containerPort':443}]}]}}}}");
    assertJson(containers(result).get(0).get("ports"),
        "[{'containerPort':80,'name':'http'},{'containerPort':443}]");
  }

  @Test
  void finalizersMergeAsASetAndCanBeDeleted() {
    // Patch items come in patch order; the server-only 'b' follows 'a' as it did in the live list.
    assertJson(patch("{'metadata':{'finalizers':['c','a']}}").at("/metadata/finalizers"),
        "['c','a','b']");
    assertJson(patch("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}")
        .at("/metadata/finalizers"), "['b']");
    assertJson(patch("{'metadata':{'$setElementOrder/finalizers':['b','a']}}")
        .at("/metadata/finalizers"), "['b','a']");
  }

  @Test
  void setElementOrderOrdersContainers() {
    JsonNode twoContainers = patch(
        "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'busybox'}]}}}}");
    JsonNode result = StrategicMergePatch.apply(twoContainers, json("{'spec':{'template':{'spec':{"
            + "'$setElementOrder/containers':[{'name':'patch-demo-ctr'},{'name':'sidecar'}],"
            + "'containers':[{'name':'sidecar','image':'busybox:2'}]}}}}"),
        BuiltinPatchMeta.DEPLOYMENT);
    assertThat(containers(result).get(0).get("name").stringValue()).isEqualTo("patch-demo-ctr");
    assertThat(containers(result).get(1).get("image").stringValue()).isEqualTo("busybox:2");
  }

  @Test
  void selectorIsAMapAndMerges() {
    assertJson(patch("{'spec':{'selector':{'matchLabels':{'tier':'web'}}}}").at("/spec/selector"),
        "{'matchLabels':{'app':'nginx','tier':'web'}}");
  }

  @Test
  void pdbSelectorHasReplaceStrategy() {
    JsonNode pdb = json("{'spec':{'selector':{'matchLabels':{'app':'a'}},'minAvailable':1}}");
    JsonNode result = StrategicMergePatch.apply(pdb,
        json("{'spec':{'selector':{'matchLabels':{'tier':'b'}}}}"), BuiltinPatchMeta.POD_DISRUPTION_BUDGET);
    assertJson(result, "{'spec':{'selector':{'matchLabels':{'tier':'b'}},'minAvailable':1}}");
  }

  @Test
  void servicePortsMergeByPortAndNodeTaintsAreReplaced() {
    JsonNode svc = json("{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443}]}}");
    assertJson(StrategicMergePatch.apply(svc, json("{'spec':{'ports':[{'port':443,'name':'https'}]}}"),
        BuiltinPatchMeta.SERVICE), "{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443,'name':'https'}]}}");
    JsonNode node = json("{'spec':{'taints':[{'key':'a','effect':'NoSchedule'}]}}");
    assertJson(StrategicMergePatch.apply(node, json("{'spec':{'taints':[{'key':'b','effect':'NoExecute'}]}}"),
        BuiltinPatchMeta.NODE), "{'spec':{'taints':[{'key':'b','effect':'NoExecute'}]}}");
  }

  @Test
  void statusConditionsMergeByType() {
    JsonNode pod = json("{'status':{'conditions':[{'type':'Ready','status':'False'},"
        + "{'type':'PodScheduled','status':'True'}]}}");
    JsonNode result = StrategicMergePatch.apply(pod,
        json("{'status':{'conditions':[{'type':'Ready','status':'True'}]}}"), BuiltinPatchMeta.POD);
    assertJson(result, "{'status':{'conditions':[{'type':'Ready','status':'True'},"
        + "{'type':'PodScheduled','status':'True'}]}}");
  }

  @Test
  void cronJobTemplateUsesPodSpecMetadata() {
    JsonNode cj = json("{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':"
        + "[{'name':'a','image':'x'}]}}}}}}");
    JsonNode result = StrategicMergePatch.apply(cj, json("{'spec':{'jobTemplate':{'spec':{'template':"
        + "{'spec':{'containers':[{'name':'b','image':'y'}]}}}}}}"), BuiltinPatchMeta.CRON_JOB);
    assertThat(result.at("/spec/jobTemplate/spec/template/spec/containers")).hasSize(2);
  }

  @Test
  void unknownListsAreReplacedAndUnknownMapsMerge() {
    JsonNode result = StrategicMergePatch.apply(json("{'a':[1,2],'m':{'x':1}}"),
        json("{'a':[3],'m':{'y':2}}"), BuiltinPatchMeta.GENERIC);
    assertJson(result, "{'a':[3],'m':{'x':1,'y':2}}");
  }

  @Test
  void leftoverDirectivesAndNullsAreNotStored() {
    JsonNode result = patch("{'spec':{'template':{'spec':{'containers':[{'name':'new','image':'x',"
        + "'env':[{'name':'E','value':null}],'$setElementOrder/env':[{'name':'E'}]}],"
        + "'tolerations':[{'key':'k','value':null}]}}},'newField':{'a':null,'b':{'$patch':'delete'},'c':1}}");
    assertJson(containers(result).get(0), "{'name':'new','image':'x','env':[{'name':'E'}]}");
    assertJson(result.at("/spec/template/spec/tolerations"), "[{'key':'k'}]");
    assertJson(result.get("newField"), "{'c':1}");
  }

  @Test
  void patchMergeDirectiveIsRejectedLikeKubernetes() {
    assertThatThrownBy(() -> patch("{'spec':{'strategy':{'$patch':'merge'}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessage("unknown patch type: merge in map: map[$patch:merge]")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(500);
    assertThatThrownBy(() -> patch(
            "{'spec':{'template':{'spec':{'containers':[{'$patch':'merge'}]}}}}"))
        .hasMessage("merging lists cannot yet be specified in the patch");
  }

  @Test
  void missingMergeKey() {
    assertThatThrownBy(() -> patch("{'spec':{'template':{'spec':{'containers':[{'image':'x'}]}}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessage("map: map[image:x] does not contain declared merge key: name")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(500);
  }

  @Test
  void listsOfListsAre422() {
    assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'metadata':{'finalizers':[['a']]}}"),
            json("{'metadata':{'finalizers':[['b']]}}"), BuiltinPatchMeta.GENERIC))
        .hasMessage("lists of lists are not supported")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(422);
  }

  @Test
  void nonObjectsAre400() {
    assertThatThrownBy(() -> StrategicMergePatch.apply(json("{}"), json("[]"), BuiltinPatchMeta.POD))
        .hasMessage("invalid JSON document")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(400);
    assertThatThrownBy(() -> StrategicMergePatch.apply(json("{}"),
            json("{'$setElementOrderX/a':[]}"), BuiltinPatchMeta.POD))
        .hasMessage("invalid patch format of setElementOrder list");
    assertThatThrownBy(() -> StrategicMergePatch.apply(json("{}"),
            json("{'$deleteFromPrimitiveListX':[]}"), BuiltinPatchMeta.POD))
        .hasMessage("invalid patch format of primitive list");
  }

  @Test
  void inputsAreNotModified() {
    JsonNode original = json(DEPLOYMENT);
    JsonNode p = json("{'spec':{'replicas':5,'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}");
    JsonNode pCopy = p.deepCopy();
    StrategicMergePatch.apply(original, p, BuiltinPatchMeta.DEPLOYMENT);
    assertJson(original, DEPLOYMENT);
    assertThat(p).isEqualTo(pCopy);
  }

  @Test
  void nullOriginalIsEmpty() {
    assertJson(StrategicMergePatch.apply(null, json("{'a':{'b':null,'c':1}}"), null), "{'a':{'c':1}}");
  }
}
