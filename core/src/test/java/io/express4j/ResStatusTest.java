package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Express 5's test/res.status.js. The Java API takes an {@code int}, so the non-integer cases (200.1, undefined,
 * null, "200", NaN) cannot be written; the range checks are ported, with Express's RangeError message.
 */
class ResStatusTest {

    private static App app(int status) {
        App app = Express.app();
        app.set("env", "test");
        app.use((req, res) -> res.status(status).end());
        return app;
    }

    @Test
    void setsTheStatusCodeWhenValid() {
        RawResponse r = once(app(200), "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("OK");
    }

    /** Express skips 100 (Expect: 100-continue has its own meaning in Node); so does this port. */
    @ParameterizedTest
    @ValueSource(ints = {101, 201, 302, 403, 501, 700, 800, 900})
    void acceptsTheValidRange(int status) {
        RawResponse r = once(app(status), "GET", "/");
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void anUnregisteredCodeHasTheReasonUnknown() {
        RawResponse r = once(app(700), "GET", "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 700 unknown
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 0
                """);
    }

    @Test
    void status101HasNoFramingHeaders() {
        RawResponse r = once(app(101), "GET", "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 101 Switching Protocols
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 1000, 0, -200})
    void raisesAnErrorOutsideTheRange(int status) {
        RawResponse r = once(app(status), "GET", "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text())
                .contains("<pre>java.lang.IllegalArgumentException: Invalid status code: " + status
                        + ". Status code must be greater than 99 and less than 1000.<br>");
    }

    @Test
    void throwsIllegalArgumentExceptionAndLeavesTheStatus() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        App app = Express.app();
        app.use((req, res) -> {
            try {
                res.status(1000);
            } catch (IllegalArgumentException e) {
                thrown.set(e);
            }
            res.end(Integer.toString(res.statusCode()));
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.text()).isEqualTo("200");
        assertThat(thrown.get())
                .hasMessage("Invalid status code: 1000. Status code must be greater than 99 and less than 1000.");
    }

    @Test
    void isChainable() {
        AtomicReference<Object> returned = new AtomicReference<>();
        AtomicReference<Object> response = new AtomicReference<>();
        App app = Express.app();
        app.use((req, res) -> {
            response.set(res);
            returned.set(res.status(201));
            res.end();
        });
        assertThat(once(app, "GET", "/").status()).isEqualTo(201);
        assertThat(returned.get()).isSameAs(response.get());
    }
}
