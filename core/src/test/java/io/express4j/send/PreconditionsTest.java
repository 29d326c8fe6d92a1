package io.express4j.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** If-Range per RFC 9110 §13.1.5 (the rest of the conditionals is send's and tested on the wire). */
class PreconditionsTest {
    private static final String LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:05 GMT";

    @Test
    void absentIsValid() {
        assertThat(Preconditions.rangeStillValid(null, "\"a\"", LAST_MODIFIED)).isTrue();
        assertThat(Preconditions.rangeStillValid("", "\"a\"", LAST_MODIFIED)).isTrue();
    }

    @Test
    void strongComparison() {
        assertThat(Preconditions.rangeStillValid("\"a\"", "\"a\"", null)).isTrue();
        assertThat(Preconditions.rangeStillValid(" \"a\" ", "\"a\"", null)).isTrue();
        assertThat(Preconditions.rangeStillValid("\"a\"", "W/\"a\"", null)).isFalse();
        assertThat(Preconditions.rangeStillValid("W/\"a\"", "W/\"a\"", null)).isFalse();
        assertThat(Preconditions.rangeStillValid("W/\"a\"", "\"a\"", null)).isFalse();
        assertThat(Preconditions.rangeStillValid("\"b\"", "\"a\"", null)).isFalse();
        assertThat(Preconditions.rangeStillValid("\"a\", \"b\"", "\"a\"", null)).isFalse();
        assertThat(Preconditions.rangeStillValid("xx\"a\"xx", "\"a\"", null)).isFalse();
        assertThat(Preconditions.rangeStillValid("\"a\"", null, LAST_MODIFIED)).isFalse();
    }

    @Test
    void exactDate() {
        assertThat(Preconditions.rangeStillValid(LAST_MODIFIED, null, LAST_MODIFIED))
                .isTrue();
        assertThat(Preconditions.rangeStillValid("Tuesday, 02-Jan-24 03:04:05 GMT", null, LAST_MODIFIED))
                .isTrue();
        assertThat(Preconditions.rangeStillValid("Tue, 02 Jan 2024 03:04:06 GMT", null, LAST_MODIFIED))
                .isFalse();
        assertThat(Preconditions.rangeStillValid("Tue, 02 Jan 2024 03:04:04 GMT", null, LAST_MODIFIED))
                .isFalse();
        assertThat(Preconditions.rangeStillValid("not a date", null, LAST_MODIFIED))
                .isFalse();
        assertThat(Preconditions.rangeStillValid(LAST_MODIFIED, null, null)).isFalse();
    }
}
