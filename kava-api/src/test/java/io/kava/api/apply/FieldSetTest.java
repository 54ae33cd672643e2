package io.kava.api.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class FieldSetTest {
  static final JsonMapper JSON = JsonMapper.shared();

  /** The example of API-NOTES §6 plus a labels map written by an update. */
  static final String FIELDS_V1 = """
      {"f:metadata":{"f:labels":{".":{},"f:app":{}}},
       "f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":
         {"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""";

  static JsonNode json(String s) {
    return JSON.readTree(s);
  }

  static PathElement.Key nameKey(String name) {
    return PathElement.Key.of(Map.of("name", JsonNodeFactory.instance.stringNode(name)));
  }

  @Test
  void parsesMembersAndPrefixes() {
    FieldSet set = FieldSet.fromJson(json(FIELDS_V1));
    assertThat(set.paths()).extracting(FieldPath::toString).containsExactly(
        ".metadata.labels",
        ".metadata.labels.app",
        ".spec.replicas",
        ".spec.template.spec.containers[name=\"nginx\"]",
        ".spec.template.spec.containers[name=\"nginx\"].image",
        ".spec.template.spec.containers[name=\"nginx\"].name");
    assertThat(set.contains(FieldPath.fields("spec", "replicas"))).isTrue();
    assertThat(set.contains(FieldPath.fields("spec"))).isFalse();
    assertThat(set.contains(FieldPath.fields("metadata", "labels"))).isTrue();
    assertThat(set.size()).isEqualTo(6);
  }

  @Test
  void serializesBackToTheSameJson() {
    JsonNode original = json(FIELDS_V1);
    assertThat(FieldSet.fromJson(original).toJson()).isEqualTo(original);
    FieldSet built = FieldSet.of(FieldSet.fromJson(original).paths());
    assertThat(built.toJson()).isEqualTo(original);
    assertThat(built).isEqualTo(FieldSet.fromJson(original));
  }

  @Test
  void pathElementForms() {
    Map<String, JsonNode> key = new LinkedHashMap<>();
    key.put("protocol", JsonNodeFactory.instance.stringNode("TCP"));
    key.put("containerPort", JsonNodeFactory.instance.numberNode(80));
    PathElement.Key k = PathElement.Key.of(key);
    assertThat(k.serialize()).isEqualTo("k:{\"containerPort\":80,\"protocol\":\"TCP\"}");
    assertThat(k.toString()).isEqualTo("[containerPort=80,protocol=\"TCP\"]");
    assertThat(PathElement.parse(k.serialize())).isEqualTo(k);
    assertThat(PathElement.parse("k:{\"containerPort\":80.0,\"protocol\":\"TCP\"}")).isEqualTo(k);

    PathElement v = PathElement.parse("v:\"example.com/finalizer\"");
    assertThat(v.toString()).isEqualTo("[=\"example.com/finalizer\"]");
    assertThat(v.serialize()).isEqualTo("v:\"example.com/finalizer\"");
    assertThat(PathElement.parse("i:3").toString()).isEqualTo("[3]");
    assertThat(PathElement.parse("f:spec").toString()).isEqualTo(".spec");
    assertThat(nameKey("a<b").serialize()).isEqualTo("k:{\"name\":\"a\\u003cb\"}");
  }

  @Test
  void badElements() {
    assertThatThrownBy(() -> PathElement.parse("x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathElement.parse("q:a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathElement.parse("k:[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathElement.parse("i:x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldSet.fromJson(json("{\"f:a\":1}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setAlgebra() {
    FieldPath replicas = FieldPath.fields("spec", "replicas");
    FieldPath paused = FieldPath.fields("spec", "paused");
    FieldPath image = FieldPath.fields("spec", "template", "spec", "containers")
        .child(nameKey("nginx")).child(new PathElement.Field("image"));
    FieldSet a = FieldSet.of(replicas, image);
    FieldSet b = FieldSet.of(replicas, paused);
    assertThat(a.union(b).paths()).containsExactlyInAnyOrder(replicas, paused, image);
    assertThat(a.intersection(b).paths()).containsExactly(replicas);
    assertThat(a.difference(b).paths()).containsExactly(image);
    assertThat(a.difference(a).isEmpty()).isTrue();
    assertThat(a.withoutPrefixes(FieldSet.of(FieldPath.fields("spec", "template"))).paths())
        .containsExactly(replicas);
    assertThat(a.withoutPrefixes(FieldSet.of(FieldPath.fields("spec"))).isEmpty()).isTrue();
    assertThat(FieldSet.empty().toJson().toString()).isEqualTo("{}");
    assertThat(FieldSet.fromJson(null).isEmpty()).isTrue();
  }

  @Test
  void pathOrdering() {
    FieldSet set = FieldSet.fromJson(json(
        "{\"f:b\":{},\"f:a\":{\"i:1\":{},\"v:\\\"x\\\"\":{},\"k:{\\\"n\\\":1}\":{},\"f:z\":{}}}"));
    assertThat(set.toJson().toString()).isEqualTo(
        "{\"f:a\":{\"f:z\":{},\"k:{\\\"n\\\":1}\":{},\"v:\\\"x\\\"\":{},\"i:1\":{}},\"f:b\":{}}");
  }
}
