package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.NodeMethods;
import io.express4j.support.TestServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Express's test/Route.js. Express dispatches a bare {@code Route} with a fake request and a {@code done}
 * callback; here the route lives in an app, a final middleware plays {@code done} (it reports what the route
 * left on the request), and the request goes over the wire.
 */
class RouteTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    /** Plays Express's {@code done(err)}: reports the error (or none) and the request's "order"/"called". */
    static void reportDone(App app) {
        app.use((req, res, next) -> res.send("done: no error, order=" + req.attr("order") + ", called="
                + req.attr("called") + ", message=" + req.attr("message")));
        app.use((err, req, res, next) -> res.send("done: " + err.getMessage() + ", order=" + req.attr("order")));
    }

    static void append(Request req, String s) {
        String order = req.attr("order");
        req.attr("order", (order == null ? "" : order) + s);
    }

    @Test
    void shouldWorkWithoutHandlers() {
        App app = app();
        app.route("/foo");
        try (TestServer server = TestServer.serve(app)) {
            expectNotFound(server.get("/foo"), "GET", "/foo");
        }
    }

    @Test
    void shouldNotStackOverflowWithALargeSyncStack() {
        App app = app();
        Route route = app.route("/foo");
        route.get((req, res, next) -> {
            req.attr("counter", 0);
            next.run();
        });
        for (int i = 0; i < 6000; i++) {
            route.all((req, res, next) -> {
                req.attr("counter", (Integer) req.attr("counter") + 1);
                next.run();
            });
        }
        route.get((req, res, next) -> {
            req.attr("called", true);
            next.run();
        });
        app.use((req, res) -> res.send("called=" + req.attr("called") + " counter=" + req.attr("counter")));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/foo"), 200, "called=true counter=6000");
        }
    }

    @Nested
    class All {
        @Test
        void shouldAddHandler() {
            App app = app();
            app.route("/foo").all((req, res, next) -> {
                req.attr("called", true);
                next.run();
            });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: no error, order=null, called=true, message=null");
            }
        }

        @Test
        void shouldHandleVerbs() {
            AtomicInteger count = new AtomicInteger();
            App app = app();
            app.route("/foo").all((req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.use((req, res) -> res.send("done " + req.method()));
            try (TestServer server = TestServer.serve(app)) {
                for (String method : NodeMethods.WITHOUT_CONNECT) {
                    var r = server.request(method, "/foo");
                    assertThat(r.status()).as(method).isEqualTo(200);
                    if (!method.equals("HEAD")) assertThat(r.text()).isEqualTo("done " + method);
                }
            }
            assertThat(count.get()).isEqualTo(NodeMethods.WITHOUT_CONNECT.size());
        }

        @Test
        void shouldStack() {
            App app = app();
            app.route("/foo")
                    .all((req, res, next) -> {
                        append(req, "1");
                        next.run();
                    })
                    .all((req, res, next) -> {
                        append(req, "2");
                        next.run();
                    });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: no error, order=12, called=null, message=null");
            }
        }
    }

    @Nested
    class Verb {
        @Test
        void shouldSupportGet() {
            App app = app();
            app.route("/foo").get((req, res, next) -> {
                req.attr("called", true);
                next.run();
            });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: no error, order=null, called=true, message=null");
            }
        }

        @Test
        void shouldLimitToJustVerb() {
            App app = app();
            app.route("/foo")
                    .get((req, res, next) -> {
                        throw new IllegalStateException("not me!");
                    })
                    .post((req, res, next) -> {
                        req.attr("called", true);
                        next.run();
                    });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.request("POST", "/foo"), 200, "done: no error, order=null, called=true, message=null");
            }
        }

        @Test
        void shouldAllowFallthrough() {
            App app = app();
            app.route("/foo")
                    .get((req, res, next) -> {
                        append(req, "a");
                        next.run();
                    })
                    .all((req, res, next) -> {
                        append(req, "b");
                        next.run();
                    })
                    .get((req, res, next) -> {
                        append(req, "c");
                        next.run();
                    });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: no error, order=abc, called=null, message=null");
            }
        }
    }

    @Nested
    class Errors {
        @Test
        void shouldHandleErrorsViaErrorHandlers() {
            App app = app();
            app.route("/foo")
                    .all((req, res, next) -> next.fail(new IllegalStateException("foobar")))
                    .all((req, res, next) -> {
                        append(req, "0");
                        next.run();
                    })
                    .all((err, req, res, next) -> {
                        append(req, "a");
                        next.fail(err);
                    });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: foobar, order=a");
            }
        }

        @Test
        void shouldHandleThrow() {
            App app = app();
            app.route("/foo")
                    .all((req, res, next) -> {
                        throw new IllegalStateException("foobar");
                    })
                    .all((req, res, next) -> {
                        append(req, "0");
                        next.run();
                    })
                    .all((err, req, res, next) -> {
                        append(req, "a");
                        next.fail(err);
                    });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: foobar, order=a");
            }
        }

        @Test
        void shouldHandleThrowingInsideErrorHandlers() {
            App app = app();
            app.route("/foo")
                    .get((req, res, next) -> {
                        throw new IllegalStateException("boom!");
                    })
                    .get((err, req, res, next) -> {
                        throw new IllegalStateException("oops");
                    })
                    .get((err, req, res, next) -> {
                        req.attr("message", err.getMessage());
                        next.run();
                    });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: no error, order=null, called=null, message=oops");
            }
        }

        @Test
        void shouldHandleThrowInAll() {
            App app = app();
            app.route("/foo").all((req, res, next) -> {
                throw new IllegalStateException("boom!");
            });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: boom!, order=null");
            }
        }

        @Test
        void shouldHandleSingleErrorHandler() {
            App app = app();
            app.route("/foo").all((err, req, res, next) -> {
                throw new IllegalStateException("should not be called");
            });
            reportDone(app);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "done: no error, order=null, called=null, message=null");
            }
        }
    }
}
