package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.NOW;
import static io.kava.apiserver.table.Fixtures.headers;
import static io.kava.apiserver.table.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.kava.api.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CustomColumnsPrinterTest {

    private static final ObjectNode CRD = object("""
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
             "metadata": {"name": "certificates.cert-manager.io"},
             "spec": {"group": "cert-manager.io", "scope": "Namespaced",
               "names": {"kind": "Certificate", "plural": "certificates", "singular": "certificate"},
               "versions": [
                 {"name": "v1", "served": true, "storage": true,
                  "additionalPrinterColumns": [
                    {"name": "Ready", "type": "string",
                     "jsonPath": ".status.conditions[?(@.type==\\"Ready\\")].status"},
                    {"name": "Secret", "type": "string", "jsonPath": ".spec.secretName"},
                    {"name": "Issuer", "type": "string", "jsonPath": ".spec.issuerRef.name", "priority": 1},
                    {"name": "Status", "type": "string", "priority": 1,
                     "jsonPath": ".status.conditions[?(@.type==\\"Ready\\")].message"},
                    {"name": "Renewals", "type": "integer", "jsonPath": ".status.revision",
                     "description": "How often it was issued"},
                    {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}]},
                 {"name": "v1alpha1", "served": true, "storage": false}]}}""");

    private static final String CERTIFICATE = """
            {"apiVersion": "cert-manager.io/v1", "kind": "Certificate",
             "metadata": {"name": "shop-tls", "namespace": "shop", "creationTimestamp": "2025-05-30T12:00:00Z"},
             "spec": {"secretName": "shop-tls", "issuerRef": {"name": "letsencrypt", "kind": "ClusterIssuer"}},
             "status": {"revision": 3,
               "conditions": [{"type": "Issuing", "status": "False"},
                              {"type": "Ready", "status": "True", "message": "Certificate is up to date"}]}}""";

    @Test
    void columnsComeFromTheVersion() {
        var printer = CustomColumnsPrinter.forVersion(CRD, "v1");
        assertThat(headers(printer)).containsExactly("Name", "Ready", "Secret", "Issuer|1", "Status|1", "Renewals",
                "Age");
        assertThat(printer.columns().get(2).description())
                .isEqualTo("Custom resource definition column (in JSONPath format): .spec.secretName");
        assertThat(printer.columns().get(5).description()).isEqualTo("How often it was issued");
        assertThat(printer.columns().get(6).type()).isEqualTo("date");
    }

    @Test
    void cells() {
        assertThat(Fixtures.cells(CustomColumnsPrinter.forVersion(CRD, "v1"), CERTIFICATE))
                .containsExactly("shop-tls", "True", "shop-tls", "letsencrypt", "Certificate is up to date", 3L,
                        "2d");
    }

    @Test
    void missingValuesAreNull() {
        assertThat(Fixtures.cells(CustomColumnsPrinter.forVersion(CRD, "v1"), """
                {"metadata": {"name": "new", "creationTimestamp": "not a time"}, "spec": {}}"""))
                .containsExactly("new", null, null, null, null, null, "<invalid>");
    }

    @Test
    void aVersionWithoutColumnsGetsAge() {
        var printer = CustomColumnsPrinter.forVersion(CRD, "v1alpha1");
        assertThat(headers(printer)).containsExactly("Name", "Age");
        assertThat(printer.columns().get(1).type()).isEqualTo("date");
        assertThat(Fixtures.cells(printer, CERTIFICATE)).containsExactly("shop-tls", "2d");
    }

    @Test
    void cellTypes() {
        var printer = CustomColumnsPrinter.of(Json.parse("""
                [{"name": "Int", "type": "integer", "jsonPath": ".v.f"},
                 {"name": "Num", "type": "number", "jsonPath": ".v.i"},
                 {"name": "Bool", "type": "boolean", "jsonPath": ".v.b"},
                 {"name": "WrongBool", "type": "boolean", "jsonPath": ".v.s"},
                 {"name": "Text", "type": "string", "jsonPath": ".v.f"},
                 {"name": "BigText", "type": "string", "jsonPath": ".v.big"},
                 {"name": "Map", "type": "string", "jsonPath": ".v.m"},
                 {"name": "First", "type": "string", "jsonPath": ".v.list[*].n"},
                 {"name": "Last", "type": "string", "jsonPath": ".v.list[-1].n"},
                 {"name": "Quoted", "type": "string", "jsonPath": ".metadata.labels['app.kubernetes.io/name']"},
                 {"name": "Unsupported", "type": "string", "jsonPath": "..n"}]"""));
        assertThat(printer.print(object("""
                {"metadata": {"name": "o", "labels": {"app.kubernetes.io/name": "shop"}},
                 "v": {"f": 2.75, "i": 4, "b": true, "s": "true", "big": 1234567.5,
                       "m": {"z": 1, "a": [true, null]}, "list": [{"x": 0}, {"n": "one"}, {"n": "two"}]}}"""),
                NOW).cells())
                .containsExactly("o", 2L, 4.0, true, null, "2.75", "1.2345675e+06", "{\"a\":[true,null],\"z\":1}",
                        "one", "two", "shop", null);
    }

    @Test
    void goFloatFormatting() {
        assertThat(CustomColumnsPrinter.goFloat(0.5)).isEqualTo("0.5");
        assertThat(CustomColumnsPrinter.goFloat(123456.5)).isEqualTo("123456.5");
        assertThat(CustomColumnsPrinter.goFloat(1e6)).isEqualTo("1e+06");
        assertThat(CustomColumnsPrinter.goFloat(0.0001)).isEqualTo("0.0001");
        assertThat(CustomColumnsPrinter.goFloat(0.00001)).isEqualTo("1e-05");
        assertThat(CustomColumnsPrinter.goFloat(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(CustomColumnsPrinter.goFloat(1e21)).isEqualTo("1e+21");
    }
}
