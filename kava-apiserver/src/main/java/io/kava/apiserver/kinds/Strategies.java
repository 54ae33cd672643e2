package io.kava.apiserver.kinds;

import io.kava.api.registry.ResourceType;
import io.kava.apiserver.rest.NameRule;
import io.kava.apiserver.rest.Strategy;

/** Picks the {@link Strategy} of each kind; kinds without special rules get the generic one. */
public final class Strategies {

    private static final Strategy GENERIC = new Strategy() {
    };

    private Strategies() {
    }

    public static Strategy forType(ResourceType type) {
        return switch (type.group() + "/" + type.kind()) {
            case "/Namespace" -> new NamespaceStrategy();
            case "apiextensions.k8s.io/CustomResourceDefinition" -> new io.kava.apiserver.crd.CrdStrategy();
            case "/Service" -> new Strategy() {
                @Override
                public NameRule nameRule() {
                    return NameRule.DNS1035_LABEL;
                }
            };
            case "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole",
                 "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" ->
                    new Strategy() {
                        @Override
                        public NameRule nameRule() {
                            return NameRule.PATH_SEGMENT;
                        }
                    };
            default -> GENERIC;
        };
    }
}
