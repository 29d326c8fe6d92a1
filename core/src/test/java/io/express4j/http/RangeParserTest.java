package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors npm range-parser 1.3.0's test/range-parser.js and Express 5.3.0's test/req.range.js, plus
 * the EXPRESS.md section 9 Range captures and extra edge cases (sizes beyond 2^32, huge numbers,
 * whitespace, combine ordering); every expected value is what the real package returns.
 */
class RangeParserTest {

    private static RangeParser.Range r(long start, long end) {
        return new RangeParser.Range(start, end);
    }

    @ParameterizedTest(name = "parse({0}, {1}, combine={2})")
    @MethodSource
    void parse(long size, String header, boolean combine, int status, String type, List<RangeParser.Range> ranges) {
        RangeParser.Ranges result = RangeParser.parse(size, header, combine);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.type()).isEqualTo(type);
        assertThat(result.ranges()).containsExactlyElementsOf(ranges);
    }

    @Test
    void rejectsMissingHeader() {
        assertThatThrownBy(() -> RangeParser.parse(200, null)).hasMessage("argument str must be a string");
    }

    @Test
    void statusHelpers() {
        assertThat(RangeParser.parse(200, "malformed").isMalformed()).isTrue();
        assertThat(RangeParser.parse(200, "bytes=500-600").isUnsatisfiable()).isTrue();
        RangeParser.Ranges ok = RangeParser.parse(1000, "bytes=0-499");
        assertThat(ok.isOk()).isTrue();
        assertThat(ok.ranges()).containsExactly(r(0, 499));
        assertThatThrownBy(() -> ok.ranges().add(r(1, 2))).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> parse() {
        return Stream.of(
                arguments(200L, "malformed", false, -2, null, List.of()),
                arguments(200L, "bytes=x-100", false, -2, null, List.of()),
                arguments(200L, "bytes=100-x", false, -2, null, List.of()),
                arguments(200L, "bytes=--100", false, -2, null, List.of()),
                arguments(200L, "bytes=100--200", false, -2, null, List.of()),
                arguments(200L, "bytes=-", false, -2, null, List.of()),
                arguments(200L, "bytes= - ", false, -2, null, List.of()),
                arguments(200L, "bytes=100-200-300", false, -2, null, List.of()),
                arguments(200L, "bytes=-100-150", false, -2, null, List.of()),
                arguments(200L, "bytes=01a-150", false, -2, null, List.of()),
                arguments(200L, "bytes=100-15b0", false, -2, null, List.of()),
                arguments(200L, "bytes=500-600", false, -1, null, List.of()),
                arguments(200L, "bytes=500-600,601-700", false, -1, null, List.of()),
                arguments(200L, "bytes=500-20", false, -1, null, List.of()),
                arguments(200L, "bytes=500-999", false, -1, null, List.of()),
                arguments(200L, "bytes=500-999,1000-1499", false, -1, null, List.of()),
                arguments(1000L, "bytes=0-499", false, 0, "bytes", List.of(r(0L, 499L))),
                arguments(200L, "bytes=0-499", false, 0, "bytes", List.of(r(0L, 199L))),
                arguments(1000L, "bytes=40-80", false, 0, "bytes", List.of(r(40L, 80L))),
                arguments(1000L, "bytes=-400", false, 0, "bytes", List.of(r(600L, 999L))),
                arguments(1000L, "bytes=400-", false, 0, "bytes", List.of(r(400L, 999L))),
                arguments(1000L, "bytes=0-", false, 0, "bytes", List.of(r(0L, 999L))),
                arguments(1000L, "bytes=0-0", false, 0, "bytes", List.of(r(0L, 0L))),
                arguments(1000L, "bytes=-1", false, 0, "bytes", List.of(r(999L, 999L))),
                arguments(
                        1000L,
                        "bytes=40-80,81-90,-1",
                        false,
                        0,
                        "bytes",
                        List.of(r(40L, 80L), r(81L, 90L), r(999L, 999L))),
                arguments(200L, "bytes=0-499,1000-,500-999", false, 0, "bytes", List.of(r(0L, 199L))),
                arguments(
                        1000L,
                        "bytes=   40-80 , 81-90 , -1 ",
                        false,
                        0,
                        "bytes",
                        List.of(r(40L, 80L), r(81L, 90L), r(999L, 999L))),
                arguments(1000L, "items=0-5", false, 0, "items", List.of(r(0L, 5L))),
                arguments(
                        150L,
                        "bytes=0-4,90-99,5-75,100-199,101-102",
                        true,
                        0,
                        "bytes",
                        List.of(r(0L, 75L), r(90L, 149L))),
                arguments(
                        150L,
                        "bytes=-1,20-100,0-1,101-120",
                        true,
                        0,
                        "bytes",
                        List.of(r(149L, 149L), r(20L, 120L), r(0L, 1L))),
                arguments(120L, "bytes=0-50,51-100", false, 0, "bytes", List.of(r(0L, 50L), r(51L, 100L))),
                arguments(75L, "bytes=0-100", false, 0, "bytes", List.of(r(0L, 74L))),
                arguments(75L, "bytes=0-", false, 0, "bytes", List.of(r(0L, 74L))),
                arguments(120L, "bytes=0-100", false, 0, "bytes", List.of(r(0L, 100L))),
                arguments(120L, "users=0-2", false, 0, "users", List.of(r(0L, 2L))),
                arguments(120L, "bytes=0-50,51-100", true, 0, "bytes", List.of(r(0L, 100L))),
                arguments(9L, "bytes=0-4", false, 0, "bytes", List.of(r(0L, 4L))),
                arguments(9L, "bytes=-3", false, 0, "bytes", List.of(r(6L, 8L))),
                arguments(9L, "bytes=9-50", false, -1, null, List.of()),
                arguments(9L, "bytes=0-1,4-5", false, 0, "bytes", List.of(r(0L, 1L), r(4L, 5L))),
                arguments(1000L, "bytes=-2000", false, -1, null, List.of()),
                arguments(1000L, "bytes=-0", false, -1, null, List.of()),
                arguments(0L, "bytes=0-", false, -1, null, List.of()),
                arguments(0L, "bytes=-1", false, -1, null, List.of()),
                arguments(1000L, "bytes=20-30, 5-6, 0-10", true, 0, "bytes", List.of(r(20L, 30L), r(0L, 10L))),
                arguments(100L, " bytes = 1-2", false, 0, " bytes ", List.of(r(1L, 2L))),
                arguments(100L, "bytes=1-2,", false, -2, null, List.of()),
                arguments(100L, "=1-2", false, 0, "", List.of(r(1L, 2L))),
                arguments(100L, "bytes=\u00a01-2\u00a0", false, 0, "bytes", List.of(r(1L, 2L))),
                arguments(100L, "bytes=1 -2", false, 0, "bytes", List.of(r(1L, 2L))),
                arguments(100L, "bytes=+1-2", false, -2, null, List.of()),
                arguments(100L, "bytes=1.5-2", false, -2, null, List.of()),
                arguments(100L, "bytes=99999999999999999999-", false, -1, null, List.of()),
                arguments(100L, "bytes=-99999999999999999999", false, -1, null, List.of()),
                arguments(100L, "bytes=0-99999999999999999999", false, 0, "bytes", List.of(r(0L, 99L))),
                arguments(1000L, "bytes=0-10,5-20,21-30,50-60", true, 0, "bytes", List.of(r(0L, 30L), r(50L, 60L))),
                arguments(1000L, "bytes=50-60,0-10,11-49", true, 0, "bytes", List.of(r(0L, 60L))),
                arguments(1000L, "bytes=5-6,0-10,20-30", true, 0, "bytes", List.of(r(0L, 10L), r(20L, 30L))),
                arguments(100L, "bytes=0-1,a-2", false, -2, null, List.of()),
                arguments(100L, "bytes=5-1,0-0", false, 0, "bytes", List.of(r(0L, 0L))),
                arguments(100L, "bytes=0-0,0-0", true, 0, "bytes", List.of(r(0L, 0L))),
                arguments(100L, "Bytes=1-2", false, 0, "Bytes", List.of(r(1L, 2L))),
                arguments(
                        5000000000L,
                        "bytes=4294967296-4294967300",
                        false,
                        0,
                        "bytes",
                        List.of(r(4294967296L, 4294967300L))),
                arguments(5000000000L, "bytes=-1000000000", false, 0, "bytes", List.of(r(4000000000L, 4999999999L))),
                arguments(5000000000L, "bytes=4999999999-", false, 0, "bytes", List.of(r(4999999999L, 4999999999L))));
    }
}
