package io.kava.apiserver.kinds.pod;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.required;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class PodTemplateStrategyTest {

    private final PodTemplateStrategy strategy = new PodTemplateStrategy();

    private static ObjectNode template(String containers) {
        return json("""
                {"apiVersion": "v1", "kind": "PodTemplate", "metadata": {"name": "t", "namespace": "default"},
                 "template": {"metadata": {"labels": {"app": "t"}}, "spec": {"containers": %s}}}"""
                .formatted(containers));
    }

    @Test
    void templatesGetSpecDefaultsButNotPodOnlyOnes() {
        ObjectNode t = create(strategy, template("""
                [{"name": "a", "image": "x", "resources": {"limits": {"cpu": "1"}}}]"""));
        assertThat(t.at("/template/spec/dnsPolicy").asString()).isEqualTo("ClusterFirst");
        assertThat(t.at("/template/spec/enableServiceLinks").isMissingNode()).isTrue();
        assertThat(t.at("/template/spec/containers/0/resources/requests").isMissingNode()).isTrue();
        assertThat(t.at("/metadata/generation").asInt()).isEqualTo(1);
    }

    @Test
    void errorsUseTemplatePaths() {
        assertThat(createErrors(strategy, template("[{\"name\": \"a\"}]")))
                .containsExactly(required("template.spec.containers[0].image"));
    }

    @Test
    void generationCountsTemplateChanges() {
        ObjectNode old = create(strategy, template("[{\"name\": \"a\", \"image\": \"x\"}]"));
        ObjectNode same = template("[{\"name\": \"a\", \"image\": \"x\"}]");
        ((ObjectNode) same.get("metadata")).put("generation", 1);
        assertThat(updateErrors(strategy, same, old)).isEmpty();
        assertThat(same.at("/metadata/generation").asInt()).isEqualTo(1);
        ObjectNode changed = template("[{\"name\": \"a\", \"image\": \"y\"}]");
        assertThat(updateErrors(strategy, changed, old)).isEmpty();
        assertThat(changed.at("/metadata/generation").asInt()).isEqualTo(2);
    }
}
