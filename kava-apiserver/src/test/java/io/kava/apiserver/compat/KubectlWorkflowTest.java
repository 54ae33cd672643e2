package io.kava.apiserver.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.kava.apiserver.testing.TestApiServer;

/**
 * The everyday kubectl workflow against kava's API server, in order: apply a multi-document manifest (with a CRD
 * and a custom resource), re-apply, three-way merge, server-side apply, diff, get in every output form, watch,
 * describe, patch, label, annotate, scale, delete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlWorkflowTest {

    private static TestApiServer api;
    private static Kubectl kubectl;
    private static Path app;
    private static Path modified;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApiServer();
        kubectl = Kubectl.forConfig(api.kubeconfig());
        app = resource("app.yaml");
        modified = resource("app-modified.yaml");
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private static Path resource(String name) throws Exception {
        Path file = api.dir().resolve(name);
        try (var in = KubectlWorkflowTest.class.getResourceAsStream("/compat/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    @Order(1)
    void applyMultiDocumentManifest() throws Exception {
        // As against Kubernetes, the custom resource in the same file as its CRD cannot be mapped on the first
        // apply (discovery ran before the CRD existed); everything else is applied, and the second apply succeeds.
        var first = kubectl.run("apply", "-f", app.toString());
        assertThat(first.out()).contains("namespace/shop created", "configmap/settings created",
                "secret/creds created", "deployment.apps/web created", "service/web created",
                "customresourcedefinition.apiextensions.k8s.io/widgets.example.com created");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var again = kubectl.run("apply", "-f", app.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("widget.example.com/gadget created");
        });
        var widgets = kubectl.run("-n", "shop", "get", "widgets").ok();
        assertThat(widgets.out()).containsPattern("NAME\\s+SIZE").containsPattern("gadget\\s+3");
    }

    @Test
    @Order(2)
    void reapplyIsUnchanged() throws Exception {
        var again = kubectl.run("apply", "-f", app.toString()).ok();
        assertThat(again.out()).contains("configmap/settings unchanged", "deployment.apps/web unchanged",
                "widget.example.com/gadget unchanged");
    }

    @Test
    @Order(3)
    void modifiedManifestIsAThreeWayMerge() throws Exception {
        // A label set outside the manifest survives the apply (it is not in last-applied-configuration).
        kubectl.run("-n", "shop", "label", "deployment", "web", "team=storefront").ok();
        var diff = kubectl.run("diff", "-f", modified.toString());
        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(1);
        assertThat(diff.out()).contains("-  color: blue", "+  color: green");
        var applied = kubectl.run("apply", "-f", modified.toString()).ok();
        assertThat(applied.out()).contains("configmap/settings configured", "deployment.apps/web configured");
        assertThat(kubectl.run("-n", "shop", "get", "configmap", "settings", "-o", "jsonpath={.data.color}").ok()
                .out()).isEqualTo("green");
        assertThat(kubectl.run("-n", "shop", "get", "deployment", "web",
                "-o", "jsonpath={.spec.replicas} {.metadata.labels.team}").ok().out()).isEqualTo("4 storefront");
        assertThat(kubectl.run("-n", "shop", "get", "widget", "gadget", "-o", "jsonpath={.spec.size}").ok().out())
                .isEqualTo("5");
    }

    @Test
    @Order(4)
    void invalidCustomResourceIsRejectedWithTheSchemaMessage() throws Exception {
        var bad = kubectl.runWithInput("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: broken, namespace: shop}
                spec: {size: 0, color: purple}
                """, "apply", "-f", "-");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("The Widget \"broken\" is invalid")
                .contains("spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1")
                .contains("spec.color: Unsupported value: \"purple\"");
    }

    @Test
    @Order(5)
    void serverSideApplyTracksManagersAndConflicts() throws Exception {
        String cm = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ssa, namespace: shop}
                data: {owner: first}
                """;
        kubectl.runWithInput(cm, "apply", "--server-side", "-f", "-").ok();
        var fields = kubectl.run("-n", "shop", "get", "configmap", "ssa", "--show-managed-fields",
                "-o", "jsonpath={.metadata.managedFields[0].manager}").ok();
        assertThat(fields.out()).isEqualTo("kubectl");
        String other = cm.replace("first", "second");
        var conflict = kubectl.runWithInput(other, "apply", "--server-side", "--field-manager=other", "-f", "-");
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.err()).contains("conflict with \"kubectl\"").contains(".data.owner");
        kubectl.runWithInput(other, "apply", "--server-side", "--field-manager=other", "--force-conflicts",
                "-f", "-").ok();
        assertThat(kubectl.run("-n", "shop", "get", "cm", "ssa", "-o", "jsonpath={.data.owner}").ok().out())
                .isEqualTo("second");
    }

    @Test
    @Order(6)
    void getInEveryOutputForm() throws Exception {
        var table = kubectl.run("-n", "shop", "get", "deployments").ok();
        assertThat(table.out()).containsPattern("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE")
                .containsPattern("web\\s+0/4");
        var wide = kubectl.run("-n", "shop", "get", "services", "-o", "wide").ok();
        assertThat(wide.out()).containsPattern("web\\s+ClusterIP\\s+10\\.43\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP")
                .contains("app=web");
        var yaml = kubectl.run("-n", "shop", "get", "secret", "creds", "-o", "yaml").ok();
        assertThat(yaml.out()).contains("password: czNjcmV0");
        assertThat(kubectl.run("-n", "shop", "get", "secret", "creds", "-o", "jsonpath={.stringData}").ok().out())
                .isEmpty();
        var selected = kubectl.run("get", "deployments", "-A", "-l", "app=web", "-o", "name").ok();
        assertThat(selected.out().trim()).isEqualTo("deployment.apps/web");
        var byField = kubectl.run("get", "configmaps", "-A", "--field-selector", "metadata.namespace=shop",
                "-o", "jsonpath={range .items[*]}{.metadata.name} {end}").ok();
        assertThat(byField.out().trim().split(" ")).containsExactlyInAnyOrder("settings", "ssa");
        var all = kubectl.run("get", "services", "-A").ok();
        assertThat(all.out()).containsPattern("default\\s+kubernetes\\s+ClusterIP\\s+10\\.43\\.0\\.1")
                .containsPattern("shop\\s+web");
    }

    @Test
    @Order(7)
    void getWatchSeesChanges() throws Exception {
        Path out = api.dir().resolve("watch.txt");
        Process watch = kubectl.start(out, "-n", "shop", "get", "configmaps", "-w");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(out).contains("settings"));
            kubectl.runWithInput("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: late, namespace: shop}
                    """, "apply", "-f", "-").ok();
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(out).contains("late"));
        } finally {
            watch.destroyForcibly();
        }
    }

    @Test
    @Order(8)
    void describeShowsTheObject() throws Exception {
        var described = kubectl.run("-n", "shop", "describe", "deployment", "web").ok();
        assertThat(described.out()).containsPattern("Name:\\s+web").containsPattern("Namespace:\\s+shop")
                .contains("Replicas:").contains("COLOR");
        var cm = kubectl.run("-n", "shop", "describe", "configmap", "settings").ok();
        assertThat(cm.out()).contains("color").contains("green");
    }

    @Test
    @Order(9)
    void patchLabelAnnotateScale() throws Exception {
        kubectl.run("-n", "shop", "patch", "configmap", "settings", "--type=merge", "-p",
                "{\"data\":{\"size\":\"small\"}}").ok();
        kubectl.run("-n", "shop", "patch", "configmap", "settings", "--type=json", "-p",
                "[{\"op\":\"add\",\"path\":\"/data/shape\",\"value\":\"round\"}]").ok();
        kubectl.run("-n", "shop", "patch", "deployment", "web", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"kava.local/busybox:2\"}]}}}}")
                .ok();
        assertThat(kubectl.run("-n", "shop", "get", "cm", "settings", "-o", "jsonpath={.data.size} {.data.shape}")
                .ok().out()).isEqualTo("small round");
        // the strategic merge kept the container's other fields (merge by name)
        assertThat(kubectl.run("-n", "shop", "get", "deploy", "web",
                "-o", "jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort}")
                .ok().out()).isEqualTo("kava.local/busybox:2 8080");
        kubectl.run("-n", "shop", "annotate", "configmap", "settings", "note=hello").ok();
        kubectl.run("-n", "shop", "label", "configmap", "settings", "tier=config").ok();
        assertThat(kubectl.run("-n", "shop", "get", "cm", "-l", "tier=config", "-o",
                "jsonpath={.items[0].metadata.annotations.note}").ok().out()).isEqualTo("hello");
        kubectl.run("-n", "shop", "scale", "deployment", "web", "--replicas=7").ok();
        assertThat(kubectl.run("-n", "shop", "get", "deploy", "web", "-o", "jsonpath={.spec.replicas}").ok().out())
                .isEqualTo("7");
    }

    @Test
    @Order(10)
    void explainAndServerDryRun() throws Exception {
        var explain = kubectl.run("explain", "pod.spec.containers").ok();
        assertThat(explain.out()).contains("KIND:", "Pod").contains("image");
        var dry = kubectl.runWithInput("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: dry, namespace: shop}
                """, "create", "--dry-run=server", "-f", "-").ok();
        assertThat(dry.out()).contains("configmap/dry created (server dry run)");
        var missing = kubectl.run("-n", "shop", "get", "configmap", "dry");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("NotFound");
    }

    @Test
    @Order(11)
    void authCanIAnswersAsAlwaysAllowUntilAuthorizationLands() throws Exception {
        // kubectl 1.31 sends JSON bodies (1.32+ send protobuf for typed clients).
        var json = Kubectl.forVersion("1.31", api.kubeconfig());
        var canI = json.run("auth", "can-i", "delete", "deployments", "-n", "shop").ok();
        assertThat(canI.out().trim()).isEqualTo("yes");
        var whoami = json.run("auth", "whoami").ok();
        assertThat(whoami.out()).contains("system:anonymous");
    }

    @Test
    @Order(12)
    void deleteWithCascadeModes() throws Exception {
        kubectl.run("-n", "shop", "delete", "configmap", "late").ok();
        // orphan and foreground deletion leave the finalizer for the garbage collector (controller manager)
        var orphan = kubectl.run("-n", "shop", "delete", "deployment", "web", "--cascade=orphan", "--wait=false").ok();
        assertThat(orphan.out()).contains("deployment.apps \"web\" deleted");
        assertThat(kubectl.run("-n", "shop", "get", "deploy", "web", "-o", "jsonpath={.metadata.finalizers}").ok()
                .out()).contains("orphan");
        kubectl.run("-n", "shop", "delete", "widget", "gadget").ok();
        assertThat(kubectl.run("-n", "shop", "get", "widgets", "-o", "name").ok().out()).isBlank();
        var missing = kubectl.run("-n", "shop", "delete", "configmap", "nothing-here");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Error from server (NotFound): configmaps \"nothing-here\" not found");
    }
}
