package io.express4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.HttpError;
import io.express4j.Router;
import io.express4j.test.TestClient;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code Express4jMetrics.middleware}: one {@code http.server.requests} timing per request with exact tags, for
 * routes, 404s, errors, mounted routers, HEAD, streaming and async responses. Timings are recorded once the
 * response is written, after the client may have read it, so each check waits for the count it expects.
 */
class Express4jMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private App app() {
        App app = Express.app().set("env", "test");
        app.use(Express4jMetrics.middleware(registry));
        return app;
    }

    /** Each timer as "method uri status outcome exception ×count", sorted; waits until {@code total} are counted. */
    private List<String> recorded(long total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count() < total && System.nanoTime() < deadline) Thread.sleep(5);
        return registry.find(Express4jMetrics.REQUESTS).timers().stream()
                .map(t -> String.join(
                                " ",
                                t.getId().getTag("method"),
                                t.getId().getTag("uri"),
                                t.getId().getTag("status"),
                                t.getId().getTag("outcome"),
                                t.getId().getTag("exception"))
                        + " x" + t.count())
                .sorted()
                .toList();
    }

    private long count() {
        return registry.find(Express4jMetrics.REQUESTS).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    @Test
    void aRouteWithParamsIsTaggedWithItsTemplate() throws InterruptedException {
        App app = app();
        app.get("/users/:id", (req, res) -> res.json(req.params()));
        try (TestClient client = TestClient.of(app)) {
            client.get("/users/1").expect(200, "{\"id\":\"1\"}");
            client.get("/users/2").expect(200, "{\"id\":\"2\"}");
        }
        assertThat(recorded(2)).containsExactly("GET /users/:id 200 SUCCESS none x2");
        Timer timer = registry.get(Express4jMetrics.REQUESTS).timer();
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void aRequestNoRouteMatchedIsNotFound() throws InterruptedException {
        App app = app();
        app.get("/users/:id", (req, res) -> res.send("user"));
        try (TestClient client = TestClient.of(app)) {
            client.get("/nobody/42").expect(404);
            client.get("/nobody/43").expect(404);
        }
        assertThat(recorded(2)).containsExactly("GET NOT_FOUND 404 CLIENT_ERROR none x2");
    }

    @Test
    void aThrownErrorIsAServerErrorNamingTheException() throws InterruptedException {
        App app = app();
        app.get("/fail/:id", (req, res) -> {
            throw new IllegalStateException("broken");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/fail/1").expect(500);
        }
        assertThat(recorded(1)).containsExactly("GET /fail/:id 500 SERVER_ERROR IllegalStateException x1");
    }

    @Test
    void anErrorAnErrorHandlerAnsweredStillNamesTheException() throws InterruptedException {
        App app = app();
        app.get("/teapot", (req, res) -> {
            throw new HttpError(418, "teapot");
        });
        app.use((err, req, res, next) -> res.status(((HttpError) err).status()).send(err.getMessage()));
        app.get("/plain500", (req, res) -> res.sendStatus(500));
        try (TestClient client = TestClient.of(app)) {
            client.get("/teapot").expect(418, "teapot");
            client.get("/plain500").expect(500, "Internal Server Error");
        }
        assertThat(recorded(2))
                .containsExactly("GET /plain500 500 SERVER_ERROR none x1", "GET /teapot 418 CLIENT_ERROR HttpError x1");
    }

    @Test
    void aMountedRouterAddsItsMountPath() throws InterruptedException {
        App app = app();
        Router users = Express.router(new io.express4j.RouterOptions().mergeParams(true));
        users.get("/", (req, res) -> res.send("all"));
        users.get("/:id", (req, res) -> res.send(req.params("org") + "/" + req.params("id")));
        Router api = Express.router();
        api.use("/orgs/:org/users", users);
        app.use("/api", api);
        try (TestClient client = TestClient.of(app)) {
            client.get("/api/orgs/acme/users/7").expect(200, "acme/7");
            client.get("/api/orgs/acme/users").expect(200, "all");
            client.get("/api/orgs/acme/nothing").expect(404);
        }
        assertThat(recorded(3))
                .containsExactly(
                        "GET /api/orgs/:org/users/ 200 SUCCESS none x1",
                        "GET /api/orgs/:org/users/:id 200 SUCCESS none x1",
                        "GET NOT_FOUND 404 CLIENT_ERROR none x1");
    }

    @Test
    void headIsTaggedHeadOnTheGetRoute() throws InterruptedException {
        App app = app();
        app.get("/items/:id", (req, res) -> res.send("item"));
        try (TestClient client = TestClient.of(app)) {
            client.head("/items/1").expect(200).expect("Content-Length", "4");
        }
        assertThat(recorded(1)).containsExactly("HEAD /items/:id 200 SUCCESS none x1");
    }

    @Test
    void aStreamedResponseIsTimedToItsLastChunk() throws InterruptedException {
        App app = app();
        CountDownLatch lastChunk = new CountDownLatch(1);
        app.get("/stream/:n", (req, res) -> {
            res.set("Content-Type", "text/plain");
            res.write("a");
            res.write("b");
            assertThat(count()).isZero(); // not recorded before the end
            lastChunk.countDown();
            res.end("c");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/stream/1").expect(200, "abc");
        }
        assertThat(lastChunk.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorded(1)).containsExactly("GET /stream/:n 200 SUCCESS none x1");
    }

    @Test
    void anAsyncResponseIsRecordedWhenAnotherThreadEndsIt() throws InterruptedException {
        App app = app();
        app.get("/later", (req, res) -> {
            res.async();
            Thread.ofVirtual().start(() -> res.status(202).send("done"));
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/later").expect(202, "done");
        }
        assertThat(recorded(1)).containsExactly("GET /later 202 SUCCESS none x1");
    }

    @Test
    void aRedirectWithoutARouteIsRedirection() throws InterruptedException {
        App app = app();
        app.use((req, res, next) -> {
            if (req.path().equals("/old")) res.redirect(301, "/new");
            else next.run();
        });
        app.get("/go", (req, res) -> res.redirect("/new"));
        try (TestClient client = TestClient.of(app)) {
            client.get("/old").expect(301);
            client.get("/go").expect(302);
        }
        assertThat(recorded(2))
                .containsExactly("GET /go 302 REDIRECTION none x1", "GET REDIRECTION 301 REDIRECTION none x1");
    }

    @Test
    void methodsOutsideTheStandardSetAreUnknown() throws InterruptedException {
        App app = app();
        app.method("PURGE", "/cache", (req, res) -> res.sendStatus(204));
        try (TestClient client = TestClient.of(app)) {
            client.request("PURGE", "/cache").expect(204);
        }
        assertThat(recorded(1)).containsExactly("UNKNOWN /cache 204 SUCCESS none x1");
    }

    @Test
    void requestsInFlightAreCountedUntilTheyFinish() throws InterruptedException {
        App app = app();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        app.get("/slow", (req, res) -> {
            entered.countDown();
            release.await();
            res.send("slow");
        });
        LongTaskTimer active = registry.get(Express4jMetrics.ACTIVE_REQUESTS).longTaskTimer();
        try (TestClient client = TestClient.of(app)) {
            Thread request = Thread.ofVirtual().start(() -> client.get("/slow").expect(200, "slow"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(active.activeTasks()).isEqualTo(1);
            release.countDown();
            request.join(10_000);
        }
        assertThat(recorded(1)).containsExactly("GET /slow 200 SUCCESS none x1");
        assertThat(active.activeTasks()).isZero();
    }
}
