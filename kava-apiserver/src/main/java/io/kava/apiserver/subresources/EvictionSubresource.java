package io.kava.apiserver.subresources;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.kava.api.meta.Meta;
import io.kava.api.registry.ResourceType;
import io.kava.api.selector.LabelSelector;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.errors.StatusWriter;
import io.kava.apiserver.http.Exchange;
import io.kava.apiserver.http.RequestInfo;
import io.kava.apiserver.http.ResourceHandler;
import io.kava.apiserver.rest.DeleteOptions;
import io.kava.apiserver.rest.ListOptions;
import io.kava.apiserver.rest.ObjectFilters;
import io.kava.apiserver.rest.ResourceStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST pods/{name}/eviction}: deletes a pod unless that would break its PodDisruptionBudget, which answers
 * 429 TooManyRequests (kubectl drain then retries). An allowed eviction spends one of the budget's
 * {@code disruptionsAllowed} and records the pod in {@code disruptedPods}, as Kubernetes does.
 */
public final class EvictionSubresource implements ResourceHandler.Subresource {

    private static final String VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

    private final Supplier<ResourceStorage> budgets;

    public EvictionSubresource(Supplier<ResourceStorage> budgets) {
        this.budgets = budgets;
    }

    @Override
    public void handle(Exchange exchange, RequestInfo info, ResourceType type, ResourceStorage pods,
                       boolean dryRun) {
        if (!info.verb().equals("create")) {
            throw ApiException.methodNotAllowed(info.verb(), "pods/eviction");
        }
        JsonNode body = exchange.bodyTree();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body of the request must be an Eviction");
        }
        String bodyName = body.path("metadata").path("name").asString("");
        if (!bodyName.isEmpty() && !bodyName.equals(info.name())) {
            throw ApiException.badRequest("name in URL does not match name in Eviction object");
        }
        DeleteOptions options = DeleteOptions.from(body.path("deleteOptions"), q -> null, dryRun);
        ObjectNode pod = pods.get(info.namespace(), info.name());
        if (!canIgnoreBudget(pod)) {
            spendBudget(info.namespace(), pod, dryRun);
        }
        pods.delete(info.namespace(), info.name(), options);
        exchange.sendJson(201, StatusWriter.success(201));
    }

    /** Pods that are finished, not yet running or already deleting do not count against a budget. */
    private static boolean canIgnoreBudget(ObjectNode pod) {
        String phase = pod.path("status").path("phase").asString("");
        return Meta.deletionTimestamp(pod) != null || phase.equals("Succeeded") || phase.equals("Failed")
                || phase.equals("Pending");
    }

    private void spendBudget(String namespace, ObjectNode pod, boolean dryRun) {
        ResourceStorage storage = budgets.get();
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode pdb : storage.list(namespace, ListOptions.parse(q -> null, false), ObjectFilters.ALL)
                .items()) {
            JsonNode selector = pdb.path("spec").path("selector");
            if (selector.isObject() && LabelSelector.fromJson(selector).matches(Meta.labels(pod))) {
                matching.add(pdb);
            }
        }
        if (matching.isEmpty()) {
            return;
        }
        if (matching.size() > 1) {
            throw ApiException.internal("This pod has more than one PodDisruptionBudget, which the eviction"
                    + " subresource does not support.");
        }
        String pdbName = Meta.name(matching.getFirst());
        String podName = Meta.name(pod);
        storage.guaranteedUpdate(namespace, pdbName, pdb -> {
            JsonNode status = pdb.path("status");
            if (status.path("observedGeneration").asLong(0) < Meta.generation(pdb)) {
                throw tooManyRequests("The disruption budget " + pdbName
                        + " is still being processed by the server.");
            }
            long allowed = status.path("disruptionsAllowed").asLong(0);
            if (allowed <= 0) {
                throw tooManyRequests("The disruption budget " + pdbName + " needs "
                        + status.path("desiredHealthy").asLong(0) + " healthy pods and has "
                        + status.path("currentHealthy").asLong(0) + " currently");
            }
            ObjectNode st = (ObjectNode) pdb.get("status");
            st.put("disruptionsAllowed", allowed - 1);
            ObjectNode disrupted = st.has("disruptedPods") && st.get("disruptedPods").isObject()
                    ? (ObjectNode) st.get("disruptedPods") : st.putObject("disruptedPods");
            disrupted.put(podName, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            return pdb;
        }, ResourceStorage.Part.STATUS, dryRun);
    }

    private static ApiException tooManyRequests(String cause) {
        return new ApiException(429, "TooManyRequests", VIOLATION, new ApiException.Details(null, null, null,
                List.of(new ApiException.Cause("DisruptionBudget", cause, null)), 0));
    }
}
