package io.express4j;

import static io.express4j.support.FileFixtures.fixture;
import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link Express#nonBlocking} (an express4j extension): marked functions run on the event loop, the first unmarked
 * one moves the request to a virtual thread, and the wire bytes are those of the same app without marks (which the
 * conformance suite holds to Express's).
 */
class EventLoopDispatchTest {
    /** Where each function of a request ran: "loop" or "virtual", in call order. */
    private final List<String> threads = new CopyOnWriteArrayList<>();

    private void record(String what) {
        threads.add(what + "@" + (Thread.currentThread().isVirtual() ? "virtual" : "loop"));
    }

    /** The same app built twice: with the marks, and with every mark left out (plain virtual-thread dispatch). */
    private static void assertSameAsUnmarked(Consumer<Marker> build, String method, String path) {
        RawResponse marked = once(app(build, true), method, path);
        RawResponse plain = once(app(build, false), method, path);
        assertThat(marked.status()).isEqualTo(plain.status());
        assertThat(marked.reason()).isEqualTo(plain.reason());
        assertThat(lines(marked)).isEqualTo(lines(plain));
        assertThat(marked.text()).isEqualTo(plain.text());
        assertThat(marked.chunked()).isEqualTo(plain.chunked());
    }

    private static App app(Consumer<Marker> build, boolean mark) {
        App app = Express.app();
        build.accept(new Marker(app, mark));
        return app;
    }

    /** Applies {@link Express#nonBlocking} or not, to build twin apps. */
    private record Marker(App app, boolean mark) {
        Handler h(Handler fn) {
            return mark ? Express.nonBlocking(fn) : fn;
        }

        Middleware m(Middleware fn) {
            return mark ? Express.nonBlocking(fn) : fn;
        }

        ErrorHandler e(ErrorHandler fn) {
            return mark ? Express.nonBlocking(fn) : fn;
        }
    }

    private static List<String> lines(RawResponse r) {
        return r.headerLines().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("Date"))
                .map(h -> h.getKey() + ": " + h.getValue())
                .collect(Collectors.toList());
    }

    @Test
    void nonBlockingRouteIsAnsweredOnTheEventLoop() {
        App app = Express.app();
        app.get("/", Express.nonBlocking((req, res) -> {
            record("handler");
            res.send("hi");
        }));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Content-Length")).isEqualTo("2");
        assertThat(r.header("X-Powered-By")).isEqualTo("express4j");
        assertThat(r.text()).isEqualTo("hi");
        assertThat(threads).containsExactly("handler@loop");
        assertSameAsUnmarked(m -> m.app().get("/", m.h((req, res) -> res.send("hi"))), "GET", "/");
    }

    @Test
    void appWithoutMarksDispatchesOnVirtualThreads() {
        App app = Express.app();
        app.use((req, res, next) -> {
            record("middleware");
            next.run();
        });
        app.get("/", (req, res) -> {
            record("handler");
            res.send("hi");
        });
        assertThat(once(app, "GET", "/").text()).isEqualTo("hi");
        assertThat(threads).containsExactly("middleware@virtual", "handler@virtual");
    }

    @Test
    void unmarkedMiddlewareMovesTheRestToAVirtualThread() {
        App app = Express.app();
        app.use(Express.nonBlocking((req, res, next) -> {
            record("first");
            next.run();
        }));
        app.use((req, res, next) -> {
            record("unmarked");
            next.run();
        });
        app.get("/", Express.nonBlocking((req, res) -> {
            record("handler");
            res.send("hi");
        }));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("hi");
        assertThat(threads).containsExactly("first@loop", "unmarked@virtual", "handler@virtual");
    }

    @Test
    void mountedRoutersAndAppsStayOnTheEventLoop() {
        App app = Express.app();
        Router api = Express.router();
        api.get("/items/:id", Express.nonBlocking((req, res) -> {
            record("router");
            res.send(req.params("id"));
        }));
        App blog = Express.app();
        blog.get("/", Express.nonBlocking((req, res) -> {
            record("sub-app");
            res.send(req.baseUrl());
        }));
        app.use(Express.cookieParser());
        app.use("/api", api);
        app.use("/blog", blog);
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/api/items/7").text()).isEqualTo("7");
            assertThat(server.get("/blog").text()).isEqualTo("/blog");
        }
        assertThat(threads).containsExactly("router@loop", "sub-app@loop");
    }

    @Test
    void paramCallbackRunsOnAVirtualThread() {
        App app = Express.app();
        app.param("id", (req, res, next, value, name) -> {
            record("param");
            next.run();
        });
        app.get("/users/:id", Express.nonBlocking((req, res) -> {
            record("handler");
            res.send("user " + req.params("id"));
        }));
        assertThat(once(app, "GET", "/users/42").text()).isEqualTo("user 42");
        assertThat(threads).containsExactly("param@virtual", "handler@virtual");
    }

    @Test
    void unmatchedPathGetsTheSame404() {
        Consumer<Marker> build = m -> m.app().get("/", m.h((req, res) -> res.send("hi")));
        RawResponse r = once(app(build, true), "GET", "/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).contains("<pre>Cannot GET /nope</pre>");
        assertSameAsUnmarked(build, "GET", "/nope");
        assertSameAsUnmarked(build, "OPTIONS", "/");
    }

    @Test
    void blockingBodyReadOnTheEventLoopIsA500WithTheError() {
        App app = Express.app();
        app.set("env", "development");
        app.post("/", Express.nonBlocking((req, res) -> {
            byte[] body = req.inputStream().readAllBytes();
            res.send(body.length + " bytes");
        }));
        RawResponse r = once(app, "POST", "/", Map.of("Content-Type", "text/plain"), "hello");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text())
                .contains("java.lang.IllegalStateException: the request body cannot be read on the" + " event loop");
    }

    @Test
    void bodyParserLeftUnmarkedReadsOnAVirtualThread() {
        App app = Express.app();
        app.use(Express.text());
        app.post("/", Express.nonBlocking((req, res) -> {
            record("handler");
            res.send("got " + req.body());
        }));
        RawResponse r = once(app, "POST", "/", Map.of("Content-Type", "text/plain"), "hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("got hello");
        assertThat(threads).containsExactly("handler@virtual");
    }

    @Test
    void safetyNetEndsAnAbandonedResponseOnceAfterAHop() {
        App app = Express.app();
        app.use(Express.nonBlocking((req, res, next) -> next.run()));
        app.get("/abandoned", (req, res) -> record("unmarked"));
        app.get("/ok", Express.nonBlocking((req, res) -> res.send("ok")));
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET /abandoned HTTP/1.1\r\nHost: x\r\n\r\nGET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse abandoned = client.read("GET");
            RawResponse ok = client.read("GET");
            assertThat(abandoned.status()).isEqualTo(500);
            assertThat(abandoned.text())
                    .contains("The handlers of GET /abandoned returned without ending the response");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).isEqualTo("ok");
            assertThat(client.isClosedByServer(300)).isFalse();
        }
        assertThat(threads).containsExactly("unmarked@virtual");
    }

    @Test
    void safetyNetEndsAnAbandonedResponseOnTheEventLoop() {
        Consumer<Marker> build = m -> m.app().get("/", m.h((req, res) -> res.status(201)));
        RawResponse r = once(app(build, true), "GET", "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("The handlers of GET / returned without ending the response");
    }

    @Test
    void hundredPipelinedRequestsAreAnsweredInOrder() {
        App app = Express.app();
        app.get("/n", Express.nonBlocking((req, res) -> res.send("n" + req.query("i"))));
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 100; i++) requests.append("GET /n?i=").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send(requests.toString());
            for (int i = 0; i < 100; i++) {
                RawResponse r = client.read("GET");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("n" + i);
            }
        }
    }

    @Test
    void markedErrorHandlerRunsOnTheEventLoop() {
        App app = Express.app();
        app.get("/", Express.nonBlocking((req, res) -> {
            throw new HttpError(418, "teapot");
        }));
        app.use(Express.nonBlocking((err, req, res, next) -> {
            record("error handler");
            res.status(500).send("oops " + err.getMessage());
        }));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).isEqualTo("oops teapot");
        assertThat(threads).containsExactly("error handler@loop");
    }

    @Test
    void unmarkedErrorHandlerRunsOnAVirtualThread() {
        App app = Express.app();
        app.get("/", Express.nonBlocking((req, res) -> {
            throw new HttpError(418, "teapot");
        }));
        app.use((err, req, res, next) -> {
            record("error handler");
            res.status(500).send("oops " + err.getMessage());
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).isEqualTo("oops teapot");
        assertThat(threads).containsExactly("error handler@virtual");
        assertSameAsUnmarked(
                m -> {
                    m.app().get("/", m.h((req, res) -> {
                        throw new HttpError(418, "teapot");
                    }));
                    m.app().use(m.e((err, req, res, next) -> res.status(500).send("oops " + err.getMessage())));
                },
                "GET",
                "/");
    }

    @Test
    void exceptionInANonBlockingHandlerGetsTheDefaultErrorPage() {
        App app = Express.app();
        app.set("env", "production");
        app.get("/", Express.nonBlocking((req, res) -> {
            throw new IllegalStateException("boom");
        }));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("Internal Server Error");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text())
                .isEqualTo(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                + "<title>Error</title>\n</head>\n<body>\n<pre>Internal Server Error</pre>\n</body>\n</html>\n");
        assertSameAsUnmarked(
                m -> {
                    m.app().set("env", "production");
                    m.app().get("/", m.h((req, res) -> {
                        throw new IllegalStateException("boom");
                    }));
                },
                "GET",
                "/");
    }

    @Test
    void writeAndEndFromANonBlockingHandler() {
        Consumer<Marker> build = m -> m.app().get("/", m.h((req, res) -> {
            res.set("Content-Type", "text/plain");
            res.write("chunk 1\n");
            res.write("chunk 2\n".getBytes(StandardCharsets.UTF_8));
            res.end("end\n");
        }));
        RawResponse r = once(app(build, true), "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.chunked()).isTrue();
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.text()).isEqualTo("chunk 1\nchunk 2\nend\n");
        assertSameAsUnmarked(build, "GET", "/");
    }

    @Test
    void headOnANonBlockingGetRoute() {
        Consumer<Marker> build = m -> m.app().get("/", m.h((req, res) -> res.send("tobi")));
        RawResponse r = once(app(build, true), "HEAD", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).isEqualTo("4");
        assertThat(r.body()).isEmpty();
        assertSameAsUnmarked(build, "HEAD", "/");
    }

    @Test
    void sendFileFromANonBlockingHandlerMovesToAVirtualThread() {
        AtomicReference<String> callbackThread = new AtomicReference<>();
        App app = Express.app();
        app.get("/", Express.nonBlocking((req, res) -> res.sendFile(fixture("name.txt"))));
        app.get(
                "/cb",
                Express.nonBlocking((req, res) -> res.sendFile(
                        fixture("name.txt"),
                        err -> callbackThread.set(Thread.currentThread().isVirtual() ? "virtual" : "loop"))));
        app.get("/missing", Express.nonBlocking((req, res) -> res.sendFile(fixture("does-not-exist.txt"))));
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("tobi");
            assertThat(server.get("/cb").text()).isEqualTo("tobi");
            assertThat(server.get("/missing").status()).isEqualTo(404);
        }
        assertThat(callbackThread.get()).isEqualTo("virtual");
    }

    /** 10,000 nested next() calls would overflow a thread's stack without the trampoline's deferral. */
    @Test
    void deepNextChainsAreTrampolinedOnBothThreads() {
        App app = Express.app();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            Middleware step = (req, res, next) -> {
                if (n == 0 || n == 9_999) record("step " + n);
                next.run();
            };
            // all marked on /loop; on /hop the one in the middle is not, so the second half runs on a virtual thread
            app.use("/loop", Express.nonBlocking(step));
            app.use("/hop", n == 5_000 ? step : Express.nonBlocking(step));
        }
        app.get("/loop", Express.nonBlocking((req, res) -> res.send("loop")));
        app.get("/hop", Express.nonBlocking((req, res) -> res.send("hop")));
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/loop").text()).isEqualTo("loop");
            assertThat(server.get("/hop").text()).isEqualTo("hop");
        }
        assertThat(threads).containsExactly("step 0@loop", "step 9999@loop", "step 0@loop", "step 9999@virtual");
    }

    @Test
    void markingARouterOrAppChangesNothing() {
        Router router = Express.router();
        App sub = Express.app();
        assertThat(Express.nonBlocking(router)).isSameAs(router);
        assertThat(Express.nonBlocking(sub)).isSameAs(sub);
        Handler marked = Express.nonBlocking((req, res) -> res.send("hi"));
        assertThat(Express.nonBlocking(marked)).isSameAs(marked);
    }
}
