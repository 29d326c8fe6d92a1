package io.express4j.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * raw-body 3.0.2's checks. The "should 400 when invalid content-length" cases of Express's json, urlencoded, text
 * and raw tests rewrite {@code req.headers['content-length']} to 20 in a middleware before the parser; Java request
 * headers cannot be rewritten, so the same check is exercised here with a declared length of 20.
 */
class RawBodyTest {
    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRespond400WhenInvalidContentLength() {
        for (String body : new String[] {"{\"str\":", "str=", "user", "stuff"}) {
            assertThatThrownBy(() -> RawBody.read(bytes(body), 20, 102400, null))
                    .isInstanceOfSatisfying(BodyParserError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.type()).isEqualTo("request.size.invalid");
                    })
                    .hasMessage("request size did not match content length");
        }
    }

    @Test
    void declaredLengthOverTheLimitFailsBeforeReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read");
            }
        };
        assertThatThrownBy(() -> RawBody.read(never, 1 << 30, 1024, null))
                .isInstanceOfSatisfying(
                        BodyParserError.class, e -> assertThat(e.type()).isEqualTo("entity.too.large"))
                .hasMessage("request entity too large");
    }

    @Test
    void stopsReadingAtTheFirstChunkPastTheLimit() {
        long[] handedOut = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                handedOut[0] += len;
                return len;
            }
        };
        assertThatThrownBy(() -> RawBody.read(endless, -1, 100_000, null)).isInstanceOf(BodyParserError.class);
        assertThat(handedOut[0]).isLessThanOrEqualTo(100_000 + 8192);
    }

    @Test
    void unknownCharsetIsA415AfterTheLengthCheck() {
        assertThatThrownBy(() -> RawBody.read(bytes("x"), 1, 10, "x-bogus"))
                .isInstanceOfSatisfying(BodyParserError.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.type()).isEqualTo("encoding.unsupported");
                });
        assertThatThrownBy(() -> RawBody.read(bytes("x"), 100, 10, "x-bogus"))
                .isInstanceOfSatisfying(
                        BodyParserError.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void anAbortedConnectionIsRequestAborted() {
        InputStream broken = new RawBody.Source(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }
        });
        assertThatThrownBy(() -> RawBody.read(broken, 10, 100, null))
                .isInstanceOfSatisfying(BodyParserError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("request.aborted");
                })
                .hasMessage("request aborted");
    }
}
