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

/** ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers. */
class ControllersTest {

    private static final String TEMPLATE = """
            "template": {"metadata": {"labels": {"app": "db"}},
                         "spec": {"containers": [{"name": "db", "image": "postgres:16"}]}}""";

    private static ObjectNode object(String apiVersion, String kind, String spec) {
        return json("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"db\","
                + "\"namespace\":\"default\"},\"spec\":" + spec + "}");
    }

    @Test
    void replicaSetDefaultsAndStatus() {
        var strategy = new ReplicaSetStrategy();
        ObjectNode rs = create(strategy, object("apps/v1", "ReplicaSet",
                "{\"selector\": {\"matchLabels\": {\"app\": \"db\"}}, " + TEMPLATE + "}"));
        assertThat(rs.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(rs.get("status")).isEqualTo(json("{\"replicas\": 0}"));
        assertThat(createErrors(strategy, object("apps/v1", "ReplicaSet", "{\"selector\": {}, " + TEMPLATE + "}")))
                .containsExactly(invalid("spec.selector", "Invalid value: v1.LabelSelector{MatchLabels:"
                        + "map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector"
                        + " is invalid for deployment"));
    }

    @Test
    void statefulSetDefaults() {
        ObjectNode sts = create(new StatefulSetStrategy(), object("apps/v1", "StatefulSet", """
                {"serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
                 "volumeClaimTemplates": [{"metadata": {"name": "data"},
                   "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}],
                """ + TEMPLATE + "}"));
        ObjectNode spec = ((ObjectNode) sts.get("spec")).deepCopy();
        spec.remove("template");
        assertThat(spec).isEqualTo(json("""
                {"serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
                 "volumeClaimTemplates": [{"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                   "metadata": {"name": "data"},
                   "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}},
                            "volumeMode": "Filesystem"},
                   "status": {"phase": "Pending"}}],
                 "podManagementPolicy": "OrderedReady",
                 "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}},
                 "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
                 "replicas": 1, "revisionHistoryLimit": 10}"""));
        assertThat(sts.get("status")).isEqualTo(json("{\"replicas\": 0, \"availableReplicas\": 0}"));
    }

    @Test
    void statefulSetUpdatesAreLimited() {
        var strategy = new StatefulSetStrategy();
        ObjectNode old = create(strategy, object("apps/v1", "StatefulSet",
                "{\"serviceName\": \"db\", \"selector\": {\"matchLabels\": {\"app\": \"db\"}}, " + TEMPLATE + "}"));
        ObjectNode scaled = old.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 5);
        ((ObjectNode) scaled.at("/spec/template/spec/containers/0")).put("image", "postgres:17");
        assertThat(updateErrors(strategy, scaled, old)).isEmpty();
        ObjectNode renamed = old.deepCopy();
        ((ObjectNode) renamed.get("spec")).put("serviceName", "other");
        assertThat(updateErrors(strategy, renamed, old)).containsExactly(forbidden("spec",
                "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template',"
                        + " 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and"
                        + " 'minReadySeconds' are forbidden"));
    }

    @Test
    void statefulSetPolicies() {
        assertThat(createErrors(new StatefulSetStrategy(), object("apps/v1", "StatefulSet", """
                {"podManagementPolicy": "Random", "selector": {"matchLabels": {"app": "db"}},
                 "updateStrategy": {"type": "OnDelete"}, """ + TEMPLATE + "}")))
                .containsExactly(invalid("spec.podManagementPolicy",
                        "Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"));
    }

    @Test
    void daemonSetDefaultsAndRules() {
        var strategy = new DaemonSetStrategy();
        ObjectNode ds = create(strategy, object("apps/v1", "DaemonSet",
                "{\"selector\": {\"matchLabels\": {\"app\": \"db\"}}, " + TEMPLATE + "}"));
        assertThat(ds.at("/spec/updateStrategy")).isEqualTo(json("""
                {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}}"""));
        assertThat(ds.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
        assertThat(ds.get("status")).isEqualTo(json("""
                {"currentNumberScheduled": 0, "numberMisscheduled": 0, "desiredNumberScheduled": 0,
                 "numberReady": 0}"""));
        assertThat(createErrors(strategy, object("apps/v1", "DaemonSet", """
                {"selector": {"matchLabels": {"app": "other"}},
                 "updateStrategy": {"rollingUpdate": {"maxUnavailable": 1, "maxSurge": 1}}, """ + TEMPLATE + "}")))
                .containsExactly(
                        invalid("spec.template.metadata.labels", "Invalid value: map[string]string{\"app\":\"db\"}:"
                                + " `selector` does not match template `labels`"),
                        invalid("spec.updateStrategy.rollingUpdate.maxSurge", "Invalid value: intstr.IntOrString"
                                + "{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero"));
    }

    @Test
    void replicationControllerDefaultsSelectorFromTemplate() {
        var strategy = new ReplicationControllerStrategy();
        ObjectNode rc = create(strategy, object("v1", "ReplicationController", "{" + TEMPLATE + "}"));
        assertThat(rc.at("/spec/selector")).isEqualTo(json("{\"app\": \"db\"}"));
        assertThat(rc.at("/metadata/labels")).isEqualTo(json("{\"app\": \"db\"}"));
        assertThat(rc.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(createErrors(strategy, object("v1", "ReplicationController", "{}")))
                .containsExactly(required("spec.selector"), required("spec.template"));
        assertThat(createErrors(strategy, object("v1", "ReplicationController", """
                {"selector": {"app": "db"}, "template": {"metadata": {"labels": {"app": "db"}},
                 "spec": {"restartPolicy": "OnFailure", "containers": [{"name": "db", "image": "x"}]}}}""")))
                .containsExactly(notSupported("spec.template.spec.restartPolicy",
                        "Unsupported value: \"OnFailure\": supported values: \"Always\""));
    }
}
