package io.kava.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kava.apiserver.ApiServer;
import io.kava.apiserver.bootstrap.Kubeconfig;
import io.kava.store.Store;
import io.kava.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kava server}: the all-in-one control plane node. */
@Command(name = "server", description = "Run a Kava server: the control plane (and, as later issues land, a node).")
final class ServerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

    @Option(names = "--data-dir", description = "Directory for all server state (default: ${DEFAULT-VALUE}).",
            defaultValue = "/var/lib/kava")
    Path dataDir;

    @Option(names = "--datastore", description = "sqlite (embedded, default) or etcd://host:port[,host:port...].",
            defaultValue = "sqlite")
    String datastore;

    @Option(names = "--https-port", description = "Port the API server listens on (default: ${DEFAULT-VALUE}).",
            defaultValue = "6443")
    int port;

    @Option(names = "--bind-address", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String bindAddress;

    @Option(names = "--kubeconfig-out", description = "Where to write the admin kubeconfig"
            + " (default: <data-dir>/kubeconfig).")
    Path kubeconfigOut;

    @Override
    public Integer call() throws Exception {
        Store store = Stores.open(datastore, dataDir);
        ApiServer server;
        try {
            server = new ApiServer(new ApiServer.Config(bindAddress, port), store).start();
        } catch (Exception e) {
            store.close();
            throw new IllegalStateException("cannot start the API server on " + bindAddress + ":" + port + ": "
                    + e.getMessage(), e);
        }
        Path kubeconfig = kubeconfigOut != null ? kubeconfigOut : dataDir.resolve("kubeconfig");
        Kubeconfig.write(kubeconfig, server.url());
        LOG.info("kava server: ready; kubeconfig written to {}", kubeconfig);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("kava server: shutting down");
            server.close();
            store.close();
            stopped.countDown();
        }, "kava-shutdown"));
        stopped.await();
        return 0;
    }
}
