package io.kava.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0",
            "0Gi, 0",
            "1Gi, 1Gi",
            "1.5Gi, 1536Mi",
            "2048Mi, 2Gi",
            "2000Mi, 2000Mi",
            "0.5Gi, 512Mi",
            "100Ki, 100Ki",
            "512, 512",
            "0.1Ki, 102400m",
            "1000m, 1",
            "1500m, 1500m",
            "1.5, 1500m",
            "0.5, 500m",
            "100m, 100m",
            "10k, 10k",
            "10000, 10k",
            "1e3, 1e3",
            "1E6, 1E6",
            "+5, +5",
            "2e6, 2e6",
            "2000e3, 2e6",
            "1500e0, 1500e0",
            "15000e-3, 15",
            "1G, 1G",
            "1000M, 1G",
            "0.0000000001, 1n",
            "-1.5, -1500m",
            "5Gi, 5Gi",
            "banana, banana",
    })
    void canonicalizesLikeKubernetes(String written, String canonical) {
        assertThat(Quantity.format(written)).isEqualTo(canonical);
    }
}
