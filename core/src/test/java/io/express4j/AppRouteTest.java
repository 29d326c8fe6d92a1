package io.express4j;

import static io.express4j.support.Expect.expectNotFound;
import static io.express4j.support.Expect.expectSent;

import io.express4j.support.TestServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express's test/app.route.js; its "promise support" cases throw instead of returning a rejected promise. */
class AppRouteTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    @Test
    void shouldReturnANewRoute() {
        App app = app();
        app.route("/foo").get((req, res) -> res.send("get")).post((req, res) -> res.send("post"));
        try (TestServer server = TestServer.serve(app)) {
            expectSent(server.request("POST", "/foo"), 200, "post");
        }
    }

    @Test
    void shouldAllVerbAfterAll() {
        App app = app();
        app.route("/foo")
                .all((req, res, next) -> next.run())
                .get((req, res) -> res.send("get"))
                .post((req, res) -> res.send("post"));
        try (TestServer server = TestServer.serve(app)) {
            expectSent(server.request("POST", "/foo"), 200, "post");
        }
    }

    @Test
    void shouldSupportDynamicRoutes() {
        App app = app();
        app.route("/:foo").get((req, res) -> res.send(req.params("foo")));
        try (TestServer server = TestServer.serve(app)) {
            expectSent(server.get("/test"), 200, "test");
        }
    }

    @Test
    void shouldNotErrorOnEmptyRoutes() {
        App app = app();
        app.route("/:foo");
        try (TestServer server = TestServer.serve(app)) {
            expectNotFound(server.get("/test"), "GET", "/test");
        }
    }

    @Nested
    class ThrownErrors {
        @Test
        void shouldPassAThrownError() {
            App app = app();
            app.route("/foo")
                    .all((req, res, next) -> {
                        throw new IllegalStateException("boom!");
                    })
                    .all((req, res) -> res.send("hello, world!"))
                    .all((err, req, res, next) -> {
                        res.status(500);
                        res.send("caught: " + err.getMessage());
                    });
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/foo"), 500, "caught: boom!");
            }
        }

        @Test
        void errorHandlingShouldPassAThrownError() {
            App app = app();
            app.route("/foo")
                    .all((req, res, next) -> {
                        throw new IllegalStateException("boom!");
                    })
                    .all((err, req, res, next) -> {
                        throw new IllegalStateException("caught: " + err.getMessage());
                    })
                    .all((err, req, res, next) -> {
                        res.status(500);
                        res.send("caught again: " + err.getMessage());
                    });
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/foo"), 500, "caught again: caught: boom!");
            }
        }
    }
}
