package io.express4j.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Decoder failures read as Node 20's zlib reports them through body-parser (messages from express 5.3.0). */
class InflationTest {
    private static String failure(String encoding, String hex) {
        BodyParserError e = catchThrowableOfType(
                BodyParserError.class,
                () -> RawBody.read(
                        Inflation.open(
                                encoding,
                                new ByteArrayInputStream(HexFormat.of().parseHex(hex))),
                        -1,
                        1024,
                        null));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isNull();
        return e.getMessage();
    }

    @Test
    void zlibMessages() {
        assertThat(failure("gzip", "1f8b080000000000000bab56cc4d55b2527ab16e97522d00515be1cc0e000000"))
                .isEqualTo("incorrect data check");
        assertThat(failure("gzip", "1f8b080000000000000bab56ca4bcc4d55b2527ab16e97522d00515be1cc0e0000"))
                .isEqualTo("unexpected end of file");
        assertThat(failure("gzip", "0000000000")).isEqualTo("incorrect header check");
        assertThat(failure("gzip", "1f8b0800000000")).isEqualTo("unexpected end of file");
        assertThat(failure("deflate", "0000000000")).isEqualTo("unknown compression method");
        assertThat(failure("deflate", "1f8b08000000")).isEqualTo("incorrect header check");
        assertThat(failure("deflate", "789cab56ca4bcc4d55b2527ab16e97522d0027")).isEqualTo("unexpected end of file");
    }
}
