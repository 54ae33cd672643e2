package io.kava.apiserver.table;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.node.ObjectNode;

/**
 * ConfigMaps (Name, Data, Age), Secrets (Name, Type, Data, Age) and ServiceAccounts (Name, Secrets, Age): the
 * printers that count entries. (k8s {@code printConfigMap}, {@code printSecret}, {@code printServiceAccount}; the
 * SECRETS column of service accounts is still there in 1.33.)
 */
final class ConfigPrinters {

    /** DATA counts {@code data} and {@code binaryData} entries. */
    static final TablePrinter CONFIG_MAP = new Printer(
            List.of(Column.NAME, Column.string("Data", SwaggerDocs.CONFIG_MAP_DATA), Column.AGE),
            (cm, now) -> Row.of(Nodes.name(cm),
                    (long) Nodes.size(cm, "data") + Nodes.size(cm, "binaryData"), Cells.age(cm, now)));

    /**
     * TYPE defaults to {@code Opaque}; DATA counts the keys of {@code data} and {@code stringData}, which the real
     * server merges into {@code data} before storing.
     */
    static final TablePrinter SECRET = new Printer(
            List.of(Column.NAME, Column.string("Type", SwaggerDocs.SECRET_TYPE),
                    Column.string("Data", SwaggerDocs.SECRET_DATA), Column.AGE),
            (secret, now) -> Row.of(Nodes.name(secret), secretType(secret), secretKeys(secret),
                    Cells.age(secret, now)));

    /** SECRETS counts the {@code secrets} references (the column went away only in Kubernetes 1.35). */
    static final TablePrinter SERVICE_ACCOUNT = new Printer(
            List.of(Column.NAME, Column.string("Secrets", SwaggerDocs.SERVICE_ACCOUNT_SECRETS), Column.AGE),
            (sa, now) -> Row.of(Nodes.name(sa), (long) Nodes.size(sa, "secrets"), Cells.age(sa, now)));

    private ConfigPrinters() {
    }

    private static String secretType(ObjectNode secret) {
        String type = Nodes.str(secret, "type");
        return type.isEmpty() ? "Opaque" : type;
    }

    private static long secretKeys(ObjectNode secret) {
        Set<String> keys = new HashSet<>(Nodes.stringMap(secret, "data").keySet());
        keys.addAll(Nodes.stringMap(secret, "stringData").keySet());
        return keys.size();
    }

    private record Printer(List<Column> columns, BiFunction<ObjectNode, Instant, Row> cells) implements TablePrinter {
        @Override
        public Row print(ObjectNode object, Instant now) {
            return cells.apply(object, now);
        }
    }
}
