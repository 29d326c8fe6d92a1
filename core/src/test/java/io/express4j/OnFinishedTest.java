package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.FileFixtures;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * npm on-finished 2.4's test/test.js, the {@code onFinished(res, listener)} part, as {@code res.onFinished(Consumer
 * <Throwable>)}; each listener reports into a queue the test polls with a generous timeout.
 *
 * <p>Not ported: "should invoke listener given an unknown object" and "should include the response object" (Java's
 * listener is bound to its response); the AsyncLocalStorage cases (no such thing: a listener runs on a virtual
 * thread of its own); "should not print warnings" when called 400 times (no EventEmitter limit to warn about — kept
 * as {@link #manyListenersOnOneResponseAllRun}); {@code isFinished(res)} and everything on {@code req} (not part of
 * express4j's API). "When response errors" is ported as an error after the head was sent, which drops the
 * connection.
 */
class OnFinishedTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    /** What a listener saw: the error, or empty for null. */
    private final BlockingQueue<Optional<Throwable>> outcomes = new LinkedBlockingQueue<>();

    private Optional<Throwable> next() throws InterruptedException {
        Optional<Throwable> outcome = outcomes.poll(20, TimeUnit.SECONDS);
        assertThat(outcome).as("a listener ran").isNotNull();
        return outcome;
    }

    private void record(Response res) {
        res.onFinished(err -> outcomes.add(Optional.ofNullable(err)));
    }

    private RawResponse once(App app, String method) {
        return TestServer.once(app, method, "/");
    }

    @Test
    void firesWhenTheResponseFinishes() throws Exception {
        App app = Express.app();
        app.use((req, res) -> {
            record(res);
            res.async();
            Thread.ofVirtual().start(res::end); // setTimeout(res.end, 0)
        });
        assertThat(once(app, "GET").status()).isEqualTo(200);
        assertThat(next()).isEmpty();
    }

    @Test
    void firesWhenAddedAfterFinish() throws Exception {
        App app = Express.app();
        app.use((req, res) -> {
            res.onFinished(err -> record(res));
            res.end();
        });
        assertThat(once(app, "GET").status()).isEqualTo(200);
        assertThat(next()).isEmpty();
    }

    @Test
    void firesForEachResponseOfAKeptAliveConnection() throws Exception {
        App app = Express.app();
        List<Request> requests = new ArrayList<>();
        app.use((req, res) -> {
            synchronized (requests) {
                requests.add(req);
            }
            record(res);
            res.end();
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send(GET).read("GET");
            assertThat(next()).isEmpty();
            client.send(GET).read("GET");
            assertThat(next()).isEmpty();
        }
        assertThat(requests).hasSize(2).doesNotHaveDuplicates();
        assertThat(outcomes).isEmpty();
    }

    @Test
    void firesForEachPipelinedRequestInOrder() throws Exception {
        BlockingQueue<String> fired = new LinkedBlockingQueue<>();
        App app = Express.app();
        app.use((req, res) -> {
            res.onFinished(err -> fired.add(req.path() + " first, " + err));
            res.onFinished(err -> fired.add(req.path() + " second, " + err));
            res.send("response " + req.path().substring(1));
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read("GET").text()).isEqualTo("response a");
            assertThat(client.read("GET").text()).isEqualTo("response b");
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) order.add(fired.poll(10, TimeUnit.SECONDS));
        // each response's listeners in the order they were added; the two responses' listeners may interleave
        assertThat(order)
                .containsExactlyInAnyOrder("/a first, null", "/a second, null", "/b first, null", "/b second, null");
        assertThat(order.indexOf("/a first, null")).isLessThan(order.indexOf("/a second, null"));
        assertThat(order.indexOf("/b first, null")).isLessThan(order.indexOf("/b second, null"));
    }

    @Test
    void firesWithAnErrorWhenTheResponseErrors() throws Exception {
        App app = Express.app();
        app.set("env", "test");
        app.use((req, res) -> {
            record(res);
            res.write("W");
            throw new IllegalStateException("boom"); // after the head: the connection is dropped
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send(GET);
            assertThat(new String(client.readToClose())).startsWith("HTTP/1.1 200 OK\r\n");
        }
        Throwable err = next().orElseThrow();
        assertThat(err).isInstanceOf(ClientAbortException.class);
        assertThat(((ClientAbortException) err).code()).isEqualTo("ECONNABORTED");
    }

    @Test
    void firesWithAnErrorWhenTheClientAborts() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        App app = Express.app();
        app.use((req, res) -> {
            record(res);
            res.async(); // never ends: only the client's close finishes it
            registered.countDown();
        });
        try (TestServer server = TestServer.serve(app)) {
            RawClient client = server.connect();
            client.send(GET);
            assertThat(registered.await(20, TimeUnit.SECONDS)).isTrue();
            client.close();
            assertThat(next().orElseThrow())
                    .isInstanceOf(ClientAbortException.class)
                    .hasMessage("Request aborted");
        }
    }

    @Test
    void manyListenersOnOneResponseAllRun() throws Exception {
        App app = Express.app();
        app.use((req, res) -> {
            for (int i = 0; i < 400; i++) record(res);
            res.end();
        });
        assertThat(once(app, "GET").status()).isEqualTo(200);
        for (int i = 0; i < 400; i++) assertThat(next()).isEmpty();
    }

    @Test
    void runsOnceForEachListener() throws Exception {
        App app = Express.app();
        app.use((req, res) -> {
            record(res);
            res.send("x");
        });
        once(app, "GET");
        assertThat(next()).isEmpty();
        assertThat(outcomes.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    // ---- beyond on-finished's suite: every way an express4j response ends gives null ----

    private void finishesWithNull(String method, Middleware route, Map<String, String> headers, int status)
            throws Exception {
        App app = Express.app();
        app.set("env", "test");
        app.use((req, res, next) -> {
            record(res);
            next.run();
        });
        app.use(route);
        try (TestServer server = TestServer.serve(app)) { // a socket: file bodies need one
            assertThat(server.request(method, "/", headers, null).status()).isEqualTo(status);
        }
        assertThat(next()).isEmpty();
    }

    @Test
    void nullForSendEndWriteAndHead() throws Exception {
        finishesWithNull("GET", (req, res, next) -> res.send("hi"), Map.of(), 200);
        finishesWithNull("GET", (req, res, next) -> res.end(), Map.of(), 200);
        finishesWithNull(
                "GET",
                (req, res, next) -> {
                    res.write("a");
                    res.end("b");
                },
                Map.of(),
                200);
        finishesWithNull("HEAD", (req, res, next) -> res.send("hi"), Map.of(), 200);
        finishesWithNull(
                "GET",
                (req, res, next) -> res.send("hi"),
                Map.of("If-None-Match", "W/\"2-witfkXg0JglCjW9RssWvTAveakI\""),
                304);
    }

    @Test
    void nullForFilesErrorsAndTheSafetyNet() throws Exception {
        finishesWithNull("GET", (req, res, next) -> res.sendFile(FileFixtures.fixture("name.txt")), Map.of(), 200);
        finishesWithNull("GET", Express.staticFiles(FileFixtures.fixtures().toString()), Map.of(), 404);
        finishesWithNull(
                "GET",
                (req, res, next) -> {
                    throw new HttpError(418, "teapot");
                },
                Map.of(),
                418);
        finishesWithNull("GET", (req, res, next) -> {}, Map.of(), 500);
    }

    // ---- Express.nonBlocking listeners (an express4j extension) ----

    @Test
    void aNonBlockingListenerRunsWhereTheResponseFinishesBeforeTheOthers() throws Exception {
        BlockingQueue<String> order = new LinkedBlockingQueue<>();
        App app = Express.app();
        app.use((req, res) -> {
            res.onFinished(err -> order.add("virtual " + Thread.currentThread().isVirtual()));
            res.onFinished(Express.nonBlocking(
                    err -> order.add("marked " + Thread.currentThread().isVirtual() + " " + (err == null))));
            res.send("hi");
        });
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/").text()).isEqualTo("hi");
            assertThat(order.poll(20, TimeUnit.SECONDS)).isEqualTo("marked false true");
            assertThat(order.poll(20, TimeUnit.SECONDS)).isEqualTo("virtual true");
        }
    }

    @Test
    void aNonBlockingListenerHearsOfAnAbortAndRunsAtOnceWhenAddedAfterFinish() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        App app = Express.app();
        app.use((req, res) -> {
            res.onFinished(Express.nonBlocking(err -> {
                outcomes.add(Optional.ofNullable(err));
                String thread = Thread.currentThread().getName();
                res.onFinished(Express.nonBlocking(again -> outcomes.add(Optional.of(new IllegalStateException(
                        thread.equals(Thread.currentThread().getName()) ? "same thread" : "other thread")))));
            }));
            res.async();
            registered.countDown();
        });
        try (TestServer server = TestServer.serve(app)) {
            RawClient client = server.connect();
            client.send(GET);
            assertThat(registered.await(20, TimeUnit.SECONDS)).isTrue();
            client.close();
            assertThat(next().orElseThrow()).isInstanceOf(ClientAbortException.class);
            assertThat(next().orElseThrow()).hasMessage("same thread");
        }
    }

    @Test
    void nonBlockingMarksOnceAndRefusesNull() {
        java.util.function.Consumer<Throwable> marked = Express.nonBlocking(err -> {});
        assertThat(Express.nonBlocking(marked)).isSameAs(marked);
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> Express.nonBlocking((java.util.function.Consumer<Throwable>) null));
    }
}
