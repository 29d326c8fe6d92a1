package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

/** Express 5's test/res.sendStatus.js and the §9 captures of {@code /status/*}. */
class ResSendStatusTest {

    private static RawResponse get(int status) {
        App app = Express.app();
        app.set("env", "test");
        app.use((req, res) -> res.sendStatus(status));
        return once(app, "GET", "/");
    }

    @Test
    void sendsTheStatusCodeAndMessageAsBody() {
        RawResponse r = get(201);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).isEqualTo("Created");
    }

    @Test
    void worksWithAnUnknownCode() {
        RawResponse r = get(599);
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 599 unknown
                X-Powered-By: express4j
                Content-Type: text/plain; charset=utf-8
                Content-Length: 3
                ETag: W/"3-E7ckkFUw1N5b+utxS8LH8fLuKZI"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo("599");
    }

    /** Express's case passes undefined (a TypeError); the Java API takes an int, so an out-of-range one. */
    @Test
    void raisesAnErrorForAnInvalidStatusCode() {
        RawResponse r = get(99);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("<pre>java.lang.IllegalArgumentException: Invalid status code: 99.");
    }

    @Test
    void status204KeepsTheETagOfTheDiscardedText() {
        RawResponse r = get(204);
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 204 No Content
                X-Powered-By: express4j
                ETag: W/"a-bAsFyilMr4Ra1hIU5PyoyFRunpI"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void status418() {
        RawResponse r = get(418);
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 418 I'm a Teapot
                X-Powered-By: express4j
                Content-Type: text/plain; charset=utf-8
                Content-Length: 12
                ETag: W/"c-2UDTmC4hdG5PUA+z8oDkrgejuV8"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo("I'm a Teapot");
    }

    @Test
    void status299HasTheCodeAsBodyAndUnknownAsReason() {
        RawResponse r = get(299);
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 299 unknown
                X-Powered-By: express4j
                Content-Type: text/plain; charset=utf-8
                Content-Length: 3
                ETag: W/"3-Sy45KBbZO647VioSALDHo/P9dtQ"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo("299");
    }
}
