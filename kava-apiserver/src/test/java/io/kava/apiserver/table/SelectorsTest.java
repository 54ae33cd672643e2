package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.kava.api.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;

class SelectorsTest {

    @Test
    void requirementsAreSortedByKeyAndValuesWithin() {
        var selector = object("""
                {"matchLabels": {"tier": "web", "app": "shop"},
                 "matchExpressions": [
                   {"key": "env", "operator": "In", "values": ["prod", "dev"]},
                   {"key": "canary", "operator": "DoesNotExist"},
                   {"key": "zone", "operator": "NotIn", "values": ["b"]},
                   {"key": "gpu", "operator": "Exists"}]}""");
        assertThat(Selectors.format(selector))
                .isEqualTo("app=shop,!canary,env in (dev,prod),gpu,tier=web,zone notin (b)");
    }

    @Test
    void emptyAndAbsentSelectors() {
        assertThat(Selectors.format(Json.object())).isEqualTo("<none>");
        assertThat(Selectors.format(MissingNode.getInstance())).isEqualTo("<none>");
        assertThat(Selectors.string(Json.object())).isEmpty();
    }

    @Test
    void unknownOperators() {
        var selector = object("""
                {"matchExpressions": [{"key": "a", "operator": "Gt", "values": ["1"]}]}""");
        assertThat(Selectors.format(selector)).isEqualTo("<error>");
        assertThat(Selectors.string(selector)).isEqualTo("<invalid>");
    }

    @Test
    void labelMapsAreSortedByKey() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("b", "2");
        labels.put("a", "1");
        assertThat(Cells.labels(labels)).isEqualTo("a=1,b=2");
        assertThat(Cells.labels(Map.of())).isEqualTo("<none>");
    }
}
