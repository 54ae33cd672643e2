package io.kava.apiserver.kinds.batch;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.notSupported;
import static io.kava.apiserver.kinds.KindsTesting.required;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class CronJobStrategyTest {

    private final CronJobStrategy strategy = new CronJobStrategy();

    private static ObjectNode cronJob(String name, String fields) {
        return json("""
                {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "%s", "namespace": "default"},
                 "spec": {%s "jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "OnFailure",
                   "containers": [{"name": "hello", "image": "busybox"}]}}}}}}""".formatted(name, fields));
    }

    @Test
    void defaults() {
        ObjectNode c = create(strategy, cronJob("hello", "\"schedule\": \"*/5 * * * *\","));
        assertThat(c.at("/spec/concurrencyPolicy").asString()).isEqualTo("Allow");
        assertThat(c.at("/spec/suspend").asBoolean()).isFalse();
        assertThat(c.at("/spec/successfulJobsHistoryLimit").asInt()).isEqualTo(3);
        assertThat(c.at("/spec/failedJobsHistoryLimit").asInt()).isEqualTo(1);
        assertThat(c.at("/spec/jobTemplate/spec/template/spec/dnsPolicy").asString()).isEqualTo("ClusterFirst");
        // Job-level defaults are not applied inside a CronJob's template.
        assertThat(c.at("/spec/jobTemplate/spec/backoffLimit").isMissingNode()).isTrue();
    }

    @Test
    void scheduleAndTimeZone() {
        assertThat(createErrors(strategy, cronJob("hello", "\"schedule\": \"61 * * * *\",")))
                .containsExactly(invalid("spec.schedule",
                        "Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"));
        assertThat(createErrors(strategy, cronJob("hello", "")))
                .containsExactly(required("spec.schedule"));
        assertThat(createErrors(strategy, cronJob("hello", "\"schedule\": \"@daily\", \"timeZone\": \"Mars/Base\",")))
                .containsExactly(invalid("spec.timeZone", "Invalid value: \"Mars/Base\": unknown time zone Mars/Base"));
        assertThat(createErrors(strategy, cronJob("hello", "\"schedule\": \"@hourly\", \"timeZone\": \"Europe/Paris\","
                + " \"concurrencyPolicy\": \"Sometimes\",")))
                .containsExactly(notSupported("spec.concurrencyPolicy",
                        "Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\""));
        assertThat(createErrors(strategy, cronJob("hello", "\"schedule\": \"TZ=UTC 0 * * * *\",")))
                .containsExactly(invalid("spec.schedule", "Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or"
                        + " CRON_TZ in schedule, use timeZone field instead"));
    }

    @Test
    void nameAndJobTemplateRules() {
        assertThat(createErrors(strategy, cronJob("a".repeat(53), "\"schedule\": \"@daily\",")))
                .containsExactly(invalid("metadata.name", "Invalid value: \"" + "a".repeat(53)
                        + "\": must be no more than 52 characters"));
        ObjectNode withSelector = cronJob("hello", "\"schedule\": \"@daily\",");
        ((ObjectNode) withSelector.at("/spec/jobTemplate/spec")).putObject("selector").putObject("matchLabels")
                .put("a", "b");
        assertThat(createErrors(strategy, withSelector)).containsExactly(invalid("spec.jobTemplate.spec.selector",
                "Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"a\":\"b\"},"
                        + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated"));
    }

    @Test
    void updatesAreValidatedAgainstTheOldSpec() {
        ObjectNode old = create(strategy, cronJob("hello", "\"schedule\": \"@daily\","));
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.get("spec")).put("schedule", "0 0 * * MON-FRI");
        assertThat(updateErrors(strategy, changed, old)).isEmpty();
        ((ObjectNode) changed.get("spec")).put("schedule", "bad");
        assertThat(updateErrors(strategy, changed, old)).containsExactly(invalid("spec.schedule",
                "Invalid value: \"bad\": expected exactly 5 fields, found 1: [bad]"));
    }
}
