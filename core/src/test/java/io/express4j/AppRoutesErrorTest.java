package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectErrorPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express's test/app.routes.error.js. */
class AppRoutesErrorTest {

    @Test
    void shouldNotGetInvokedWithoutErrorHandlerOnError() {
        App app = Express.app().set("env", "test");
        app.use((req, res, next) -> next.fail(new IllegalStateException("boom!")));
        app.get("/bar", (req, res) -> res.send("hello, world!"));
        try (TestServer server = TestServer.serve(app)) {
            expectErrorPage(server.request("POST", "/bar"), 500, "java.lang.IllegalStateException: boom!");
        }
    }

    @Test
    void shouldOnlyCallAnErrorHandlingRoutingCallbackWhenAnErrorIsPropagated() {
        // Express registers the six callbacks in one app.get; a Java route takes its error handlers one by one.
        App app = Express.app().set("env", "test");
        List<String> called = new ArrayList<>();
        app.route("/")
                .get((req, res, next) -> next.fail(new IllegalStateException("fabricated error")), (req, res, next) -> {
                    called.add("a");
                    next.run();
                })
                .get((err, req, res, next) -> {
                    called.add("b:" + err.getMessage());
                    next.fail(err);
                })
                .get((err, req, res, next) -> {
                    called.add("c:" + err.getMessage());
                    next.run();
                })
                .get((err, req, res, next) -> {
                    called.add("d");
                    next.run();
                })
                .get((req, res) -> res.sendStatus(204));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/"), 204, "");
        }
        assertThat(called).containsExactly("b:fabricated error", "c:fabricated error");
    }
}
