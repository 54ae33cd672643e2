package io.kava.apiserver.kinds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void dnsLabelMessages() {
        assertThat(Names.dns1123Label("web")).isEmpty();
        assertThat(Names.dns1123Label("a.b")).containsExactly("must not contain dots");
        assertThat(Names.dns1123Label("Web")).containsExactly("a lowercase RFC 1123 label must consist of lower case"
                + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g."
                + " 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        assertThat(Names.dns1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @Test
    void qualifiedNames() {
        assertThat(Names.qualifiedName("app.kubernetes.io/name")).isEmpty();
        assertThat(Names.qualifiedName("/x")).containsExactly("prefix part must be non-empty");
        assertThat(Names.qualifiedName("a/b/c")).hasSize(1);
        assertThat(Names.qualifiedName("-x").getFirst()).startsWith("name part must consist of alphanumeric");
    }

    @Test
    void portNamesAndNumbers() {
        assertThat(Names.portName("http")).isEmpty();
        assertThat(Names.portName("123")).containsExactly("must contain at least one letter (a-z)");
        assertThat(Names.portName("a--b")).containsExactly("must not contain consecutive hyphens");
        assertThat(Names.portNumber(0)).containsExactly("must be between 1 and 65535, inclusive");
    }

    @Test
    void ipAddresses() {
        assertThat(Names.ip("10.43.0.10")).isEmpty();
        assertThat(Names.ip("10.43.0.010")).containsExactly("must be a valid IP address, (e.g. 10.9.8.7 or"
                + " 2001:db8::ffff)");
        assertThat(Names.ip("fd00::1")).isEmpty();
        assertThat(Names.ip("FD00:0::1")).containsExactly("must be in canonical form (\"fd00::1\")");
        assertThat(Names.ip("host.example")).hasSize(1);
    }

    @Test
    void envVarNamesAreRelaxed() {
        assertThat(Names.relaxedEnvVarName("1-weird.NAME")).isEmpty();
        assertThat(Names.relaxedEnvVarName("A=B")).containsExactly("a valid environment variable name must consist"
                + " only of printable ASCII characters other than '='");
    }
}
