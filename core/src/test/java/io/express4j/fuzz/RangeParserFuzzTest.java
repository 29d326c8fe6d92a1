package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.http.RangeParser;

/** range-parser: every header gives OK, unsatisfiable or malformed; OK ranges lie inside the entity, in order. */
class RangeParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String[] f = FuzzInput.fields(input, 2);
        long size = f[1].isEmpty() ? 1000 : (f[1].hashCode() & 0x7fffffffL) % 100_000;
        for (boolean combine : new boolean[] {false, true}) {
            RangeParser.Ranges ranges = RangeParser.parse(size, f[0], combine);
            assertThat(ranges.status())
                    .isIn(RangeParser.Ranges.OK, RangeParser.Ranges.UNSATISFIABLE, RangeParser.Ranges.MALFORMED);
            if (ranges.isOk()) {
                assertThat(ranges.ranges()).isNotEmpty();
                for (RangeParser.Range r : ranges.ranges()) {
                    assertThat(r.start()).isBetween(0L, size - 1);
                    assertThat(r.end()).isBetween(r.start(), size - 1);
                }
            }
        }
    }
}
