package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fresh 2.0.0 package's own cases plus edge cases whose answers were taken from the real
 * package on Node 20. (Express's req.fresh cases, with method and status rules, belong to a
 * ReqFreshTest at the request layer.)
 */
class FreshnessTest {

    private static final String T0 = "Tue, 02 Jan 2024 03:04:01 GMT"; // now - 4 s
    private static final String T1 = "Tue, 02 Jan 2024 03:04:03 GMT"; // now - 2 s

    private static boolean fresh(String inm, String ims, String cc, String etag, String lastModified) {
        return Freshness.isFresh(inm, ims, cc, etag, lastModified);
    }

    // --- fresh's test/fresh.js ---

    @Test
    void unconditionalRequestIsStale() {
        assertThat(fresh(null, null, null, null, null)).isFalse();
        assertThat(fresh(null, null, null, "\"a\"", T0)).isFalse();
    }

    @Test
    void ifNoneMatch() {
        assertThat(fresh("tobi", null, null, "tobi", null)).as("etags match").isTrue();
        assertThat(fresh("tobi", null, null, "luna", null)).as("etags mismatch").isFalse();
        assertThat(fresh("tobi", null, null, null, null)).as("etag missing").isFalse();
        assertThat(fresh("W/\"foo\"", null, null, "W/\"foo\"", null))
                .as("weak exact")
                .isTrue();
        assertThat(fresh("W/\"foo\"", null, null, "\"foo\"", null))
                .as("weak vs strong")
                .isTrue();
        assertThat(fresh("\"foo\"", null, null, "\"foo\"", null))
                .as("strong exact")
                .isTrue();
        assertThat(fresh("*", null, null, "hey", null)).as("star").isTrue();
    }

    @Test
    void strongRequestTagMatchesWeakResponseTag() {
        // older fresh versions tested this as stale; fresh 2.0.0 (checked on Node 20) matches it,
        // which is also why Express answers If-None-Match: "b-..." against W/"b-..." with a 304
        assertThat(fresh("\"foo\"", null, null, "W/\"foo\"", null)).isTrue();
    }

    @Test
    void ifModifiedSince() {
        assertThat(fresh(null, T0, null, null, T1)).as("modified since").isFalse();
        assertThat(fresh(null, T1, null, null, T0)).as("unmodified since").isTrue();
        assertThat(fresh(null, T1, null, null, null))
                .as("last-modified missing")
                .isFalse();
        assertThat(fresh(null, "foo", null, null, T0))
                .as("invalid if-modified-since")
                .isFalse();
        assertThat(fresh(null, T1, null, null, "foo"))
                .as("invalid last-modified")
                .isFalse();
    }

    @Test
    void bothConditionals() {
        assertThat(fresh("tobi", T1, null, "tobi", T0)).as("both match").isTrue();
        assertThat(fresh("tobi", T0, null, "tobi", T1))
                .as("only etag matches: INM decides")
                .isTrue();
        assertThat(fresh("tobi", T1, null, "luna", T0))
                .as("only last-modified matches")
                .isFalse();
        assertThat(fresh("tobi", T0, null, "luna", T1)).as("none match").isFalse();
    }

    @Test
    void cacheControlNoCacheIsStale() {
        assertThat(fresh("\"a\"", null, " no-cache", "\"a\"", null)).isFalse();
        assertThat(fresh("\"a\"", null, "max-age=0, no-cache", "\"a\"", null)).isFalse();
        assertThat(fresh("\"a\"", null, "private,no-cache , x", "\"a\"", null)).isFalse();
        assertThat(fresh("\"a\"", null, "\u00a0no-cache\t", "\"a\"", null)).isFalse();
        assertThat(fresh(null, T1, "no-cache", null, T0)).isFalse();
    }

    @Test
    void onlyAnExactNoCacheElementCounts() {
        assertThat(fresh("\"a\"", null, "no-cache=\"x\"", "\"a\"", null)).isTrue();
        assertThat(fresh("\"a\"", null, "no-cachex", "\"a\"", null)).isTrue();
        assertThat(fresh("\"a\"", null, "NO-CACHE", "\"a\"", null)).isTrue();
        assertThat(fresh("\"a\"", null, "max-age=0", "\"a\"", null)).isTrue();
        assertThat(Freshness.hasNoCache("a,,no-cache")).isTrue();
        assertThat(Freshness.hasNoCache(",")).isFalse();
    }

    // --- tag lists and edge cases (answers from the real package) ---

    @Test
    void tagLists() {
        assertThat(fresh("\"foo\", \"bar\"", null, null, "\"bar\"", null)).isTrue();
        assertThat(fresh(" \"foo\" , \"bar\" ", null, null, "\"bar\"", null)).isTrue();
        assertThat(fresh("\"foo\",\"bar\"", null, null, "W/\"bar\"", null)).isTrue();
        assertThat(fresh(",,\"a\",", null, null, "\"a\"", null)).isTrue();
        assertThat(fresh("\"b a r\"", null, null, "\"b a r\"", null)).isTrue();
        assertThat(fresh("W/ \"bar\"", null, null, "W/\"bar\"", null)).isFalse();
        assertThat(fresh("W/", null, null, "W/W/", null)).isTrue();
    }

    @Test
    void starMustBeTheWholeHeader() {
        assertThat(fresh("*", null, null, null, null)).isTrue();
        assertThat(fresh("*, \"x\"", null, null, "\"bar\"", null)).isFalse();
        assertThat(fresh(" *", null, null, "\"bar\"", null)).isFalse();
    }

    @Test
    void emptyHeadersCountAsAbsent() {
        assertThat(fresh("", T1, null, "\"x\"", T1)).isTrue();
        assertThat(fresh("", "", null, "\"x\"", T1)).isFalse();
        assertThat(fresh("\"x\"", null, "", "\"x\"", null)).isTrue();
        assertThat(fresh("\"x\"", null, null, "", null)).isFalse();
    }

    @Test
    void datesAreComparedAsInstants() {
        assertThat(fresh(null, T1, null, null, T1)).isTrue();
        assertThat(fresh(null, "2024-01-02T03:04:03Z", null, null, T1)).isTrue();
        assertThat(fresh(null, "Tue, 02 Jan 2024 03:04:02 GMT", null, null, T1)).isFalse();
    }

    @Test
    void oracleCaptureCases() {
        String tag = "W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"";
        assertThat(fresh(tag, null, null, tag, null)).isTrue();
        assertThat(fresh("\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"", null, null, tag, null))
                .isTrue();
        assertThat(fresh("*", null, null, tag, null)).isTrue();
        assertThat(fresh(tag, null, "no-cache", tag, null)).isFalse();
        String file = "Tue, 02 Jan 2024 03:04:05 GMT";
        assertThat(fresh(null, file, null, "W/\"9-18cc820d888\"", file)).isTrue();
    }
}
