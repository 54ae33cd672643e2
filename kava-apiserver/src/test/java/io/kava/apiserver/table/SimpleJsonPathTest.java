package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SimpleJsonPathTest {

    private static final ObjectNode NODE = object("""
            {"metadata": {"name": "n1", "labels": {"topology.kubernetes.io/zone": "eu-1a"}},
             "status": {"conditions": [{"type": "MemoryPressure", "status": "False", "priority": 1},
                                       {"type": "Ready", "status": "True", "priority": 2}],
                        "empty": null}}""");

    @Test
    void supportedForms() {
        assertThat(eval(".metadata.name").asString()).isEqualTo("n1");
        assertThat(eval("{.metadata.name}").asString()).isEqualTo("n1");
        assertThat(eval("metadata.name").asString()).isEqualTo("n1");
        assertThat(eval(".status.conditions[1].type").asString()).isEqualTo("Ready");
        assertThat(eval(".status.conditions[-2].type").asString()).isEqualTo("MemoryPressure");
        assertThat(eval(".status.conditions[*].status").asString()).isEqualTo("False");
        assertThat(eval(".status.conditions[?(@.type==\"Ready\")].status").asString()).isEqualTo("True");
        assertThat(eval(".status.conditions[?(@.type == 'Ready')].status").asString()).isEqualTo("True");
        assertThat(eval(".status.conditions[?(@.type!=\"Ready\")].type").asString()).isEqualTo("MemoryPressure");
        assertThat(eval(".status.conditions[?(@.priority==2)].type").asString()).isEqualTo("Ready");
        assertThat(eval(".metadata.labels['topology.kubernetes.io/zone']").asString()).isEqualTo("eu-1a");
        assertThat(eval(".metadata.labels[\"topology.kubernetes.io/zone\"]").asString()).isEqualTo("eu-1a");
        assertThat(eval(".status.empty").isNull()).isTrue();
    }

    @Test
    void missingValues() {
        assertThat(eval(".spec.replicas")).isNull();
        assertThat(eval(".status.conditions[5].type")).isNull();
        assertThat(eval(".metadata.name[0]")).isNull();
        assertThat(eval(".status.conditions[?(@.type==\"Gone\")].status")).isNull();
    }

    @Test
    void unsupportedSyntax() {
        assertThat(SimpleJsonPath.parse("..name")).isNull();
        assertThat(SimpleJsonPath.parse(".items[0:2]")).isNull();
        assertThat(SimpleJsonPath.parse(".a[?(@.b>1)]")).isNull();
    }

    private static JsonNode eval(String path) {
        return SimpleJsonPath.parse(path).first(NODE);
    }
}
