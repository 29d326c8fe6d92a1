package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ContentCodings#negotiate} (compression 1.8.2's choice) and {@link ContentCodings#negotiatePrecompressed}
 * (the sibling static serves). Every expected value is what negotiator 0.6.4, the one compression pins, answers:
 * {@code encoding(['br', 'gzip', 'deflate', 'identity'], ['br', 'gzip'])} for compression, {@code
 * encodings([...available, 'identity'], available)[0]} for siblings; identity and nothing are both null. Unlike
 * negotiator 1.x (Express's {@code req.acceptsEncodings}), 0.6.4 reads an empty or unreadable q as NaN: refused.
 */
class ContentCodingsTest {
    private static final List<String> BR_GZIP = List.of("br", "gzip");

    private static String pick(String header, List<String> available) {
        return ContentCodings.negotiatePrecompressed(header, available);
    }

    @Test
    void noHeaderOrAnEmptyOneAcceptsOnlyIdentity() {
        assertThat(pick(null, BR_GZIP)).isNull();
        assertThat(pick("", BR_GZIP)).isNull();
    }

    @Test
    void theOnlyAcceptedCodingIsTaken() {
        assertThat(pick("gzip", BR_GZIP)).isEqualTo("gzip");
        assertThat(pick("GZIP", BR_GZIP)).isEqualTo("gzip");
        assertThat(pick("gzip;q=0.001", List.of("gzip"))).isEqualTo("gzip");
    }

    @Test
    void tiesGoInTheAvailableOrder() {
        assertThat(pick("gzip, br", BR_GZIP)).isEqualTo("br");
        assertThat(pick("gzip, br", List.of("gzip", "br"))).isEqualTo("gzip");
        assertThat(pick("*", BR_GZIP)).isEqualTo("br");
    }

    @Test
    void qValuesComeFirst() {
        assertThat(pick("br;q=0.5, gzip", BR_GZIP)).isEqualTo("gzip");
        assertThat(pick("gzip;q=0.5, identity", BR_GZIP)).isNull();
    }

    @Test
    void refusedOrUnavailableCodingsGiveTheFileItself() {
        assertThat(pick("identity", BR_GZIP)).isNull();
        assertThat(pick("*;q=0", BR_GZIP)).isNull();
        assertThat(pick("br;q=0", List.of("br"))).isNull();
        assertThat(pick("deflate", BR_GZIP)).isNull();
    }

    @Test
    void garbageQValuesAreNotAcceptances() {
        assertThat(pick("br;q=x, gzip;q=;;, ;q=2, *;q=-1", BR_GZIP)).isNull();
    }

    // ---- negotiate: compression's choice ----

    private static String compression(String header) {
        return ContentCodings.negotiate(header, true, "identity");
    }

    @Test
    void anEmptyQRefusesTheCodingAsNegotiator064Does() {
        assertThat(compression("gzip;q=, deflate")).isEqualTo("deflate");
        assertThat(compression("br;q=, gzip")).isEqualTo("gzip");
        assertThat(compression("gzip;q=foo, br;q=, deflate;q=1e3")).isEqualTo("deflate");
    }

    @Test
    void compressionPrefersBrThenGzipOnTies() {
        assertThat(compression("deflate, gzip")).isEqualTo("gzip");
        assertThat(compression("gzip;q=0.5, deflate;q=0.5")).isEqualTo("gzip");
        assertThat(compression("*")).isEqualTo("br");
        assertThat(compression(" gzip ; q=0.8 , br ; q=0.9")).isEqualTo("br");
    }

    @Test
    void compressionReadsNamesCaseInsensitivelyAndSkipsOtherParameters() {
        assertThat(compression("GZIP;Q=0.5")).isEqualTo("gzip");
        assertThat(compression("gzip;q=0.5;level=1")).isEqualTo("gzip");
    }

    @Test
    void compressionFindsNothingToDo() {
        assertThat(compression("identity;q=0, *;q=0")).isNull();
        assertThat(compression("x-gzip")).isNull();
        assertThat(compression(null)).isNull();
        assertThat(ContentCodings.negotiate(null, true, "gzip")).isEqualTo("gzip");
        assertThat(ContentCodings.negotiate("", true, "br")).isEqualTo("br");
        assertThat(ContentCodings.negotiate(null, false, "br")).isNull();
    }
}
