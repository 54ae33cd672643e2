package io.kava.apiserver.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the admin kubeconfig that points kubectl at this cluster. */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    public static String render(String serverUrl) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: kava
                  cluster:
                    server: %s
                contexts:
                - name: kava
                  context:
                    cluster: kava
                    user: admin
                    namespace: default
                current-context: kava
                users:
                - name: admin
                  user: {}
                """.formatted(serverUrl);
    }

    /** Writes atomically with mode 0600 (it will hold credentials once TLS lands). */
    public static void write(Path path, String serverUrl) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, render(serverUrl));
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
