package io.kava.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "-PT3S, <invalid>",
            "-PT2S, <invalid>",
            "-PT1.9S, 0s",
            "-PT1S, 0s",
            "PT0S, 0s",
            "PT0.9S, 0s",
            "PT45S, 45s",
            "PT1M59.9S, 119s",
            "PT2M, 2m",
            "PT2M5S, 2m5s",
            "PT9M59S, 9m59s",
            "PT10M, 10m",
            "PT10M59S, 10m",
            "PT2H59M, 179m",
            "PT3H, 3h",
            "PT3H5M, 3h5m",
            "PT7H59M59S, 7h59m",
            "PT8H, 8h",
            "PT47H59M, 47h",
            "PT48H, 2d",
            "PT51H, 2d3h",
            "PT191H, 7d23h",
            "PT192H, 8d",
            "P729D, 729d",
            "P730D, 2y",
            "P733D, 2y3d",
            "P2919D, 7y364d",
            "P2920D, 8y",
            "P3700D, 10y",
    })
    void formatsLikeKubernetes(String iso, String expected) {
        assertThat(HumanDuration.format(Duration.parse(iso))).isEqualTo(expected);
    }

    @Test
    void agesAreMeasuredFromTimestamps() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        assertThat(HumanDuration.since("2025-06-01T11:55:00Z", now)).isEqualTo("5m");
        assertThat(HumanDuration.since("2025-06-01T13:55:00+02:00", now)).isEqualTo("5m");
        assertThat(HumanDuration.since("2025-06-01T11:59:59.500000Z", now)).isEqualTo("0s");
        assertThat(HumanDuration.since("2025-06-01T12:00:05Z", now)).isEqualTo("<invalid>");
    }

    @Test
    void unsetTimestampsAreUnknown() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        assertThat(HumanDuration.since(null, now)).isEqualTo("<unknown>");
        assertThat(HumanDuration.since("", now)).isEqualTo("<unknown>");
        assertThat(HumanDuration.since("0001-01-01T00:00:00Z", now)).isEqualTo("<unknown>");
        assertThat(HumanDuration.since("yesterday", now)).isEqualTo("<unknown>");
    }
}
