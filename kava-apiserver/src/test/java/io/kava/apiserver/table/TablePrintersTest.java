package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.NOW;
import static io.kava.apiserver.table.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.kava.api.registry.BuiltinResources;
import io.kava.api.registry.ResourceType;
import org.junit.jupiter.api.Test;

/** The registry against Kava's served kinds: which kinds have printers, and that every printer is total. */
class TablePrintersTest {

    private final TablePrinters printers = TablePrinters.builtin();

    @Test
    void kindsKubernetesPrintsWithDefaultColumns() {
        for (String kind : List.of("Role", "ClusterRole", "LimitRange", "CustomResourceDefinition")) {
            ResourceType type = BuiltinResources.all().stream().filter(t -> t.kind().equals(kind)).findFirst()
                    .orElseThrow();
            assertThat(printers.printerFor(type)).as(kind).isSameAs(DefaultPrinter.INSTANCE);
        }
    }

    @Test
    void everyOtherServedKindHasItsOwnPrinter() {
        List<String> defaults = List.of("Role", "ClusterRole", "LimitRange", "CustomResourceDefinition");
        for (ResourceType type : BuiltinResources.all()) {
            // reviews are computed answers to a create, never listed
            if (!defaults.contains(type.kind()) && !type.isReview()) {
                assertThat(printers.printerFor(type)).as(type.qualifiedName()).isNotSameAs(DefaultPrinter.INSTANCE);
            }
        }
    }

    @Test
    void everyPrinterFillsEveryColumnEvenForBareObjects() {
        var bare = object("{\"metadata\": {\"name\": \"x\"}}");
        var empty = object("{}");
        for (ResourceType type : BuiltinResources.all()) {
            TablePrinter printer = printers.printerFor(type);
            assertThat(printer.print(bare, NOW).cells()).as(type.qualifiedName()).hasSameSizeAs(printer.columns());
            assertThat(printer.print(empty, NOW).cells()).as(type.qualifiedName()).hasSameSizeAs(printer.columns());
            assertThat(printer.columns().stream().filter(c -> c.format().equals("name")).count())
                    .as(type.qualifiedName()).isEqualTo(1);
        }
    }

    @Test
    void versionSpecificPrintersWin() {
        TablePrinter v1 = new LeasePrinter();
        printers.register("example.com", "v1", "Thing", v1);
        printers.register("example.com", "Thing", DefaultPrinter.INSTANCE);
        assertThat(printers.printerFor("example.com", "v1", "Thing")).isSameAs(v1);
        assertThat(printers.printerFor("example.com", "v2", "Thing")).isSameAs(DefaultPrinter.INSTANCE);
    }
}
