package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.FileFixtures;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * npm on-headers 1.1.0's test/test.js, as {@code res.onHeaders(Runnable)}: the server of each case registers the
 * listener, runs the handler, then ends the response.
 *
 * <p>Not ported: "arguments: res should be required" and "listener should only accept function" (the Java types
 * make both impossible; a null listener is the one case left, ported as {@link #aListenerIsRequired}); "should
 * retain return value" (writeHead returns the response either way); the {@code writeHead(status, arr)}, flat array,
 * malformed array and duplicate-header cases (JavaScript array shapes: Java's {@code writeHead} takes a map);
 * "should handle falsy keys" (an empty header name is refused by {@code writeHead} itself, as by Node's own).
 */
class OnHeadersTest {

    private static RawResponse serve(Runnable listenerOf, Handler handler) {
        return serve(res -> res.onHeaders(listenerOf), handler);
    }

    /** The on-headers test server: attach, run the handler, then {@code res.end()}. */
    private static RawResponse serve(java.util.function.Consumer<Response> attach, Handler handler) {
        App app = Express.app();
        app.disable("x-powered-by");
        app.set("env", "test");
        app.use((req, res) -> {
            attach.accept(res);
            handler.handle(req, res);
            res.end();
        });
        return get(app, "/");
    }

    private static RawResponse echo(Handler handler) {
        return serve(
                res -> res.onHeaders(() -> res.setHeader("X-Outgoing-Echo", String.valueOf(res.get("X-Outgoing")))),
                handler);
    }

    @Test
    void firesAfterSetHeader() {
        RawResponse r = echo((req, res) -> res.setHeader("X-Outgoing", "test"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Outgoing-Echo")).isEqualTo("test");
    }

    @Test
    void firesBeforeWrite() {
        RawResponse r = echo((req, res) -> {
            res.setHeader("X-Outgoing", "test");
            res.write("1");
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Outgoing-Echo")).isEqualTo("test");
        assertThat(r.text()).isEqualTo("1");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
    }

    @Test
    void firesWithNoHeaders() {
        RawResponse r = serve(
                res -> res.onHeaders(() -> res.setHeader("X-Headers", String.join(",", res.getHeaderNames()))),
                (req, res) -> {});
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Headers")).isEmpty();
    }

    @Test
    void firesOnlyOnce() {
        AtomicInteger count = new AtomicInteger();
        RawResponse r = serve(res -> res.onHeaders(count::incrementAndGet), (req, res) -> {
            res.writeHead(200);
            assertThatThrownBy(() -> res.writeHead(200)).isInstanceOf(IllegalStateException.class);
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(count).hasValue(1);
    }

    @Test
    void firesInReverseOrder() {
        RawResponse r = echo((req, res) -> {
            for (String n : new String[] {"1", "2", "3"}) {
                res.onHeaders(() -> res.setHeader("X-Outgoing", res.get("X-Outgoing") + "," + n));
            }
            res.setHeader("X-Outgoing", "test");
        });
        assertThat(r.header("X-Outgoing-Echo")).isEqualTo("test,3,2,1");
    }

    @Test
    void aListenerIsRequired() {
        RawResponse r = serve(res -> res.onHeaders(null), (req, res) -> {});
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("listener");
    }

    @Test
    void setHeaderIsAvailableInTheListener() {
        assertThat(echo((req, res) -> res.setHeader("X-Outgoing", "test")).header("X-Outgoing-Echo"))
                .isEqualTo("test");
    }

    @Test
    void writeHeadMakesTheStatusAvailableInTheListener() {
        RawResponse r = serve(
                res -> res.onHeaders(() -> res.setHeader("X-Status", Integer.toString(res.statusCode()))),
                (req, res) -> res.writeHead(201));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Status")).isEqualTo("201");
    }

    @Test
    void theListenerMayChangeTheStatus() {
        RawResponse r = serve(
                res -> res.onHeaders(() -> {
                    res.setHeader("X-Status", Integer.toString(res.statusCode()));
                    res.statusCode(202);
                }),
                (req, res) -> res.writeHead(201));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.head()).startsWith("HTTP/1.1 202 Accepted\n");
        assertThat(r.header("X-Status")).isEqualTo("201");
    }

    @Test
    void aCoreErrorPassesThrough() {
        RawResponse r = serve(res -> res.onHeaders(() -> {}), (req, res) -> res.writeHead(1000));
        assertThat(r.status()).isEqualTo(500);
    }

    @Test
    void writeHeadWithReasonKeepsHeadersAvailable() {
        RawResponse r = echo((req, res) -> {
            res.setHeader("X-Outgoing", "test");
            res.writeHead(200, "OK", Map.of());
        });
        assertThat(r.header("X-Outgoing-Echo")).isEqualTo("test");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void writeHeadWithReasonAndHeadersMakesThemAvailable() {
        RawResponse r = echo((req, res) -> res.writeHead(200, "OK", Map.of("X-Outgoing", "test")));
        assertThat(r.header("X-Outgoing-Echo")).isEqualTo("test");
    }

    @Test
    void writeHeadWithHeadersMakesThemAndTheStatusAvailable() {
        RawResponse r = serve(
                res -> res.onHeaders(() -> {
                    res.setHeader("X-Status", Integer.toString(res.statusCode()));
                    res.setHeader("X-Outgoing-Echo", res.get("X-Outgoing"));
                }),
                (req, res) -> res.writeHead(201, Map.of("X-Outgoing", "test")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Status")).isEqualTo("201");
        assertThat(r.header("X-Outgoing-Echo")).isEqualTo("test");
    }

    // ---- beyond on-headers' suite: every way an express4j response writes its head ----

    private static RawResponse stamped(String method, Middleware route) {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.onHeaders(() -> res.set("X-Hook", Integer.toString(res.statusCode())));
            next.run();
        });
        app.use(route);
        return io.express4j.support.Requests.request(app, method, "/", null);
    }

    @Test
    void runsForSend() {
        RawResponse r = stamped("GET", (req, res, next) -> res.send("hi"));
        assertThat(r.header("X-Hook")).isEqualTo("200");
        assertThat(r.header("Content-Length")).isEqualTo("2");
        assertThat(r.text()).isEqualTo("hi");
    }

    @Test
    void runsForHeadAndFor304() {
        Middleware route = (req, res, next) -> res.send("hi");
        assertThat(stamped("HEAD", route).header("X-Hook")).isEqualTo("200");
        App app = Express.app();
        app.use((req, res, next) -> {
            res.onHeaders(() -> res.set("X-Hook", Integer.toString(res.statusCode())));
            next.run();
        });
        app.use(route);
        RawResponse r = get(app, "/", "If-None-Match", "W/\"2-witfkXg0JglCjW9RssWvTAveakI\"");
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.header("X-Hook")).isEqualTo("304");
    }

    /** Over a real socket: file bodies go out as file regions, which only a socket channel carries. */
    private static RawResponse overSocket(App app, String path) {
        try (TestServer server = TestServer.serve(app)) {
            return server.request("GET", path, Map.of(), null);
        }
    }

    @Test
    void runsForSendFileAndStatic() {
        App sendFile = Express.app();
        sendFile.use((req, res, next) -> {
            res.onHeaders(() -> res.set("X-Hook", Integer.toString(res.statusCode())));
            next.run();
        });
        sendFile.use((req, res) -> res.sendFile(FileFixtures.fixture("name.txt")));
        RawResponse r = overSocket(sendFile, "/");
        assertThat(r.header("X-Hook")).isEqualTo("200");
        assertThat(r.text()).isEqualTo("tobi");
        App app = Express.app();
        app.use((req, res, next) -> {
            res.onHeaders(() -> res.set("X-Hook", "static"));
            next.run();
        });
        app.use(Express.staticFiles(FileFixtures.fixtures().toString()));
        RawResponse s = overSocket(app, "/name.txt");
        assertThat(s.header("X-Hook")).isEqualTo("static");
        assertThat(s.text()).isEqualTo("tobi");
    }

    @Test
    void runsForTheErrorPagesAndTheSafetyNet() {
        RawResponse error = stamped("GET", (req, res, next) -> {
            throw new HttpError(418, "teapot");
        });
        assertThat(error.status()).isEqualTo(418);
        assertThat(error.header("X-Hook")).isEqualTo("418");
        RawResponse notFound = stamped("GET", (req, res, next) -> next.run());
        assertThat(notFound.header("X-Hook")).isEqualTo("404");
        RawResponse hung = stamped("GET", (req, res, next) -> {});
        assertThat(hung.header("X-Hook")).isEqualTo("500");
    }

    @Test
    void aThrowingListenerFailsTheResponseBeforeAnythingIsSent() {
        RawResponse r = stamped("GET", (req, res, next) -> {
            res.onHeaders(() -> {
                throw new IllegalStateException("listener failed");
            });
            res.send("hi");
        });
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("listener failed");
        assertThat(r.header("X-Hook")).isNull(); // each listener runs once: the error page's head runs none
    }

    @Test
    void aListenerAddedAfterTheHeadNeverRuns() {
        AtomicInteger count = new AtomicInteger();
        RawResponse r = stamped("GET", (req, res, next) -> {
            res.write("a");
            res.onHeaders(count::incrementAndGet);
            res.end();
        });
        assertThat(r.text()).isEqualTo("a");
        assertThat(count).hasValue(0);
    }
}
