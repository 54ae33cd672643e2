package io.kava.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        var latencies = new Latencies(100);
        for (int i = 100; i >= 1; i--) {
            latencies.add(i * 1_000_000L); // 1..100 ms, added out of order
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void emptyIsNaNAndOverflowIsDropped() {
        var latencies = new Latencies(2);
        assertThat(latencies.percentileMillis(50)).isNaN();
        latencies.add(1);
        latencies.add(2);
        latencies.add(3);
        assertThat(latencies.count()).isEqualTo(2);
    }
}
