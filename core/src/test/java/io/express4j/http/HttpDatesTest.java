package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * JS Date#toUTCString and V8 Date.parse as in Node 20. The date-parse-node20-*.json corpora hold
 * 2500 strings each parsed by node 20.20.2 with TZ=UTC and TZ=America/New_York (null = NaN);
 * date-format-node20.json holds toUTCString of 400 instants.
 */
class HttpDatesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDates.format(1704164645000L)).isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
        assertThat(HttpDates.format(1704164645999L)).isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
        assertThat(HttpDates.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDates.format(-1)).isEqualTo("Wed, 31 Dec 1969 23:59:59 GMT");
        assertThat(HttpDates.format(951782400000L)).isEqualTo("Tue, 29 Feb 2000 00:00:00 GMT");
    }

    @Test
    void formatsYearsOutsideFourDigitsLikeJs() {
        assertThat(HttpDates.format(-62198755200000L)).isEqualTo("Fri, 01 Jan -0001 00:00:00 GMT");
        assertThat(HttpDates.format(253402300800000L)).isEqualTo("Sat, 01 Jan 10000 00:00:00 GMT");
        assertThat(HttpDates.format(8_640_000_000_000_000L)).isEqualTo("Sat, 13 Sep 275760 00:00:00 GMT");
        assertThat(HttpDates.format(8_640_000_000_000_001L)).isEqualTo("Invalid Date");
    }

    @Test
    void formatCacheDoesNotLeakBetweenSeconds() {
        assertThat(HttpDates.format(1704164645000L)).isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
        assertThat(HttpDates.format(1704164646000L)).isEqualTo("Tue, 02 Jan 2024 03:04:06 GMT");
        assertThat(HttpDates.format(1704164645500L)).isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
    }

    @Test
    void formatMatchesNode20() {
        JsonNode cases = Fixtures.json("date-format-node20.json");
        assertThat(cases.size()).isEqualTo(400);
        for (JsonNode c : cases) {
            long t = c.get(0).longValue();
            assertThat(HttpDates.format(t))
                    .as("format(%d)", t)
                    .isEqualTo(c.get(1).stringValue());
        }
    }

    @Test
    void parsesTheThreeHttpDateFormats() {
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", UTC)).isEqualTo(784111777000L);
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", UTC)).isEqualTo(784111777000L);
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994", UTC)).isEqualTo(784111777000L);
        // asctime has no zone: it is local time
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994", NEW_YORK)).isEqualTo(784129777000L);
        assertThat(HttpDates.parse("Tue, 02 Jan 2024 03:04:05 GMT")).isEqualTo(1704164645000L);
    }

    @Test
    void parsesIsoStrings() {
        assertThat(HttpDates.parse("2024-01-02T03:04:05Z", NEW_YORK)).isEqualTo(1704164645000L);
        assertThat(HttpDates.parse("2024-01-02T03:04:05.678Z", NEW_YORK)).isEqualTo(1704164645678L);
        assertThat(HttpDates.parse("2024-01-02T03:04:05+01:00", NEW_YORK)).isEqualTo(1704161045000L);
        // date-only is UTC, date-time without offset is local
        assertThat(HttpDates.parse("2024-01-02", NEW_YORK)).isEqualTo(1704153600000L);
        assertThat(HttpDates.parse("2024-01-02T03:04:05", NEW_YORK)).isEqualTo(1704182645000L);
        assertThat(HttpDates.parse("2024-01-02T24:00:00Z", UTC)).isEqualTo(1704240000000L);
        assertThat(HttpDates.parse("2024-01-02T24:00:01Z", UTC)).isEqualTo(HttpDates.INVALID);
    }

    @Test
    void legacyQuirks() {
        assertThat(HttpDates.parse("Tue, 31 Feb 2024 03:04:05 GMT", UTC)) // rolls into March
                .isEqualTo(HttpDates.parse("Sat, 02 Mar 2024 03:04:05 GMT", UTC));
        assertThat(HttpDates.parse("Tue, 02 Jan 0049 03:04:05 GMT", UTC))
                .isEqualTo(HttpDates.parse("Tue, 02 Jan 2049 03:04:05 GMT", UTC));
        assertThat(HttpDates.parse("Tue, 02 Jan 2024 03:04:05 EST", UTC)).isEqualTo(1704182645000L);
        assertThat(HttpDates.parse("Tue, 02 Jan 2024 03:04:05 +0130", UTC)).isEqualTo(1704159245000L);
        assertThat(HttpDates.parse("Tue, 02 Jan 2024 3:4:5 PM GMT", UTC)).isEqualTo(1704207845000L);
        assertThat(HttpDates.parse("(comment) Jan 2 2024", UTC)).isEqualTo(1704153600000L);
    }

    @Test
    void invalidIsLongMinValue() {
        assertThat(HttpDates.INVALID).isEqualTo(Long.MIN_VALUE);
        assertThat(HttpDates.parse("foo")).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("")).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse(null)).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("garbage 2024 x", UTC)).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("Tue, 32 Jan 2024 03:04:05 GMT", UTC)).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("Tue, 02 Jan 2024 03:04:05 XYZ", UTC)).isEqualTo(HttpDates.INVALID);
        assertThat(HttpDates.parse("+275760-09-13T00:00:00.001Z", UTC)).isEqualTo(HttpDates.INVALID);
        // -1 is a real instant, not an error value
        assertThat(HttpDates.parse("Wed, 31 Dec 1969 23:59:59 GMT", UTC)).isEqualTo(-1000L);
    }

    @Test
    void parseMatchesNode20InUtc() {
        assertCorpus("date-parse-node20-utc.json", UTC);
    }

    @Test
    void parseMatchesNode20InNewYork() {
        assertCorpus("date-parse-node20-new-york.json", NEW_YORK);
    }

    private static void assertCorpus(String resource, ZoneId zone) {
        JsonNode cases = Fixtures.json(resource);
        assertThat(cases.size()).isEqualTo(2500);
        for (JsonNode c : cases) {
            String text = c.get(0).stringValue();
            long expected = c.get(1).isNull() ? HttpDates.INVALID : c.get(1).longValue();
            assertThat(HttpDates.parse(text, zone))
                    .as("Date.parse(%s) in %s", c.get(0), zone)
                    .isEqualTo(expected);
        }
    }

    @Test
    void civilDateArithmetic() {
        assertThat(HttpDates.daysFromCivil(1970, 1, 1)).isZero();
        assertThat(HttpDates.daysFromCivil(2000, 3, 1)).isEqualTo(11017);
        assertThat(HttpDates.daysFromCivil(-1, 1, 1)).isEqualTo(-719893);
        assertThat(HttpDates.civilFromDays(11017)).containsExactly(2000, 3, 1);
        assertThat(HttpDates.civilFromDays(-719893)).containsExactly(-1, 1, 1);
    }
}
