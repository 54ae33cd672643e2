package io.kava.apiserver.rest;

import java.util.regex.Pattern;

/** Kubernetes' name validators (apimachinery {@code pkg/api/validation/path} and {@code util/validation}). */
public enum NameRule {
    /** RFC 1123 subdomain: most kinds. */
    DNS_SUBDOMAIN(253, Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"),
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must"
                    + " start and end with an alphanumeric character (e.g. 'example.com', regex used for validation"
                    + " is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
    /** RFC 1123 label: namespaces. */
    DNS_LABEL(63, Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?"),
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start"
                    + " and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for"
                    + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"),
    /** RFC 1035 label: services. */
    DNS1035_LABEL(63, Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?"),
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic"
                    + " character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used"
                    + " for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"),
    /** Any string usable as a path segment: RBAC kinds ({@code system:basic-user}). */
    PATH_SEGMENT(Integer.MAX_VALUE, Pattern.compile("[^/%]+"), "may not contain '/' or '%'");

    private final int maxLength;
    private final Pattern pattern;
    private final String message;

    NameRule(int maxLength, Pattern pattern, String message) {
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.message = message;
    }

    /** Null when {@code name} is valid, else the message Kubernetes gives. */
    public String check(String name) {
        if (this == PATH_SEGMENT && (name.equals(".") || name.equals(".."))) {
            return "may not be '" + name + "'";
        }
        if (name.length() > maxLength) {
            return "must be no more than " + maxLength + " characters";
        }
        return pattern.matcher(name).matches() ? null : message;
    }
}
