package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code res.end} under Express (EXPRESS.md §1 and the §9 {@code /end/*} captures): a single-shot body gets
 * a Content-Length from Node and nothing else — no Content-Type, no ETag.
 */
class ResEndTest {

    /** Counted down when the handler of the last {@link #app} returns: it may still run after the client has read. */
    private CountDownLatch handled = new CountDownLatch(1);

    private App app(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        CountDownLatch done = handled = new CountDownLatch(1);
        app.use((Handler) (req, res) -> {
            try {
                handler.handle(req, res);
            } finally {
                done.countDown();
            }
        });
        return app;
    }

    /** Waits for the handler's code after {@code res.end()}, which races with the client reading the response. */
    private void awaitHandler() {
        try {
            assertThat(handled.await(10, TimeUnit.SECONDS))
                    .as("the handler returned")
                    .isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The wire bytes with the Date value masked, after checking it is an IMF-fixdate. */
    private static String masked(byte[] wire) {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        assertThat(text).containsPattern("\r\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n");
        return text.replaceFirst("\r\nDate: [^\r]*\r\n", "\r\nDate: <date>\r\n");
    }

    @Test
    void endWithDataGetsOnlyAContentLength() {
        RawResponse r = once(app((req, res) -> res.end("raw end")), "GET", "/end/string");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 7
                """);
        assertThat(r.text()).isEqualTo("raw end");
    }

    @Test
    void endWithoutDataHasLengthZero() {
        RawResponse r = once(app((req, res) -> res.end()), "GET", "/end/empty");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 0
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void endOfBytes() {
        RawResponse r = once(app((req, res) -> res.end(new byte[] {0, (byte) 0xff, 'a'})), "GET", "/");
        assertThat(r.header("Content-Length")).isEqualTo("3");
        assertThat(r.body()).containsExactly(0, 0xff, 'a');
    }

    @Test
    void status204DropsTheBodyAndAddsNoLength() {
        RawResponse r = once(
                app((req, res) -> {
                    res.statusCode(204);
                    res.end("ignored");
                }),
                "GET",
                "/end/status204");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 204 No Content
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    res.statusCode(204);
                    res.end("ignored");
                }),
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(masked(wire))
                .isEqualTo("HTTP/1.1 204 No Content\r\nX-Powered-By: express4j\r\n"
                        + "Date: <date>\r\nConnection: close\r\n\r\n");
    }

    @Test
    void status304DropsTheBody() {
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    res.statusCode(304);
                    res.end("ignored");
                }),
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(masked(wire))
                .isEqualTo("HTTP/1.1 304 Not Modified\r\nX-Powered-By: express4j\r\n"
                        + "Date: <date>\r\nConnection: close\r\n\r\n");
    }

    /** Oracle: Node keeps a Content-Length the user set on a 204 (Netty would strip it). */
    @Test
    void status204KeepsAUserContentLength() {
        RawResponse r = once(
                app((req, res) -> {
                    res.statusCode(204);
                    res.setHeader("Content-Length", "5");
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 204 No Content
                X-Powered-By: express4j
                Content-Length: 5
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
    }

    /** Oracle: Node gives a 205 the body it was handed (only res.send strips it). */
    @Test
    void status205SendsItsBody() {
        RawResponse r = once(
                app((req, res) -> {
                    res.statusCode(205);
                    res.end("x");
                }),
                "GET",
                "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 205 Reset Content
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 1
                """);
        assertThat(r.text()).isEqualTo("x");
    }

    /** Oracle: a HEAD response gets neither the body nor a length Node would have computed from it. */
    @Test
    void headGetsNoBodyAndNoLength() {
        RawResponse r = once(app((req, res) -> res.end("raw end")), "HEAD", "/end/string");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
    }

    /** Oracle: an HTTP/1.0 client gets no length; the body ends when the connection does. */
    @Test
    void http10BodyIsDelimitedByClosing() {
        App app = app((req, res) -> res.end("raw end"));
        String expected =
                "HTTP/1.1 200 OK\r\nX-Powered-By: express4j\r\nDate: <date>\r\nConnection: close\r\n\r\n" + "raw end";
        assertThat(masked(TestServer.rawToClose(app, "GET /end/string HTTP/1.0\r\n\r\n")))
                .isEqualTo(expected);
        assertThat(masked(TestServer.rawToClose(app, "GET /end/string HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")))
                .isEqualTo(expected);
    }

    @Test
    void aSecondEndIsANoOpAndEndWithDataAfterEndThrows() {
        List<String> events = new ArrayList<>();
        RawResponse r = once(
                app((req, res) -> {
                    res.end("once");
                    res.end();
                    events.add("second end ignored");
                    try {
                        res.end("again");
                    } catch (IllegalStateException e) {
                        events.add(e.getMessage());
                    }
                }),
                "GET",
                "/");
        assertThat(r.text()).isEqualTo("once");
        awaitHandler();
        assertThat(events).containsExactly("second end ignored", "write after end");
    }

    @Test
    void headersSentAndFinishedFollowEnd() {
        List<Boolean> states = new ArrayList<>();
        once(
                app((req, res) -> {
                    states.add(res.headersSent());
                    states.add(res.finished());
                    res.end();
                    states.add(res.headersSent());
                    states.add(res.finished());
                }),
                "GET",
                "/");
        awaitHandler();
        assertThat(states).containsExactly(false, false, true, true);
    }

    @Test
    void statusMessageReplacesTheReasonPhrase() {
        RawResponse r = once(
                app((req, res) -> {
                    res.statusMessage("Custom Thing");
                    res.end("m");
                }),
                "GET",
                "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 Custom Thing
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 1
                """);
    }

    @Test
    void statusMessageIsNullUntilTheHeadIsWritten() {
        List<String> messages = new ArrayList<>();
        once(
                app((req, res) -> {
                    res.statusCode(404);
                    messages.add(res.statusMessage());
                    res.end();
                    messages.add(res.statusMessage());
                }),
                "GET",
                "/");
        awaitHandler();
        assertThat(messages).containsExactly(null, "Not Found");
    }

    @Test
    void anUnregisteredStatusHasTheReasonUnknown() {
        RawResponse r = once(
                app((req, res) -> {
                    res.statusCode(299);
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.status()).isEqualTo(299);
        assertThat(r.reason()).isEqualTo("unknown");
    }

    @Test
    void setOrRemoveAHeaderAfterTheHeadThrowsNodesError() {
        List<String> messages = new ArrayList<>();
        RawResponse r = once(
                app((req, res) -> {
                    res.end("done");
                    try {
                        res.setHeader("X-Late", "1");
                    } catch (IllegalStateException e) {
                        messages.add(e.getMessage());
                    }
                    try {
                        res.removeHeader("X-Powered-By");
                    } catch (IllegalStateException e) {
                        messages.add(e.getMessage());
                    }
                }),
                "GET",
                "/");
        awaitHandler();
        assertThat(r.hasHeader("X-Late")).isFalse();
        assertThat(messages)
                .containsExactly(
                        "Cannot set headers after they are sent to the client",
                        "Cannot remove headers after they are sent to the client");
    }

    @Test
    void crOrLfInAHeaderValueIsRefused() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = once(
                app((req, res) -> {
                    try {
                        res.setHeader("X-Foo", "a\r\nX-Injected: b");
                    } catch (IllegalArgumentException e) {
                        thrown.set(e);
                    }
                    res.end("ok");
                }),
                "GET",
                "/");
        assertThat(thrown.get()).hasMessage("Invalid character in header content [\"X-Foo\"]");
        assertThat(r.hasHeader("X-Foo")).isFalse();
        assertThat(r.hasHeader("X-Injected")).isFalse();
        assertThat(r.text()).isEqualTo("ok");
    }

    @Test
    void anUncaughtBadHeaderBecomesA500AndNothingOfItReachesTheWire() {
        RawResponse r =
                once(app((req, res) -> res.set("X-Foo", "a\nX-Injected: b").end()), "GET", "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.hasHeader("X-Foo")).isFalse();
        assertThat(r.hasHeader("X-Injected")).isFalse();
        assertThat(r.text())
                .contains(
                        "<pre>java.lang.IllegalArgumentException: Invalid character in header content [&quot;X-Foo&quot;]<br>");
    }

    @Test
    void aHeaderNameThatIsNotATokenIsRefused() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = once(
                app((req, res) -> {
                    try {
                        res.setHeader("X Foo", "a");
                    } catch (IllegalArgumentException e) {
                        thrown.set(e);
                    }
                    try {
                        res.setHeader("X-Bar\r\nX-Injected", "a");
                    } catch (IllegalArgumentException e) {
                        thrown.set(new IllegalArgumentException(thrown.get().getMessage() + "|" + e.getMessage()));
                    }
                    res.end();
                }),
                "GET",
                "/");
        assertThat(thrown.get())
                .hasMessage("Header name must be a valid HTTP token [\"X Foo\"]"
                        + "|Header name must be a valid HTTP token [\"X-Bar\r\nX-Injected\"]");
        assertThat(r.hasHeader("X-Injected")).isFalse();
    }

    @Test
    void crOrLfInTheStatusMessageIsRefused() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = once(
                app((req, res) -> {
                    try {
                        res.statusMessage("a\r\nX-Injected: b");
                    } catch (IllegalArgumentException e) {
                        thrown.set(e);
                    }
                    res.end();
                }),
                "GET",
                "/");
        assertThat(thrown.get()).hasMessage("Invalid character in statusMessage");
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.hasHeader("X-Injected")).isFalse();
    }

    @Test
    void aListValueBecomesOneLinePerElement() {
        RawResponse r = once(
                app((req, res) -> {
                    res.setHeader("X-Foo", List.of("x", "y"));
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.headers("X-Foo")).containsExactly("x", "y");
    }

    @Test
    void endNeverAddsContentTypeOrETag() {
        RawResponse r = once(app((req, res) -> res.end("<p>html?</p>")), "GET", "/", Map.of());
        assertThat(r.hasHeader("Content-Type")).isFalse();
        assertThat(r.hasHeader("ETag")).isFalse();
    }

    @Test
    void writeAfterEndThrowsIllegalState() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = once(
                app((req, res) -> {
                    res.end("done");
                    try {
                        res.write("x");
                    } catch (IllegalStateException e) {
                        thrown.set(e);
                    }
                }),
                "GET",
                "/");
        assertThat(r.text()).isEqualTo("done");
        assertThat(thrown.get()).hasMessage("write after end");
    }
}
