package io.kava.apiserver.kinds.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({
            "100m, 100m", "0.5, 500m", "1, 1", "1000m, 1", "2000m, 2", "1000, 1k", "1500m, 1500m", "1.5, 1500m",
            "1Gi, 1Gi", "1024Mi, 1Gi", "1.5Gi, 1536Mi", "100Mi, 100Mi", "0.5Ki, 512", "1e3, 1e3", "1.5e3, 1500",
            "129e6, 129e6", "128974848, 128974848", "0, 0", "10k, 10k", "1M, 1M", "5G, 5G", "0.1, 100m",
            "1n, 1n", "1.0000000001, 1000000001n", "+3, 3", "-5m, -5m", "12Ki, 12Ki", "1023, 1023", ".5, 500m"})
    void canonicalForm(String text, String canonical) {
        assertThat(Quantity.parse(text).toString()).isEqualTo(canonical);
    }

    @Test
    void roundsUpToMilliForResourceLists() {
        assertThat(Quantity.parse("0.0001").roundUpToMilli().toString()).isEqualTo("1m");
        assertThat(Quantity.parse("1.2345").roundUpToMilli().toString()).isEqualTo("1235m");
    }

    @Test
    void comparesByValue() {
        assertThat(Quantity.parse("1Gi").compareTo(Quantity.parse("1073741824"))).isZero();
        assertThat(Quantity.parse("500m").compareTo(Quantity.parse("1"))).isNegative();
        assertThat(Quantity.parse("1e3")).isEqualTo(Quantity.parse("1k"));
        assertThat(Quantity.parse("2").isInteger()).isTrue();
        assertThat(Quantity.parse("1500m").isInteger()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"abc", "1.2.3", "1Gb", "--1", "'1 Gi'", "''"})
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(Quantity.ParseException.class);
    }

    @Test
    void malformedQuantityMessagesAreKubernetes() {
        assertThatThrownBy(() -> Quantity.parse("abc")).hasMessage(
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        assertThatThrownBy(() -> Quantity.parse("1Mb")).hasMessage(Quantity.FORMAT_ERROR);
        assertThatThrownBy(() -> Quantity.parse("1iM")).hasMessage("unable to parse quantity's suffix");
    }
}
