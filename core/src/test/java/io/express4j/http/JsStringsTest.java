package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JavaScript built-ins reproduced in {@link JsStrings}, checked against what Node 20 returns
 * for the same inputs ({@code null} expected = JavaScript throws a URIError).
 */
class JsStringsTest {

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @MethodSource
    void builtins(String fn, String input, String expected) {
        switch (fn) {
            case "encodeURIComponent" -> {
                if (expected == null) {
                    assertThatThrownBy(() -> JsStrings.encodeURIComponent(input))
                            .hasMessage("URI malformed");
                } else {
                    assertThat(JsStrings.encodeURIComponent(input)).isEqualTo(expected);
                }
            }
            case "decodeURIComponent" ->
                assertThat(JsStrings.decodeURIComponent(input)).isEqualTo(expected);
            case "parseFloat" ->
                assertThat(JsStrings.numberToString(JsStrings.parseFloat(input)))
                        .isEqualTo(expected);
            case "numberToString" ->
                assertThat(JsStrings.numberToString(Double.parseDouble(input))).isEqualTo(expected);
            case "floatToString" ->
                assertThat(JsStrings.numberToString(Float.parseFloat(input))).isEqualTo(expected);
            case "toUTCString" ->
                assertThat(HttpDates.format(Long.parseLong(input))).isEqualTo(expected);
            case "trim" -> assertThat(JsStrings.trim(input)).isEqualTo(expected);
            default -> throw new IllegalArgumentException(fn);
        }
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> builtins() {
        return Stream.of(
                arguments("encodeURIComponent", "", ""),
                arguments("encodeURIComponent", "abc", "abc"),
                arguments("encodeURIComponent", "A-Z_a.z!~*'()", "A-Z_a.z!~*'()"),
                arguments("encodeURIComponent", " +/?#[]@&=;,:$", "%20%2B%2F%3F%23%5B%5D%40%26%3D%3B%2C%3A%24"),
                arguments("encodeURIComponent", "\u00e4\u20ac\ud83d\ude00", "%C3%A4%E2%82%AC%F0%9F%98%80"),
                arguments("encodeURIComponent", "\u0000\u007f\u0080", "%00%7F%C2%80"),
                arguments("encodeURIComponent", "%", "%25"),
                arguments("encodeURIComponent", "\ud800", null),
                arguments("encodeURIComponent", "a\udc00", null),
                arguments("decodeURIComponent", "", ""),
                arguments("decodeURIComponent", "abc", "abc"),
                arguments("decodeURIComponent", "%41%42", "AB"),
                arguments("decodeURIComponent", "%e2%82%ac", "\u20ac"),
                arguments("decodeURIComponent", "%F0%9F%98%80", "\ud83d\ude00"),
                arguments("decodeURIComponent", "%", null),
                arguments("decodeURIComponent", "%4", null),
                arguments("decodeURIComponent", "%zz", null),
                arguments("decodeURIComponent", "%C0%80", null),
                arguments("decodeURIComponent", "%ED%A0%80", null),
                arguments("decodeURIComponent", "%F4%90%80%80", null),
                arguments("decodeURIComponent", "%E2%82", null),
                arguments("decodeURIComponent", "%E2%82%41", null),
                arguments("decodeURIComponent", "%80", null),
                arguments("decodeURIComponent", "%F8%80%80%80%80", null),
                arguments("decodeURIComponent", "%2B+%20", "++ "),
                arguments("decodeURIComponent", "%25%32%35", "%25"),
                arguments("decodeURIComponent", "a%2x", null),
                arguments("parseFloat", "1", "1"),
                arguments("parseFloat", "0.5", "0.5"),
                arguments("parseFloat", ".5", "0.5"),
                arguments("parseFloat", "5.", "5"),
                arguments("parseFloat", "1e3", "1000"),
                arguments("parseFloat", "1e", "1"),
                arguments("parseFloat", "1e+", "1"),
                arguments("parseFloat", "-0.5", "-0.5"),
                arguments("parseFloat", "+.5", "0.5"),
                arguments("parseFloat", " \t0.25x", "0.25"),
                arguments("parseFloat", "abc", "NaN"),
                arguments("parseFloat", "", "NaN"),
                arguments("parseFloat", ".", "NaN"),
                arguments("parseFloat", "Infinity", "Infinity"),
                arguments("parseFloat", "-Infinityx", "-Infinity"),
                arguments("parseFloat", "0x10", "0"),
                arguments("parseFloat", "1.2.3", "1.2"),
                arguments("parseFloat", "\u00a01", "1"),
                arguments("parseFloat", "00.1", "0.1"),
                arguments("parseFloat", "1E-2", "0.01"),
                // a float is written as JavaScript writes the number of its own shortest decimal form
                arguments("floatToString", "1.1", "1.1"),
                arguments("floatToString", "-2.5", "-2.5"),
                arguments("floatToString", "16777216", "16777216"),
                arguments("floatToString", "1e-7", "1e-7"),
                arguments("floatToString", "3.4028235e38", "3.4028235e+38"),
                arguments("floatToString", "NaN", "NaN"),
                arguments("floatToString", "1.4E-45", "1e-45"),
                arguments("numberToString", "4.9E-324", "5e-324"),
                arguments("numberToString", "9.9E-324", "1e-323"),
                arguments("numberToString", "1.5E-323", "1.5e-323"),
                arguments("numberToString", "0", "0"),
                arguments("numberToString", "-0.0", "0"),
                arguments("numberToString", "1", "1"),
                arguments("numberToString", "-1", "-1"),
                arguments("numberToString", "1.5", "1.5"),
                arguments("numberToString", "0.1", "0.1"),
                arguments("numberToString", "1e+21", "1e+21"),
                arguments("numberToString", "100000000000000000000", "100000000000000000000"),
                arguments("numberToString", "123456789012345680000", "123456789012345680000"),
                arguments("numberToString", "0.000001", "0.000001"),
                arguments("numberToString", "1e-7", "1e-7"),
                arguments("numberToString", "1.5e-7", "1.5e-7"),
                arguments("numberToString", "2.5e+25", "2.5e+25"),
                arguments("numberToString", "-3.25e-10", "-3.25e-10"),
                arguments("numberToString", "0.000001234", "0.000001234"),
                arguments("numberToString", "100", "100"),
                arguments("numberToString", "0.3333333333333333", "0.3333333333333333"),
                arguments("numberToString", "NaN", "NaN"),
                arguments("numberToString", "Infinity", "Infinity"),
                arguments("numberToString", "-Infinity", "-Infinity"),
                arguments("numberToString", "9007199254740992", "9007199254740992"),
                arguments("toUTCString", "0", "Thu, 01 Jan 1970 00:00:00 GMT"),
                arguments("toUTCString", "1", "Thu, 01 Jan 1970 00:00:00 GMT"),
                arguments("toUTCString", "-1", "Wed, 31 Dec 1969 23:59:59 GMT"),
                arguments("toUTCString", "977653859900", "Sun, 24 Dec 2000 10:30:59 GMT"),
                arguments("toUTCString", "253402300800000", "Sat, 01 Jan 10000 00:00:00 GMT"),
                arguments("toUTCString", "-62198755200000", "Fri, 01 Jan -0001 00:00:00 GMT"),
                arguments("toUTCString", "-62167219200001", "Fri, 31 Dec -0001 23:59:59 GMT"),
                arguments("toUTCString", "8640000000000000", "Sat, 13 Sep 275760 00:00:00 GMT"),
                arguments("toUTCString", "-8640000000000000", "Tue, 20 Apr -271821 00:00:00 GMT"),
                arguments("toUTCString", "1700000000123", "Tue, 14 Nov 2023 22:13:20 GMT"),
                arguments("trim", " a ", "a"),
                arguments("trim", "\u00a0\ufeffa\u2028\u3000", "a"),
                arguments("trim", "\u0085a\u200b", "\u0085a\u200b"),
                arguments("trim", "\t\n\u000b\u000c\r", ""));
    }

    /** Node 20: {@code x.toFixed(d)}. */
    @ParameterizedTest(name = "({0}).toFixed({1}) = {2}")
    @MethodSource
    void toFixed(double x, int digits, String expected) {
        assertThat(JsStrings.toFixed(x, digits)).isEqualTo(expected);
    }

    static Stream<Arguments> toFixed() {
        return Stream.of(
                arguments(1.005, 2, "1.00"),
                arguments(2.5, 0, "3"),
                arguments(3.5, 0, "4"),
                arguments(0.0005, 3, "0.001"),
                arguments(1.23456, 3, "1.235"),
                arguments(123.4567, 0, "123"),
                arguments(0.1, 20, "0.10000000000000000555"),
                arguments(1e-7, 3, "0.000"),
                arguments(12.3456, 5, "12.34560"),
                arguments(-0.0001, 2, "-0.00"));
    }

    /** Node 20: {@code JSON.stringify(s)}. */
    @ParameterizedTest(name = "JSON.stringify({0}) = {1}")
    @MethodSource
    void quote(String s, String expected) {
        assertThat(JsStrings.quote(s)).isEqualTo(expected);
    }

    static Stream<Arguments> quote() {
        return Stream.of(
                arguments("a\"b", "\"a\\\"b\""),
                arguments("\\", "\"\\\\\""),
                arguments("\n\t", "\"\\n\\t\""),
                arguments("\u0001", "\"\\u0001\""),
                arguments("x\ud800y", "\"x\\ud800y\""),
                arguments("\u00e9\ud83d\ude00", "\"\u00e9\ud83d\ude00\""));
    }
}
