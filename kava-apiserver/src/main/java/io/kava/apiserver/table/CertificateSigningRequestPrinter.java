package io.kava.apiserver.table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CertificateSigningRequests: Name, Age, SignerName, Requestor, RequestedDuration, Condition. CONDITION is
 * {@code Denied}, {@code Approved} or {@code Pending}, then {@code ,Failed} and {@code ,Issued} when they apply.
 * (k8s {@code printCertificateSigningRequest}, {@code extractCSRStatus})
 */
final class CertificateSigningRequestPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.AGE,
            Column.string("SignerName", SwaggerDocs.CERTIFICATE_SIGNING_REQUEST_SPEC_SIGNER_NAME),
            Column.string("Requestor", SwaggerDocs.CERTIFICATE_SIGNING_REQUEST_SPEC_REQUEST),
            Column.string("RequestedDuration", SwaggerDocs.CERTIFICATE_SIGNING_REQUEST_SPEC_EXPIRATION_SECONDS),
            Column.string("Condition", SwaggerDocs.CERTIFICATE_SIGNING_REQUEST_STATUS_CONDITIONS));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Row print(ObjectNode csr, Instant now) {
        JsonNode spec = Nodes.at(csr, "spec");
        String signer = Nodes.str(spec, "signerName");
        String duration = Nodes.has(spec, "expirationSeconds")
                ? HumanDuration.format(Duration.ofSeconds(Nodes.integer(spec, "expirationSeconds"))) : Cells.NONE;
        return Row.of(Nodes.name(csr), Cells.age(csr, now), signer.isEmpty() ? Cells.NONE : signer,
                Nodes.str(spec, "username"), duration, condition(csr));
    }

    private static String condition(JsonNode csr) {
        boolean approved = false;
        boolean denied = false;
        boolean failed = false;
        for (JsonNode condition : Nodes.items(csr, "status", "conditions")) {
            switch (Nodes.str(condition, "type")) {
                case "Approved" -> approved = true;
                case "Denied" -> denied = true;
                case "Failed" -> failed = true;
                default -> {
                }
            }
        }
        String status = denied ? "Denied" : approved ? "Approved" : "Pending";
        if (failed) {
            status += ",Failed";
        }
        if (!Nodes.str(csr, "status", "certificate").isEmpty()) {
            status += ",Issued";
        }
        return status;
    }
}
