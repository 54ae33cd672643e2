package io.kava.cli;

import io.kava.apiserver.http.NonResourceEndpoints;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"kava 0.1.0 (Kubernetes " + NonResourceEndpoints.KUBERNETES_VERSION + ")"};
    }
}
