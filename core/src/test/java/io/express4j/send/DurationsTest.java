package io.express4j.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations against npm ms 2.1.3 on Node 20 ({@code ms(s)}; NaN where it returns undefined). */
class DurationsTest {
    @ParameterizedTest(name = "ms(\"{0}\") = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "20000       | 20000",
                "20s         | 20000",
                "20m         | 1200000",
                "20d         | 1728000000",
                "1h          | 3600000",
                "1.5h        | 5400000",
                "'1.5 hours' | 5400000",
                "'2 days'    | 172800000",
                "1y          | 31557600000",
                "1yr         | 31557600000",
                "-1d         | -86400000",
                "-.5s        | -500",
                ".5s         | 500",
                "1w          | 604800000",
                "100ms       | 100",
                "5msecs      | 5",
                "'3 mins'    | 180000",
                "10SECONDS   | 10000",
                "'1 Hour'    | 3600000",
                "'1 d'       | 86400000",
                "'1  d'      | 86400000",
                "99999999999 | 99999999999",
                "1e3         | NaN",
                "abc         | NaN",
                "1.          | NaN",
                "s           | NaN",
                "1x          | NaN",
            })
    void parse(String text, double millis) {
        assertThat((Double) Durations.parseMillis(text)).isEqualTo((Double) millis);
    }

    @org.junit.jupiter.api.Test
    void overHundredCharacters() {
        assertThat(Durations.parseMillis("1".repeat(101))).isNaN();
        assertThat(Durations.parseMillis("1".repeat(100))).isEqualTo(1.111111111111111e99);
    }
}
