package io.express4j;

import static io.express4j.support.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code req.error()} (an express4j extension): the last error raised while routing, kept after it was handled. */
class ReqErrorTest {
    private final BlockingQueue<Optional<Throwable>> seen = new LinkedBlockingQueue<>();

    private App appRecordingErrors() {
        App app = Express.app().set("env", "test");
        app.use((req, res, next) -> {
            res.onFinished(err -> seen.add(Optional.ofNullable(req.error())));
            next.run();
        });
        return app;
    }

    private Throwable lastSeen() throws InterruptedException {
        Optional<Throwable> error = seen.poll(10, TimeUnit.SECONDS);
        assertThat(error).as("the on-finished listener ran").isNotNull();
        return error.orElse(null);
    }

    @Test
    void isNullWhenNothingFailed() throws InterruptedException {
        App app = appRecordingErrors();
        app.get("/", (req, res) -> res.send("ok"));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/"), 200, "ok");
            assertThat(lastSeen()).isNull();
            assertThat(server.get("/missing").status()).isEqualTo(404); // finalhandler's 404 is no error
            assertThat(lastSeen()).isNull();
        }
    }

    @Test
    void isWhatAHandlerThrewAfterAnErrorHandlerAnsweredIt() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("boom");
        App app = appRecordingErrors();
        app.get("/", (req, res) -> {
            throw boom;
        });
        app.use((err, req, res, next) -> res.status(500).send("handled " + (req.error() == err)));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/"), 500, "handled true");
            assertThat(lastSeen()).isSameAs(boom);
        }
    }

    @Test
    void isWhatMiddlewarePassedToNext() throws InterruptedException {
        HttpError teapot = new HttpError(418, "teapot");
        App app = appRecordingErrors();
        app.use((req, res, next) -> next.fail(teapot));
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/").status()).isEqualTo(418);
            assertThat(lastSeen()).isSameAs(teapot);
        }
    }

    @Test
    void includesErrorsARouteHandledItself() throws InterruptedException {
        RuntimeException failed = new RuntimeException("load failed");
        App app = appRecordingErrors();
        app.route("/book")
                .get((req, res, next) -> next.fail(failed))
                .get((err, req, res, next) -> res.status(503).send(err.getMessage()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/book"), 503, "load failed");
            assertThat(lastSeen()).isSameAs(failed);
        }
    }
}
