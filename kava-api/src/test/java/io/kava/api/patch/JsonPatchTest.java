package io.kava.api.patch;

import static io.kava.api.patch.Json.assertJson;
import static io.kava.api.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** RFC 6902 Appendix A examples, plus the Kubernetes-specific behaviour. */
class JsonPatchTest {

  private static JsonNode apply(String doc, String patch) {
    return JsonPatch.apply(json(doc), json(patch));
  }

  @Test
  void a1AddObjectMember() {
    assertJson(apply("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]"),
        "{'baz':'qux','foo':'bar'}");
  }

  @Test
  void a2AddArrayElement() {
    assertJson(apply("{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]"),
        "{'foo':['bar','qux','baz']}");
  }

  @Test
  void a3RemoveObjectMember() {
    assertJson(apply("{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]"),
        "{'foo':'bar'}");
  }

  @Test
  void a4RemoveArrayElement() {
    assertJson(apply("{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]"),
        "{'foo':['bar','baz']}");
  }

  @Test
  void a5ReplaceValue() {
    assertJson(apply("{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]"),
        "{'baz':'boo','foo':'bar'}");
  }

  @Test
  void a6MoveValue() {
    assertJson(apply("{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
            "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]"),
        "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}");
  }

  @Test
  void a7MoveArrayElement() {
    assertJson(apply("{'foo':['all','grass','cows','eat']}",
            "[{'op':'move','from':'/foo/1','path':'/foo/3'}]"),
        "{'foo':['all','cows','eat','grass']}");
  }

  @Test
  void a8TestSuccess() {
    assertJson(apply("{'baz':'qux','foo':['a',2,'c']}",
            "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]"),
        "{'baz':'qux','foo':['a',2,'c']}");
  }

  @Test
  void a9TestError() {
    assertThatThrownBy(() -> apply("{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("test failed")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(422);
  }

  @Test
  void a10AddNestedMemberObject() {
    assertJson(apply("{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]"),
        "{'foo':'bar','child':{'grandchild':{}}}");
  }

  @Test
  void a11IgnoreUnrecognizedElements() {
    assertJson(apply("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]"),
        "{'foo':'bar','baz':'qux'}");
  }

  @Test
  void a12AddToNonexistentTarget() {
    assertThatThrownBy(() -> apply("{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]"))
        .isInstanceOf(PatchException.class)
        .hasMessage("JSON patch operation 0 (add /baz/bat): path \"/baz\" does not exist");
  }

  @Test
  void a14TildeEscapeOrdering() {
    assertJson(apply("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]"),
        "{'/':9,'~1':10}");
  }

  @Test
  void a15StringsAndNumbersDiffer() {
    assertThatThrownBy(() -> apply("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]"))
        .isInstanceOf(PatchException.class);
  }

  @Test
  void a16AddArrayValue() {
    assertJson(apply("{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]"),
        "{'foo':['bar',['abc','def']]}");
  }

  @Test
  void slashEscapeInPath() {
    assertJson(apply("{'metadata':{'labels':{'app.kubernetes.io/name':'x'}}}",
            "[{'op':'replace','path':'/metadata/labels/app.kubernetes.io~1name','value':'y'}]"),
        "{'metadata':{'labels':{'app.kubernetes.io/name':'y'}}}");
  }

  @Test
  void replaceAndAddRoot() {
    assertJson(apply("{'a':1}", "[{'op':'replace','path':'','value':{'b':2}}]"), "{'b':2}");
    assertJson(apply("{'a':1}", "[{'op':'add','path':'','value':[1]}]"), "[1]");
  }

  @Test
  void copyDeepCopies() {
    assertJson(apply("{'a':{'x':1}}",
            "[{'op':'copy','from':'/a','path':'/b'},{'op':'replace','path':'/b/x','value':2}]"),
        "{'a':{'x':1},'b':{'x':2}}");
  }

  @Test
  void testNumbersByValue() {
    assertJson(apply("{'n':1}", "[{'op':'test','path':'/n','value':1.0}]"), "{'n':1}");
    assertJson(apply("{'o':{'a':1,'b':[1,2]}}", "[{'op':'test','path':'/o','value':{'b':[1,2],'a':1}}]"),
        "{'o':{'a':1,'b':[1,2]}}");
  }

  @Test
  void negativeIndicesCountFromTheEndAsInKubernetes() {
    assertJson(apply("{'a':[1,2,3]}", "[{'op':'remove','path':'/a/-1'}]"), "{'a':[1,2]}");
    assertJson(apply("{'a':[1,2,3]}", "[{'op':'replace','path':'/a/-3','value':0}]"), "{'a':[0,2,3]}");
    assertJson(apply("{'a':[1,2]}", "[{'op':'add','path':'/a/-1','value':9}]"), "{'a':[1,2,9]}");
  }

  @Test
  void indexOutOfBounds() {
    assertThatThrownBy(() -> apply("{'a':[1]}", "[{'op':'add','path':'/a/5','value':1}]"))
        .hasMessageContaining("out of bounds");
    assertThatThrownBy(() -> apply("{'a':[1]}", "[{'op':'remove','path':'/a/1'}]"))
        .hasMessageContaining("out of bounds");
    assertThatThrownBy(() -> apply("{'a':[1]}", "[{'op':'remove','path':'/a/x'}]"))
        .hasMessageContaining("not a valid array index");
    assertThatThrownBy(() -> apply("{'a':[1]}", "[{'op':'replace','path':'/a/-','value':1}]"))
        .hasMessageContaining("not a valid array index");
  }

  @Test
  void removeAndReplaceNeedAnExistingTarget() {
    assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'remove','path':'/b'}]"))
        .hasMessage("JSON patch operation 0 (remove /b): path \"/b\" does not exist");
    assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'replace','path':'/b','value':1}]"))
        .hasMessage("JSON patch operation 0 (replace /b): path \"/b\" does not exist");
    assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'move','from':'/x','path':'/b'}]"))
        .hasMessageContaining("\"/x\" does not exist");
  }

  @Test
  void moveIntoOwnChildIsRejected() {
    assertThatThrownBy(() -> apply("{'a':{'b':1}}", "[{'op':'move','from':'/a','path':'/a/b/c'}]"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("into its own child");
    assertJson(apply("{'a':{'b':1}}", "[{'op':'move','from':'/a','path':'/a'}]"), "{'a':{'b':1}}");
  }

  @Test
  void allOrNothing() {
    JsonNode doc = json("{'a':1}");
    assertThatThrownBy(() -> JsonPatch.apply(doc,
        json("[{'op':'replace','path':'/a','value':2},{'op':'test','path':'/a','value':3}]")));
    assertJson(doc, "{'a':1}");
  }

  @Test
  void malformedPatchesAre400() {
    assertCode("{}", 400);
    assertCode("[1]", 400);
    assertCode("[{'path':'/a'}]", 400);
    assertCode("[{'op':'frob','path':'/a'}]", 400);
    assertCode("[{'op':'add','path':'/a'}]", 400);
    assertCode("[{'op':'move','path':'/a'}]", 400);
    assertCode("[{'op':'add','path':'a','value':1}]", 400);
    assertCode("[{'op':'add','path':'/a~2','value':1}]", 400);
    assertThatThrownBy(() -> JsonPatch.parse(json("[{'op':'frob','path':'/a'}]")))
        .hasMessage("JSON patch operation 0 has unknown op \"frob\"");
  }

  @Test
  void explicitNullValueIsAValue() {
    assertJson(apply("{'a':1}", "[{'op':'add','path':'/b','value':null}]"), "{'a':1,'b':null}");
  }

  @Test
  void tooManyOperationsIs413() {
    var ops = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      ops.add(json("{'op':'test','path':'','value':{}}"));
    }
    assertThatThrownBy(() -> JsonPatch.parse(ops))
        .isInstanceOf(PatchException.class)
        .hasMessage("The allowed maximum operations in a JSON patch is 10000, got 10001")
        .extracting(e -> ((PatchException) e).code()).isEqualTo(413);
    assertThat(JsonPatch.parse(json("[]")).size()).isZero();
  }

  private static void assertCode(String patch, int code) {
    assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), json(patch)))
        .isInstanceOf(PatchException.class)
        .extracting(e -> ((PatchException) e).code()).isEqualTo(code);
  }
}
