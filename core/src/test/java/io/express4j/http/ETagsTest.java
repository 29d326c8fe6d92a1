package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors from EXPRESS.md §2.1/§9 and from the npm etag 1.8.1 package run on Node 20. */
class ETagsTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "''|W/\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"",
                "Hello World|W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"",
                "hello, world!|W/\"d-HwnTDHB9U/PRbFMN1z1wps51lqk\"",
                "kajdslfkasdf|W/\"c-IgR/L5SF7CJQff4wxKGF/vfPuZ0\"",
                "héllo wörld ☃|W/\"11-uMrSJM5Lb3xjAvmaKPATMCZC46k\"",
                // oracle captures (§9)
                "Hello Buffer|W/\"c-s12zOAI280CSlVptiTswii4kBWE\"",
                "{\"hello\":\"world\",\"n\":[1,2]}|W/\"1b-uOAZEGPJmQSUQZjsEnQ9rkI7WnI\"",
                "42|W/\"2-ks/Os51X2RTtixTQ43ZD3geXrlY\"",
                "No Content|W/\"a-bAsFyilMr4Ra1hIU5PyoyFRunpI\"",
                "I'm a Teapot|W/\"c-2UDTmC4hdG5PUA+z8oDkrgejuV8\"",
                "299|W/\"3-Sy45KBbZO647VioSALDHo/P9dtQ\"",
                "latin|W/\"5-4tNa2UDxB7dVyQWbk2JMez3T5W0\"",
                "cookies|W/\"7-0r01SWfW2l1oyVQMkKY1LpJ8iMY\"",
            })
    void weakBodyTags(String body, String expected) {
        assertThat(ETags.generate(utf8(body), true)).isEqualTo(expected);
    }

    @Test
    void longBodiesUseHexLength() {
        assertThat(ETags.generate(utf8("-".repeat(999)), true)).isEqualTo("W/\"3e7-qPnkJ3CVdVhFJQvUBfF10TmVA7g\"");
        assertThat(ETags.generate(utf8("x".repeat(65536)), false)).isEqualTo("\"10000-+63/cCl69jzd74RukAbHdNqLf7A\"");
    }

    @Test
    void strongTagsHaveNoPrefix() {
        assertThat(ETags.generate(utf8("beep boop"), false)).isEqualTo("\"9-fINXV39R1PCo05OqGqr7KIY9lCE\"");
        assertThat(ETags.generate(new byte[0], false)).isEqualTo("\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"");
        assertThat(ETags.generate(new byte[] {0, 1, 2, (byte) 255}, false))
                .isEqualTo("\"4-xiwnkk9Mln9e3bGFDAkdVMeiq1g\"");
    }

    @Test
    void sliceOfALargerArray() {
        byte[] framed = utf8("[[Hello World]]");
        assertThat(ETags.generate(framed, 2, 11, true)).isEqualTo("W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
        assertThat(ETags.generate(framed, 15, 0, true)).isEqualTo("W/\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"");
    }

    @Test
    void rejectsOutOfBoundsSlices() {
        assertThatThrownBy(() -> ETags.generate(new byte[3], 2, 2, true)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void digestIsResetBetweenCalls() {
        byte[] body = utf8("Hello World");
        assertThat(ETags.generate(body, true)).isEqualTo(ETags.generate(body, true));
    }

    @Test
    void threadsDoNotShareDigestState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Callable<String> task = () -> ETags.generate(utf8("Hello World"), true);
                results.add(pool.submit(task));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fileTagsUseSizeAndMtime() {
        assertThat(ETags.forFile(9, 1704164645000L)).isEqualTo("W/\"9-18cc820d888\"");
        assertThat(ETags.forFile(11, 1704164645000L)).isEqualTo("W/\"b-18cc820d888\"");
        assertThat(ETags.forFile(12, 1704164645000L)).isEqualTo("W/\"c-18cc820d888\"");
        assertThat(ETags.forFile(0, 0)).isEqualTo("W/\"0-0\"");
        // JS Number#toString(16) of a negative time keeps a minus sign
        assertThat(ETags.forFile(1234567, -5000)).isEqualTo("W/\"12d687--1388\"");
    }
}
