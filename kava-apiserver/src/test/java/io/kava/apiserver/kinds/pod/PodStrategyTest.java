package io.kava.apiserver.kinds.pod;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.duplicate;
import static io.kava.apiserver.kinds.KindsTesting.forbidden;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.notSupported;
import static io.kava.apiserver.kinds.KindsTesting.required;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.node.ObjectNode;

class PodStrategyTest {

    private final PodStrategy strategy = new PodStrategy();

    private static ObjectNode pod(String spec) {
        return json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},"
                + "\"spec\":" + spec + "}");
    }

    @Test
    void fillsKubernetesDefaults() {
        ObjectNode pod = create(strategy, pod("""
                {"containers": [{"name": "web", "image": "nginx",
                  "ports": [{"containerPort": 80}],
                  "env": [{"name": "NODE", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}],
                  "livenessProbe": {"httpGet": {"port": 80}},
                  "resources": {"limits": {"cpu": "0.5", "memory": "1024Mi"}}}],
                 "volumes": [{"name": "scratch"}, {"name": "cfg", "configMap": {"name": "cfg"}}]}"""));
        assertThat(pod).isEqualTo(json("""
                {"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "web", "namespace": "default", "uid": "%s"},
                 "spec": {
                   "containers": [{"name": "web", "image": "nginx", "imagePullPolicy": "Always",
                     "ports": [{"containerPort": 80, "protocol": "TCP"}],
                     "env": [{"name": "NODE", "valueFrom": {"fieldRef": {"apiVersion": "v1",
                       "fieldPath": "spec.nodeName"}}}],
                     "livenessProbe": {"httpGet": {"port": 80, "path": "/", "scheme": "HTTP"}, "timeoutSeconds": 1,
                       "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3},
                     "resources": {"limits": {"cpu": "500m", "memory": "1Gi"},
                                   "requests": {"cpu": "500m", "memory": "1Gi"}},
                     "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"}],
                   "volumes": [{"name": "scratch", "emptyDir": {}},
                               {"name": "cfg", "configMap": {"name": "cfg", "defaultMode": 420}}],
                   "dnsPolicy": "ClusterFirst", "restartPolicy": "Always", "securityContext": {},
                   "terminationGracePeriodSeconds": 30, "schedulerName": "default-scheduler",
                   "enableServiceLinks": true},
                 "status": {"phase": "Pending", "qosClass": "Guaranteed"}}"""
                .formatted(pod.get("metadata").get("uid").asString())));
    }

    @Test
    void pullPolicyFollowsTheTag() {
        assertThat(Containers.imageTag("nginx")).isEqualTo("latest");
        assertThat(Containers.imageTag("nginx:latest")).isEqualTo("latest");
        assertThat(Containers.imageTag("registry:5000/team/app:1.2")).isEqualTo("1.2");
        assertThat(Containers.imageTag("registry:5000/team/app")).isEqualTo("latest");
        assertThat(Containers.imageTag("app@sha256:abcd")).isEmpty();
        ObjectNode pod = create(strategy, pod("{\"containers\": [{\"name\": \"a\", \"image\": \"nginx:1.27\"}]}"));
        assertThat(pod.at("/spec/containers/0/imagePullPolicy").asString()).isEqualTo("IfNotPresent");
    }

    @Test
    void qosClasses() {
        assertThat(create(strategy, pod("{\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}"))
                .at("/status/qosClass").asString()).isEqualTo("BestEffort");
        assertThat(create(strategy, pod("""
                {"containers": [{"name": "a", "image": "x", "resources": {"requests": {"cpu": "100m"}}}]}"""))
                .at("/status/qosClass").asString()).isEqualTo("Burstable");
        assertThat(create(strategy, pod("""
                {"containers": [{"name": "a", "image": "x", "resources": {"limits": {"cpu": "1", "memory": "1Gi"}}},
                                {"name": "b", "image": "x", "resources": {"limits": {"cpu": "1"}}}]}"""))
                .at("/status/qosClass").asString()).isEqualTo("Burstable");
    }

    @Test
    void reportsContainerErrors() {
        assertThat(createErrors(strategy, pod("{\"containers\": []}")))
                .containsExactly(required("spec.containers"));
        assertThat(createErrors(strategy, pod("""
                {"containers": [{"name": "web"}, {"name": "web", "image": "x",
                  "ports": [{"containerPort": 70000, "protocol": "HTTP"}]}],
                 "initContainers": [{"name": "web", "image": "x"}]}""")))
                .containsExactly(
                        required("spec.containers[0].image"),
                        invalid("spec.containers[1].ports[0].containerPort",
                                "Invalid value: 70000: must be between 1 and 65535, inclusive"),
                        notSupported("spec.containers[1].ports[0].protocol",
                                "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
                        duplicate("spec.containers[1].name", "Duplicate value: \"web\""),
                        duplicate("spec.initContainers[0].name", "Duplicate value: \"web\""));
    }

    @Test
    void reportsSpecErrors() {
        assertThat(createErrors(strategy, pod("""
                {"restartPolicy": "Sometimes",
                 "containers": [{"name": "Web", "image": "x", "env": [{"name": ""}, {"name": "A=B"}],
                   "volumeMounts": [{"name": "data", "mountPath": "/data"}]}],
                 "volumes": [{"name": "v"}, {"name": "v"},
                             {"name": "both", "emptyDir": {}, "hostPath": {"path": "/"}}]}""")))
                .containsExactly(
                        duplicate("spec.volumes[1].name", "Duplicate value: \"v\""),
                        forbidden("spec.volumes[2].hostPath", "Forbidden: may not specify more than 1 volume type"),
                        invalid("spec.containers[0].name", "Invalid value: \"Web\": a lowercase RFC 1123 label must"
                                + " consist of lower case alphanumeric characters or '-', and must start and end"
                                + " with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for"
                                + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"),
                        required("spec.containers[0].env[0].name"),
                        invalid("spec.containers[0].env[1].name", "Invalid value: \"A=B\": a valid environment"
                                + " variable name must consist only of printable ASCII characters other than '='"),
                        new io.kava.apiserver.kinds.KindsTesting.Cause("FieldValueNotFound",
                                "spec.containers[0].volumeMounts[0].name", "Not found: \"data\""),
                        notSupported("spec.restartPolicy", "Unsupported value: \"Sometimes\": supported values:"
                                + " \"Always\", \"OnFailure\", \"Never\""));
    }

    @Test
    void checksResourceQuantities() {
        assertThat(createErrors(strategy, pod("""
                {"containers": [{"name": "a", "image": "x",
                  "resources": {"limits": {"cpu": "1"}, "requests": {"cpu": "1500m", "gpu": "1"}}}]}""")))
                .containsExactly(
                        invalid("spec.containers[0].resources.requests",
                                "Invalid value: \"1500m\": must be less than or equal to cpu limit of 1"),
                        invalid("spec.containers[0].resources.requests[gpu]",
                                "Invalid value: \"gpu\": must be a standard resource for containers"));
        assertThatThrownBy(() -> createErrors(strategy, pod("""
                {"containers": [{"name": "a", "image": "x", "resources": {"limits": {"cpu": "lots"}}}]}""")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Pod in version \"v1\" cannot be handled as a Pod: quantities"
                            + " must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
                });
    }

    @Test
    void updatesMayOnlyChangeImagesDeadlineAndTolerations() {
        ObjectNode old = create(strategy, pod("""
                {"containers": [{"name": "a", "image": "x:1"}],
                 "tolerations": [{"key": "k", "operator": "Exists", "effect": "NoExecute",
                                  "tolerationSeconds": 5}]}"""));
        ObjectNode ok = old.deepCopy();
        ((ObjectNode) ok.at("/spec/containers/0")).put("image", "x:2");
        ((ObjectNode) ok.at("/spec/tolerations/0")).put("tolerationSeconds", 1);
        ((ObjectNode) ok.get("spec")).withArray("tolerations").addObject().put("key", "other").put("operator",
                "Exists");
        ((ObjectNode) ok.get("spec")).put("activeDeadlineSeconds", 60);
        assertThat(updateErrors(strategy, ok, old)).isEmpty();

        ObjectNode bad = old.deepCopy();
        ((ObjectNode) bad.at("/spec/containers/0")).putArray("ports").addObject().put("containerPort", 80);
        var errors = updateErrors(strategy, bad, old);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().field()).isEqualTo("spec");
        assertThat(errors.getFirst().reason()).isEqualTo("FieldValueForbidden");
        assertThat(errors.getFirst().message()).startsWith("Forbidden: pod updates may not change fields other than"
                + " `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                + "`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds`"
                + " (allow it to be set to 1 if it was previously negative)\n")
                .contains("+ spec.containers[0].ports:");

        ObjectNode removed = old.deepCopy();
        ((ObjectNode) removed.get("spec")).remove("tolerations");
        assertThat(updateErrors(strategy, removed, old)).containsExactly(forbidden("spec.tolerations",
                "Forbidden: existing toleration can not be modified except its tolerationSeconds"));

        ObjectNode added = old.deepCopy();
        ((ObjectNode) added.get("spec")).withArray("containers").addObject().put("name", "b").put("image", "y");
        assertThat(updateErrors(strategy, added, old)).contains(forbidden("spec.containers",
                "Forbidden: pod updates may not add or remove containers"));
    }

    @Test
    void unchangedUpdateIsValidAndStatusSurvives() {
        ObjectNode old = create(strategy, pod("{\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}"));
        ObjectNode same = pod("{\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}");
        assertThat(updateErrors(strategy, same, old)).isEmpty();
        ((ObjectNode) same.get("metadata")).remove("resourceVersion");
        assertThat(same).isEqualTo(old);
    }

    @Test
    void gracePeriodForBoundPods() {
        ObjectNode unbound = create(strategy, pod("{\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}"));
        assertThat(strategy.gracePeriodSeconds(unbound, null)).isZero();
        assertThat(strategy.gracePeriodSeconds(unbound, 10L)).isZero();

        ObjectNode bound = create(strategy, pod("""
                {"nodeName": "n1", "terminationGracePeriodSeconds": 45,
                 "containers": [{"name": "a", "image": "x"}]}"""));
        assertThat(strategy.gracePeriodSeconds(bound, null)).isEqualTo(45);
        assertThat(strategy.gracePeriodSeconds(bound, 5L)).isEqualTo(5);
        assertThat(strategy.gracePeriodSeconds(bound, 0L)).isZero();
        assertThat(strategy.gracePeriodSeconds(bound, -3L)).isEqualTo(1);
        ((ObjectNode) bound.get("status")).put("phase", "Succeeded");
        assertThat(strategy.gracePeriodSeconds(bound, null)).isZero();

        ObjectNode defaulted = create(strategy, pod("{\"nodeName\": \"n1\", \"containers\": [{\"name\": \"a\","
                + " \"image\": \"x\"}]}"));
        assertThat(strategy.gracePeriodSeconds(defaulted, null)).isEqualTo(30);
    }

    @Test
    void podsDoNotTrackGeneration() {
        assertThat(strategy.tracksGeneration()).isFalse();
    }
}
