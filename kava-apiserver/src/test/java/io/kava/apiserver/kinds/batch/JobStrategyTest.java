package io.kava.apiserver.kinds.batch;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kava.apiserver.kinds.KindsTesting.Cause;
import tools.jackson.databind.node.ObjectNode;

class JobStrategyTest {

    private static final String UID = "0f6b1d6e-2c1b-4f0e-9f7a-1b2c3d4e5f60";
    private final JobStrategy strategy = new JobStrategy();

    private static ObjectNode job(String spec) {
        return json("{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"pi\",\"namespace\":"
                + "\"default\",\"uid\":\"" + UID + "\"},\"spec\":" + spec + "}");
    }

    private static final String TEMPLATE = """
            "template": {"spec": {"restartPolicy": "Never",
                                  "containers": [{"name": "pi", "image": "perl:5.34"}]}}""";

    @Test
    void defaultsAndGeneratedSelector() {
        ObjectNode j = create(strategy, job("{" + TEMPLATE + "}"));
        ObjectNode spec = ((ObjectNode) j.get("spec")).deepCopy();
        spec.remove("template");
        assertThat(spec).isEqualTo(json("""
                {"completions": 1, "parallelism": 1, "backoffLimit": 6, "completionMode": "NonIndexed",
                 "suspend": false, "podReplacementPolicy": "TerminatingOrFailed", "manualSelector": false,
                 "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "%s"}}}""".formatted(UID)));
        ObjectNode labels = json("""
                {"job-name": "pi", "batch.kubernetes.io/job-name": "pi", "controller-uid": "%s",
                 "batch.kubernetes.io/controller-uid": "%s"}""".formatted(UID, UID));
        assertThat(j.at("/spec/template/metadata/labels")).isEqualTo(labels);
        assertThat(j.at("/metadata/labels")).isEqualTo(labels);
        assertThat(j.get("status")).isEqualTo(json("{}"));
    }

    @Test
    void userTemplateLabelsLabelTheJob() {
        ObjectNode j = create(strategy, job("""
                {"template": {"metadata": {"labels": {"app": "pi"}},
                 "spec": {"restartPolicy": "OnFailure", "containers": [{"name": "pi", "image": "perl"}]}}}"""));
        assertThat(j.at("/metadata/labels")).isEqualTo(json("{\"app\": \"pi\"}"));
        assertThat(j.at("/spec/template/metadata/labels/app").asString()).isEqualTo("pi");
    }

    @Test
    void restartPolicyMustBeOnFailureOrNever() {
        assertThat(createErrors(strategy, job("""
                {"template": {"spec": {"containers": [{"name": "pi", "image": "perl"}]}}}""")))
                .containsExactly(new Cause("FieldValueRequired", "spec.template.spec.restartPolicy",
                        "Required value: valid values: \"OnFailure\", \"Never\""));
    }

    @Test
    void userSelectorWithoutManualSelectorIsRejected() {
        var errors = createErrors(strategy, job("{\"selector\": {\"matchLabels\": {\"app\": \"pi\"}}, "
                + TEMPLATE + "}"));
        assertThat(errors).extracting(Cause::field).contains("spec.selector");
        assertThat(errors.getFirst().message()).endsWith("`selector` not auto-generated");
    }

    @Test
    void manualSelectorMustMatchTemplate() {
        assertThat(createErrors(strategy, job("""
                {"manualSelector": true, "selector": {"matchLabels": {"app": "pi"}},
                 "template": {"metadata": {"labels": {"app": "other"}},
                  "spec": {"restartPolicy": "Never", "containers": [{"name": "pi", "image": "perl"}]}}}""")))
                .containsExactly(invalid("spec.template.metadata.labels", "Invalid value:"
                        + " map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`"));
    }

    @Test
    void templateIsImmutable() {
        ObjectNode old = create(strategy, job("{" + TEMPLATE + "}"));
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/template/spec/containers/0")).put("image", "perl:5.36");
        var errors = updateErrors(strategy, changed, old);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().field()).isEqualTo("spec.template");
        assertThat(errors.getFirst().message()).startsWith("Invalid value: core.PodTemplateSpec{")
                .endsWith(": field is immutable");

        ObjectNode completions = old.deepCopy();
        ((ObjectNode) completions.get("spec")).put("completions", 3);
        assertThat(updateErrors(strategy, completions, old)).containsExactly(
                invalid("spec.completions", "Invalid value: 3: field is immutable"));

        ObjectNode parallel = old.deepCopy();
        ((ObjectNode) parallel.get("spec")).put("parallelism", 4);
        ((ObjectNode) parallel.get("spec")).put("suspend", true);
        assertThat(updateErrors(strategy, parallel, old)).isEmpty();
    }

    @Test
    void indexedJobsScaleCompletionsWithParallelism() {
        ObjectNode old = create(strategy, job("{\"completionMode\": \"Indexed\", \"completions\": 2,"
                + " \"parallelism\": 2, " + TEMPLATE + "}"));
        ObjectNode scaled = old.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("completions", 4).put("parallelism", 4);
        assertThat(updateErrors(strategy, scaled, old)).isEmpty();
        ObjectNode lopsided = old.deepCopy();
        ((ObjectNode) lopsided.get("spec")).put("completions", 4);
        assertThat(updateErrors(strategy, lopsided, old)).containsExactly(invalid("spec.completions",
                "Invalid value: 4: can only be modified in tandem with spec.parallelism"));
    }

    @Test
    void suspendedJobsMayChangeSchedulingDirectives() {
        ObjectNode old = create(strategy, job("{\"suspend\": true, " + TEMPLATE + "}"));
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/template/spec")).putObject("nodeSelector").put("disk", "ssd");
        assertThat(updateErrors(strategy, changed, old)).isEmpty();
    }
}
