package io.kava.apiserver.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kava.api.json.Json;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.kinds.service.ServiceNetwork;
import io.kava.apiserver.rest.ResourceStorage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code default/kubernetes} Service and its Endpoints, which the API server itself keeps (Kubernetes'
 * {@code kubernetesservice} controller): a ClusterIP service on the first service address, port 443
 * ({@code https}), whose endpoint is this API server.
 */
public final class KubernetesService {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesService.class);

    private KubernetesService() {
    }

    /** Creates the Service if missing and points its Endpoints at {@code address:port}. */
    public static void reconcile(ResourceStorage services, ResourceStorage endpoints, ServiceNetwork network,
                                 String address, int port) {
        try {
            services.get("default", "kubernetes");
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
            ObjectNode service = Json.object().put("apiVersion", "v1").put("kind", "Service");
            ObjectNode meta = service.putObject("metadata").put("name", "kubernetes").put("namespace", "default");
            meta.putObject("labels").put("component", "apiserver").put("provider", "kubernetes");
            ObjectNode spec = service.putObject("spec").put("type", "ClusterIP")
                    .put("clusterIP", network.kubernetesServiceIp()).put("sessionAffinity", "None")
                    .put("ipFamilyPolicy", "SingleStack");
            spec.putArray("clusterIPs").add(network.kubernetesServiceIp());
            spec.putArray("ports").addObject().put("name", "https").put("protocol", "TCP").put("port", 443)
                    .put("targetPort", port);
            try {
                services.create("default", service, false);
                LOG.info("apiserver: created service default/kubernetes ({})", network.kubernetesServiceIp());
            } catch (ApiException conflict) {
                if (conflict.code() != 409) {
                    throw conflict;
                }
            }
        }
        ObjectNode wanted = Json.object().put("apiVersion", "v1").put("kind", "Endpoints");
        ObjectNode meta = wanted.putObject("metadata").put("name", "kubernetes").put("namespace", "default");
        meta.putObject("labels").put("endpointslice.kubernetes.io/skip-mirror", "true");
        ArrayNode subsets = wanted.putArray("subsets");
        ObjectNode subset = subsets.addObject();
        subset.putArray("addresses").addObject().put("ip", address);
        subset.putArray("ports").addObject().put("name", "https").put("port", port).put("protocol", "TCP");
        try {
            endpoints.guaranteedUpdate("default", "kubernetes", current -> {
                current.set("subsets", subsets.deepCopy());
                return current;
            }, ResourceStorage.Part.MAIN, false);
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
            endpoints.create("default", wanted, false);
        }
    }
}
