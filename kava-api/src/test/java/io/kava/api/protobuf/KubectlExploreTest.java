package io.kava.api.protobuf;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Prints what kubectl sends for many commands; run by hand with -Dkava.explore=1.33. */
@EnabledIfSystemProperty(named = "kava.explore", matches = ".+")
class KubectlExploreTest {

    @TempDir
    Path tmp;

    @Test
    void explore() throws Exception {
        try (CaptureServer s = new CaptureServer()) {
            KubectlFixtures.cannedCluster(s);
            Kubectl k = new Kubectl(Kubectl.find(System.getProperty("kava.explore")), s.kubeconfig(tmp));
            for (String line : System.getProperty("kava.cmds", "").split("\\|")) {
                if (line.isBlank()) {
                    continue;
                }
                s.clear();
                var r = k.run(line.strip().split(" +"));
                System.out.println("=== " + line + " -> exit " + r.exit() + " " + r.out().strip() + " " + r.err().strip());
                for (var req : s.requests()) {
                    String decoded = "";
                    if (KubeProtobuf.isProtobuf(req.contentType())) {
                        try {
                            decoded = io.kava.api.json.Json.string(KubeProtobuf.decode(req.body()));
                        } catch (ProtobufDecodeException e) {
                            decoded = "ERROR " + e.getMessage();
                        }
                    } else {
                        decoded = new String(req.body());
                    }
                    System.out.println("   " + req.method() + " " + req.path() + " [" + req.contentType() + "] "
                            + decoded);
                }
            }
        }
    }
}
