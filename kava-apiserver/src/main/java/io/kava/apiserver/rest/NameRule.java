package io.kava.apiserver.rest;

import java.util.List;

import io.kava.apiserver.kinds.validation.Names;

/** Which of Kubernetes' name validators a kind's {@code metadata.name} must pass. */
public enum NameRule {
    /** RFC 1123 subdomain: most kinds. */
    DNS_SUBDOMAIN,
    /** RFC 1123 label: namespaces. */
    DNS_LABEL,
    /** RFC 1035 label: services. */
    DNS1035_LABEL,
    /** Any string usable as a path segment: RBAC kinds ({@code system:basic-user}). */
    PATH_SEGMENT;

    /** Null when {@code name} is valid, else Kubernetes' message (several joined with "; "). */
    public String check(String name) {
        List<String> problems = switch (this) {
            case DNS_SUBDOMAIN -> Names.dns1123Subdomain(name);
            case DNS_LABEL -> Names.dns1123Label(name);
            case DNS1035_LABEL -> Names.dns1035Label(name);
            case PATH_SEGMENT -> pathSegment(name);
        };
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static List<String> pathSegment(String name) {
        if (name.equals(".") || name.equals("..")) {
            return List.of("may not be '" + name + "'");
        }
        if (name.contains("/") || name.contains("%")) {
            return List.of("may not contain '/' or '%'");
        }
        return List.of();
    }
}
