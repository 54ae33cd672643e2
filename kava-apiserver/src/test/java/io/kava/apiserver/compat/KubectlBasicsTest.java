package io.kava.apiserver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kava.apiserver.testing.TestApiServer;

/** The real kubectl against kava's API server: discovery, CRUD, output formats, selectors, errors. */
class KubectlBasicsTest {

    private static TestApiServer api;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApiServer();
        kubectl = Kubectl.forConfig(api.kubeconfig());
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void versionParsesTheServerVersion() throws Exception {
        var result = kubectl.run("version", "-o", "json").ok();
        assertThat(result.out()).contains("\"gitVersion\": \"v1.33.0\"");
    }

    @Test
    void apiResourcesListsBuiltinKindsWithShortNames() throws Exception {
        var result = kubectl.run("api-resources").ok();
        assertThat(result.out()).containsPattern("pods\\s+po\\s+v1\\s+true\\s+Pod");
        assertThat(result.out()).containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment");
        assertThat(result.out()).containsPattern("customresourcedefinitions\\s+crd,crds\\s+apiextensions.k8s.io/v1"
                + "\\s+false\\s+CustomResourceDefinition");
        var versions = kubectl.run("api-versions").ok();
        assertThat(versions.out().lines()).contains("v1", "apps/v1", "batch/v1", "rbac.authorization.k8s.io/v1");
    }

    @Test
    void createGetDeleteConfigMap() throws Exception {
        kubectl.run("create", "namespace", "kb").ok();
        kubectl.run("-n", "kb", "create", "configmap", "settings", "--from-literal=color=blue").ok();
        var table = kubectl.run("-n", "kb", "get", "configmaps").ok();
        assertThat(table.out()).contains("settings");
        var json = kubectl.run("-n", "kb", "get", "configmap", "settings", "-o", "jsonpath={.data.color}").ok();
        assertThat(json.out()).isEqualTo("blue");
        var yaml = kubectl.run("-n", "kb", "get", "configmap", "settings", "-o", "yaml").ok();
        assertThat(yaml.out()).contains("kind: ConfigMap").contains("color: blue").contains("uid:");
        kubectl.run("-n", "kb", "delete", "configmap", "settings").ok();
        var missing = kubectl.run("-n", "kb", "get", "configmap", "settings");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Error from server (NotFound): configmaps \"settings\" not found");
    }

    @Test
    void labelSelectorsAndAllNamespaces() throws Exception {
        kubectl.run("create", "namespace", "sel").ok();
        kubectl.run("-n", "sel", "create", "configmap", "one").ok();
        kubectl.run("-n", "sel", "create", "configmap", "two").ok();
        kubectl.run("-n", "sel", "label", "configmap", "one", "tier=front").ok();
        var selected = kubectl.run("-n", "sel", "get", "configmaps", "-l", "tier=front", "-o", "name").ok();
        assertThat(selected.out().trim()).isEqualTo("configmap/one");
        var notSelected = kubectl.run("-n", "sel", "get", "configmaps", "-l", "tier!=front", "-o", "name").ok();
        assertThat(notSelected.out()).contains("configmap/two").doesNotContain("configmap/one");
        var all = kubectl.run("get", "configmaps", "-A", "--field-selector", "metadata.name=two", "-o", "name").ok();
        assertThat(all.out().trim()).isEqualTo("configmap/two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.31", "1.33"})
    void imperativeCreateGenerators(String version) throws Exception {
        // kubectl 1.32+ send these bodies in Kubernetes protobuf, older ones in JSON
        var versioned = Kubectl.forVersion(version, api.kubeconfig());
        String ns = "gen" + version.replace(".", "");
        versioned.run("create", "namespace", ns).ok();
        versioned.run("-n", ns, "create", "deployment", "web", "--image=kava.local/busybox:1.35", "--replicas=2",
                "--port=8080").ok();
        versioned.run("-n", ns, "create", "service", "clusterip", "web", "--tcp=80:8080").ok();
        versioned.run("-n", ns, "create", "secret", "generic", "s", "--from-literal=p=q").ok();
        versioned.run("-n", ns, "create", "job", "once", "--image=kava.local/busybox:1.35", "--", "true").ok();
        var deployment = versioned.run("-n", ns, "get", "deployment", "web", "-o",
                "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].ports[0].containerPort}"
                        + " {.spec.template.spec.containers[0].imagePullPolicy}").ok();
        assertThat(deployment.out()).isEqualTo("2 8080 IfNotPresent");
        assertThat(versioned.run("-n", ns, "get", "secret", "s", "-o", "jsonpath={.data.p}").ok().out())
                .isEqualTo("cQ==");
        assertThat(versioned.run("-n", ns, "get", "job", "once", "-o",
                "jsonpath={.spec.template.spec.restartPolicy}").ok().out()).isEqualTo("Never");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.30", "1.33"})
    void olderAndNewerKubectlsDiscoverTheServer(String version) throws Exception {
        var versioned = Kubectl.forVersion(version, api.kubeconfig());
        var result = versioned.run("get", "namespaces", "-o", "name").ok();
        assertThat(result.out()).contains("namespace/default", "namespace/kube-system");
    }
}
