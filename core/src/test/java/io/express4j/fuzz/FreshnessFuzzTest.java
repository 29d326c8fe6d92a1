package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.http.ETags;
import io.express4j.http.Freshness;
import java.nio.charset.StandardCharsets;

/** etag and fresh: any conditional headers are judged without throwing; a body's own ETag always makes an
 *  If-None-Match request fresh (unless no-cache), a different body's never does. */
class FreshnessFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fresh(byte[] input) {
        String[] f = FuzzInput.fields(input, 5);
        byte[] body = f[4].getBytes(StandardCharsets.ISO_8859_1);
        String weak = ETags.generate(body, true);
        String strong = ETags.generate(body, false);
        assertThat(weak).startsWith("W/\"").endsWith("\"");
        assertThat(strong).startsWith("\"").endsWith("\"");
        Freshness.isFresh(f[0], f[1], f[2], f[3], f[1]);
        Freshness.isFresh(f[0], f[1], f[2], weak, f[3]);
        assertThat(Freshness.isFresh(weak, null, null, weak, null)).isTrue();
        assertThat(Freshness.isFresh(strong + ", " + f[0], null, null, weak, null))
                .isTrue();
        String other = ETags.generate((f[4] + "x").getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(Freshness.isFresh(other, null, null, strong, null)).isFalse();
        assertThat(Freshness.isFresh(strong, null, "no-cache", strong, null)).isFalse();
    }
}
