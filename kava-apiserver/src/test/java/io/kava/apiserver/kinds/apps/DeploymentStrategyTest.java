package io.kava.apiserver.kinds.apps;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.forbidden;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.notSupported;
import static io.kava.apiserver.kinds.KindsTesting.required;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class DeploymentStrategyTest {

    private final DeploymentStrategy strategy = new DeploymentStrategy();

    private static ObjectNode deployment(String spec) {
        return json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\","
                + "\"namespace\":\"default\"},\"spec\":" + spec + "}");
    }

    private static final String TEMPLATE = """
            "template": {"metadata": {"labels": {"app": "web"}},
                         "spec": {"containers": [{"name": "web", "image": "nginx"}]}}""";

    @Test
    void fillsDefaults() {
        ObjectNode d = create(strategy, deployment("{\"selector\": {\"matchLabels\": {\"app\": \"web\"}}, "
                + TEMPLATE + "}"));
        ObjectNode spec = ((ObjectNode) d.get("spec")).deepCopy();
        spec.remove("template");
        assertThat(spec).isEqualTo(json("""
                {"selector": {"matchLabels": {"app": "web"}}, "replicas": 1,
                 "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}},
                 "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600}"""));
        assertThat(d.at("/spec/template/spec/restartPolicy").asString()).isEqualTo("Always");
        assertThat(d.at("/spec/template/spec/containers/0/terminationMessagePolicy").asString()).isEqualTo("File");
        assertThat(d.get("status")).isEqualTo(json("{}"));
    }

    @Test
    void selectorIsRequiredAndMustMatch() {
        assertThat(createErrors(strategy, deployment("{" + TEMPLATE + "}"))).containsExactly(
                required("spec.selector"),
                invalid("spec.template.metadata.labels", "Invalid value: map[string]string{\"app\":\"web\"}:"
                        + " `selector` does not match template `labels`"));
        assertThat(createErrors(strategy, deployment("{\"selector\": {\"matchLabels\": {\"app\": \"api\"}}, "
                + TEMPLATE + "}"))).containsExactly(invalid("spec.template.metadata.labels",
                "Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"));
        assertThat(createErrors(strategy, deployment("{\"selector\": {}, " + TEMPLATE + "}"))).containsExactly(
                invalid("spec.selector", "Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil),"
                        + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for"
                        + " deployment"));
    }

    @Test
    void replicasAndTemplateRules() {
        assertThat(createErrors(strategy, deployment("""
                {"replicas": -1, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"restartPolicy": "Never", "containers": [{"name": "web", "image": "x"}]}}}""")))
                .containsExactly(
                        invalid("spec.replicas", "Invalid value: -1: must be greater than or equal to 0"),
                        notSupported("spec.template.spec.restartPolicy",
                                "Unsupported value: \"Never\": supported values: \"Always\""));
        assertThat(createErrors(strategy, deployment("""
                {"selector": {"matchLabels": {"app": "web"}}, "strategy": {"type": "Recreate", "rollingUpdate": {}},
                """ + TEMPLATE + "}"))).containsExactly(forbidden("spec.strategy.rollingUpdate",
                "Forbidden: may not be specified when strategy `type` is 'Recreate'"));
        assertThat(createErrors(strategy, deployment("""
                {"selector": {"matchLabels": {"app": "web"}},
                 "strategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": "0%"}},""" + TEMPLATE + "}")))
                .containsExactly(invalid("spec.strategy.rollingUpdate.maxUnavailable",
                        "Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when"
                                + " `maxSurge` is 0"));
    }

    @Test
    void selectorIsImmutable() {
        ObjectNode old = create(strategy, deployment("{\"selector\": {\"matchLabels\": {\"app\": \"web\"}}, "
                + TEMPLATE + "}"));
        ObjectNode scaled = old.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 3);
        assertThat(updateErrors(strategy, scaled, old)).isEmpty();
        ObjectNode moved = old.deepCopy();
        ((ObjectNode) moved.at("/spec/selector/matchLabels")).put("tier", "x");
        ((ObjectNode) moved.at("/spec/template/metadata/labels")).put("tier", "x");
        assertThat(updateErrors(strategy, moved, old)).containsExactly(invalid("spec.selector",
                "Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"tier\":\"x\"},"
                        + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"));
    }
}
