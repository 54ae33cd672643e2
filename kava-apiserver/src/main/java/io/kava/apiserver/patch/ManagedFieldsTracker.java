package io.kava.apiserver.patch;

import java.util.Set;
import java.util.stream.Collectors;

import io.kava.api.apply.FieldManager;
import io.kava.api.patch.BuiltinPatchMeta;
import io.kava.api.patch.PatchMeta;
import io.kava.api.registry.BuiltinResources;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.Exchange;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records {@code metadata.managedFields} for every write, as Kubernetes does: server-side apply adds {@code Apply}
 * entries (see {@link PatchHandler}); creates, updates and non-apply patches add {@code Update} entries for the
 * fields they changed, under the request's field manager.
 */
public final class ManagedFieldsTracker {

    private static final int MAX_MANAGER_LENGTH = 128;

    private final Set<String> builtinKinds = BuiltinResources.all().stream()
            .map(t -> t.group() + "/" + t.kind()).collect(Collectors.toUnmodifiableSet());

    /** Returns {@code updated} with its managed fields brought up to date ({@code live} is null on create). */
    public ObjectNode update(Exchange exchange, ResourceType type, ObjectNode live, ObjectNode updated,
                             boolean status) {
        String manager = manager(exchange);
        return new FieldManager(meta(type)).updateNoErrors(live, updated, manager, status ? "status" : null)
                .object();
    }

    PatchMeta meta(ResourceType type) {
        return builtinKinds.contains(type.group() + "/" + type.kind())
                ? BuiltinPatchMeta.forBuiltinKind(type.group(), type.kind()) : BuiltinPatchMeta.GENERIC;
    }

    boolean isBuiltin(ResourceType type) {
        return builtinKinds.contains(type.group() + "/" + type.kind());
    }

    /** {@code ?fieldManager=}, else the client's User-Agent up to its first '/' (Kubernetes' default). */
    static String manager(Exchange exchange) {
        String manager = exchange.query("fieldManager");
        if (manager == null || manager.isEmpty()) {
            String agent = exchange.header("User-Agent");
            manager = agent == null || agent.isEmpty() ? "unknown" : agent.split("/", 2)[0];
            return manager.length() > MAX_MANAGER_LENGTH ? manager.substring(0, MAX_MANAGER_LENGTH) : manager;
        }
        if (manager.length() > MAX_MANAGER_LENGTH || !manager.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.invalid("PatchOptions", "meta.k8s.io", "", java.util.List.of(new ApiException.Cause(
                    "FieldValueInvalid", "Invalid value: \"" + manager + "\": must be at most 128 printable"
                    + " characters", "fieldManager")));
        }
        return manager;
    }
}
