package io.kava.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;

/**
 * The real kubectl against the served documents: {@code explain}, {@code apply}/{@code create} with the default
 * {@code --validate=strict} (the field-validation probe must find the parameter and send {@code fieldValidation=Strict}),
 * and client-side apply building its strategic merge patch from the served merge keys.
 *
 * <p>Runs the kubectl binaries named by {@code -Dkava.kubectl=path,path} or, by default, {@code kubectl} 1.27 (which
 * downloads the protobuf {@code /openapi/v2} before anything else), 1.29 (the first to build patches from v3) and 1.33
 * from the gcloud SDK, and {@code /usr/bin/kubectl}; skipped when none is installed.
 */
class KubectlTest {

    private static final Path SDK = Path.of("/usr/lib/google-cloud-sdk/bin");

    private static TestServer server;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        var registry = ResourceRegistry.withBuiltins();
        server = new TestServer(registry);
        registry.register(new ResourceType("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true,
                List.of("ct"), List.of(), Set.of()));
        server.openApi.customResourceSchemas().put("stable.example.com", "v1", "CronTab", Json.parse("""
                {"type":"object","properties":{"spec":{"type":"object","properties":{
                 "cronSpec":{"type":"string","description":"The schedule."},
                 "items":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                  "items":{"type":"object","properties":{"name":{"type":"string"},"image":{"type":"string"}}}}}}}}
                """));
        dir = Files.createTempDirectory("kava-kubectl");
        Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster: {server: %s}
                  name: kava
                contexts:
                - context: {cluster: kava, user: kava, namespace: default}
                  name: kava
                current-context: kava
                users:
                - name: kava
                  user: {token: kava}
                """.formatted(server.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Stream<String> kubectls() {
        String configured = System.getProperty("kava.kubectl");
        List<String> candidates = configured != null && !configured.isBlank() ? List.of(configured.split(","))
                : List.of(SDK.resolve("kubectl.1.27").toString(), SDK.resolve("kubectl.1.29").toString(),
                        SDK.resolve("kubectl.1.33").toString(), "/usr/bin/kubectl");
        List<String> present = candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).toList();
        Assumptions.assumeFalse(present.isEmpty(), "no kubectl installed");
        return present.stream();
    }

    @ParameterizedTest
    @MethodSource("kubectls")
    void explainPrintsFieldsOfNestedTypes(String kubectl) throws Exception {
        Result pod = run(kubectl, "explain", "pod.spec.containers");
        assertThat(pod.exit()).as(pod.err()).isZero();
        assertThat(pod.out()).contains("KIND:       Pod").contains("FIELD: containers <[]Container>")
                .containsPattern("name\\s+<string> -required-").containsPattern("ports\\s+<\\[\\]ContainerPort>");

        Result deployment = run(kubectl, "explain", "deployment.spec");
        assertThat(deployment.exit()).as(deployment.err()).isZero();
        assertThat(deployment.out()).contains("GROUP:      apps").contains("KIND:       Deployment")
                .containsPattern("template\\s+<PodTemplateSpec> -required-");

        Result crd = run(kubectl, "explain", "crontabs.spec");
        assertThat(crd.exit()).as(crd.err()).isZero();
        assertThat(crd.out()).contains("cronSpec").contains("The schedule.");
    }

    @ParameterizedTest
    @MethodSource("kubectls")
    void applyUsesServerSideFieldValidationAndServedMergeKeys(String kubectl) throws Exception {
        String name = "web-" + Integer.toHexString(kubectl.hashCode());
        Path manifest = dir.resolve(name + ".yaml");
        Files.writeString(manifest, pod(name, "nginx:1.25"));
        Result created = run(kubectl, "apply", "-f", manifest.toString(), "-v=6");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).containsPattern("POST \\S*/pods\\?\\S*fieldValidation=Strict|verb=\"POST\""
                + " url=\"\\S*/pods\\?\\S*fieldValidation=Strict");

        Files.writeString(manifest, pod(name, "nginx:1.26"));
        Result patched = run(kubectl, "apply", "-f", manifest.toString());
        assertThat(patched.exit()).as(patched.err()).isZero();
        assertThat(patched.err()).doesNotContain("error calculating patch");
        TestServer.RecordedPatch patch = server.patches.stream().filter(p -> p.path().endsWith("/" + name))
                .findFirst().orElseThrow();
        assertThat(patch.contentType()).isEqualTo("application/strategic-merge-patch+json");
        assertThat(patch.query()).contains("fieldValidation=Strict");
        assertThat(Json.parse(patch.body()).path("spec").path("$setElementOrder/containers").toString())
                .isEqualTo("[{\"name\":\"nginx\"},{\"name\":\"sidecar\"}]");
    }

    @ParameterizedTest
    @MethodSource("kubectls")
    void customResourcesAreValidatedByTheServerAndMergePatched(String kubectl) throws Exception {
        String name = "tab-" + Integer.toHexString(kubectl.hashCode());
        Path manifest = dir.resolve(name + ".yaml");
        Files.writeString(manifest, crontab(name, "* * * * */5"));
        Result created = run(kubectl, "create", "-f", manifest.toString(), "-v=6");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).contains("fieldValidation=Strict");

        Files.writeString(manifest, crontab(name, "* * * * */10"));
        Result patched = run(kubectl, "apply", "-f", manifest.toString());
        assertThat(patched.exit()).as(patched.err()).isZero();
        TestServer.RecordedPatch patch = server.patches.stream().filter(p -> p.path().endsWith("/" + name))
                .findFirst().orElseThrow();
        assertThat(patch.contentType()).isEqualTo("application/merge-patch+json");
    }

    private static String pod(String name, String image) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                spec:
                  containers:
                  - name: nginx
                    image: %s
                    ports:
                    - containerPort: 80
                  - name: sidecar
                    image: busybox
                """.formatted(name, image);
    }

    private static String crontab(String name, String schedule) {
        return """
                apiVersion: stable.example.com/v1
                kind: CronTab
                metadata:
                  name: %s
                spec:
                  cronSpec: "%s"
                  items:
                  - name: a
                    image: busybox
                """.formatted(name, schedule);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String kubectl, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(kubectl);
        command.add("--cache-dir=" + dir.resolve("cache-" + Integer.toHexString(kubectl.hashCode())));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("KUBECONFIG", dir.resolve("kubeconfig").toString());
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
