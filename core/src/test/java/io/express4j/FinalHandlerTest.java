package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.Expect;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The default 404 and error pages (finalhandler 2.1.1, EXPRESS.md §5.6 and the §9 captures). The env is set with
 * {@code app.set("env", …)}; EXPRESS_ENV / NODE_ENV only provide its default.
 */
class FinalHandlerTest {

    /** finalhandler's document around an already escaped message, as the §9 captures show it. */
    private static String page(String escapedMessage) {
        return Expect.errorDocument(escapedMessage);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** How a Java stack trace reads in the development page: Node's four-space indent, lines as {@code <br>}. */
    private static String stackMessage(Throwable err) {
        StringBuilder sb =
                new StringBuilder(escape(err.toString()).replace("\n", "<br>").replace("  ", " &nbsp;"));
        for (StackTraceElement frame : err.getStackTrace()) {
            sb.append("<br> &nbsp; &nbsp;at ").append(escape(frame.toString()));
        }
        return sb.toString();
    }

    private static App app(String env) {
        App app = Express.app();
        app.set("env", env);
        return app;
    }

    @Test
    void notFoundPageEncodesThePath() {
        RawResponse r = once(app("development"), "GET", "/nope/%3Cpath%3E");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 404 Not Found
                X-Powered-By: express4j
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: 154
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo(page("Cannot GET /nope/%3Cpath%3E"));
    }

    @Test
    void notFoundPageLeavesOutTheQueryAndNamesTheMethod() {
        RawResponse r = once(app("development"), "DELETE", "/a%20b?x=<y>");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).isEqualTo(page("Cannot DELETE /a%20b"));
    }

    @Test
    void headNotFoundHasTheLengthButNoBody() {
        RawResponse r = once(app("development"), "HEAD", "/nope");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 404 Not Found
                X-Powered-By: express4j
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: 144
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void productionNotFound() {
        RawResponse r = once(app("production"), "GET", "/nope");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 404 Not Found
                X-Powered-By: express4j
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: 143
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo(page("Cannot GET /nope"));
    }

    @Test
    void productionErrorShowsTheReasonPhraseOnly() {
        App app = app("production");
        app.get("/error/sync", (req, res) -> {
            throw new HttpError(418, "sync boom");
        });
        RawResponse r = once(app, "GET", "/error/sync");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 418 I'm a Teapot
                X-Powered-By: express4j
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: 143
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo(page("I&#39;m a Teapot"));
    }

    @Test
    void developmentErrorShowsTheEscapedStackTrace() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        App app = app("development");
        app.get("/error", (req, res) -> {
            IllegalStateException e = new IllegalStateException("bad <b>  two\nlines & 'more'");
            thrown.set(e);
            throw e;
        });
        RawResponse r = once(app, "GET", "/error");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("Internal Server Error");
        String expected = page(stackMessage(thrown.get()));
        assertThat(r.text())
                .isEqualTo(expected)
                .startsWith(page("").substring(0, page("").indexOf("</pre>"))
                        + "java.lang.IllegalStateException: bad &lt;b&gt; &nbsp;two<br>lines &amp; &#39;more&#39;"
                        + "<br> &nbsp; &nbsp;at io.express4j.FinalHandlerTest.");
        assertThat(r.header("Content-Length"))
                .isEqualTo(Integer.toString(expected.getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void anHttpErrorIsNamedByItsStatusAsHttpErrorsNamesIt() {
        // Express: next(createError(404)) shows "NotFoundError: Not Found<br> &nbsp; &nbsp;at …"
        App app = app("development");
        app.get("/missing", (req, res, next) -> next.fail(HttpError.of(404)));
        RawResponse r = once(app, "GET", "/missing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text())
                .startsWith(page("").substring(0, page("").indexOf("</pre>"))
                        + "NotFoundError: Not Found<br> &nbsp; &nbsp;at io.express4j.");
    }

    @Test
    void anHttpErrorsHeadersAreApplied() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        App app = app("development");
        app.get("/error/headers", (req, res, next) -> {
            HttpError e = new HttpError(503, "with headers", Map.of("Retry-After", "120"));
            thrown.set(e);
            next.fail(e);
        });
        RawResponse r = once(app, "GET", "/error/headers");
        String expected = page(stackMessage(thrown.get()));
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 503 Service Unavailable
                X-Powered-By: express4j
                Retry-After: 120
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: %d
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """.formatted(expected.getBytes(StandardCharsets.UTF_8).length));
        assertThat(r.text()).isEqualTo(expected).contains("<pre>ServiceUnavailableError: with headers<br>");
    }

    /** An exception with a public {@code int status()}: Express's {@code err.status}. */
    public static final class TeapotException extends RuntimeException {
        private final int status;

        TeapotException(int status) {
            super("status " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** An exception with a public {@code int getStatusCode()}: Express's {@code err.statusCode}. */
    public static final class ConflictException extends RuntimeException {
        public int getStatusCode() {
            return 409;
        }
    }

    private static RawResponse failWith(RuntimeException e, int statusBefore) {
        App app = app("production");
        app.get("/", (req, res) -> {
            if (statusBefore > 0) res.status(statusBefore);
            throw e;
        });
        return once(app, "GET", "/");
    }

    @Test
    void aPublicStatusMethodGivesTheStatus() {
        RawResponse r = failWith(new TeapotException(418), 0);
        assertThat(r.status()).isEqualTo(418);
        assertThat(r.text()).isEqualTo(page("I&#39;m a Teapot"));
    }

    @Test
    void aPublicGetStatusCodeMethodGivesTheStatus() {
        RawResponse r = failWith(new ConflictException(), 0);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text()).isEqualTo(page("Conflict"));
    }

    @Test
    void anErrorStatusOutside400To599Is500() {
        RawResponse r = failWith(new TeapotException(302), 0);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).isEqualTo(page("Internal Server Error"));
    }

    /** Oracle: statuses has no message for 599, so finalhandler's page reads "undefined" (the status line "unknown"). */
    @Test
    void aStatusWithoutAReasonPhraseShowsUndefined() {
        RawResponse r = failWith(new TeapotException(599), 0);
        assertThat(r.status()).isEqualTo(599);
        assertThat(r.reason()).isEqualTo("unknown");
        assertThat(r.text()).isEqualTo(page("undefined"));
    }

    /** Oracle: with no usable status on the error, a 4xx/5xx status already on the response is used. */
    @Test
    void theResponseStatusIsUsedWhenItIsAnErrorStatus() {
        assertThat(failWith(new TeapotException(600), 404).status()).isEqualTo(404);
        assertThat(failWith(new IllegalStateException("z"), 409).status()).isEqualTo(409);
        assertThat(failWith(new IllegalStateException("z"), 201).status()).isEqualTo(500);
    }

    @Test
    void headersAlreadySetAreKeptButContentEncodingLanguageAndRangeRemoved() {
        App app = app("production");
        app.get("/", (req, res) -> {
            res.set("X-Custom", "kept");
            res.set("Content-Encoding", "gzip");
            res.set("Content-Language", "en");
            res.set("Content-Range", "bytes 0-1/2");
            throw new HttpError(400, "bad");
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 400 Bad Request
                X-Powered-By: express4j
                X-Custom: kept
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: 138
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo(page("Bad Request"));
    }

    @Test
    void headErrorHasNoBody() {
        App app = app("production");
        app.head("/", (req, res) -> {
            throw new HttpError(403, "no");
        });
        RawResponse r = once(app, "HEAD", "/");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Length")).isEqualTo("136");
        assertThat(r.body()).isEmpty();
    }

    /** Oracle: Express destroys the socket; the client never sees the end of the chunked body. */
    @Test
    void anErrorAfterTheHeadWasSentDestroysTheConnection() {
        App app = app("test");
        app.get("/", (req, res) -> {
            res.write("partial");
            throw new IllegalStateException("late");
        });
        String wire = new String(
                TestServer.rawToClose(app, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"), StandardCharsets.ISO_8859_1);
        assertThat(wire)
                .startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Transfer-Encoding: chunked\r\n")
                .doesNotContain("0\r\n\r\n")
                .doesNotContain("HTTP/1.1 500");
    }
}
