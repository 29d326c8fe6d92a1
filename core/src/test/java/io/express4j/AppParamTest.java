package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectErrorPage;
import static io.express4j.support.Expect.expectSent;

import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express's test/app.param.js. */
class AppParamTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    /** {@code id = Number(id); if (isNaN(id)) return next('route'); req.params.id = id; next()}. */
    static final ParamHandler TO_NUMBER = (req, res, next, value, name) -> {
        int id;
        try {
            id = Integer.parseInt((String) value);
        } catch (NumberFormatException e) {
            next.skipRoute();
            return;
        }
        req.params().put("id", id);
        next.run();
    };

    /** {@code res.send((typeof id) + ':' + id)}. */
    static final Handler TYPE_OF_ID = (req, res) -> {
        Object id = req.params().get("id");
        res.send((id instanceof Number ? "number" : id == null ? "undefined" : "string") + ":" + id);
    };

    @Nested
    class Names {
        @Test
        void shouldMapTheArray() {
            App app = app();
            app.param(List.of("id", "uid"), TO_NUMBER);
            app.get("/post/:id", TYPE_OF_ID);
            app.get("/user/:uid", TYPE_OF_ID);
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/user/123"), 200, "number:123");
                expectSent(server.get("/post/123"), 200, "number:123");
            }
        }
    }

    @Nested
    class Name {
        @Test
        void shouldMapLogicForASingleParam() {
            App app = app();
            app.param("id", TO_NUMBER);
            app.get("/user/:id", TYPE_OF_ID);
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/user/123"), 200, "number:123");
            }
        }

        @Test
        void shouldOnlyCallOncePerRequest() {
            App app = app();
            AtomicInteger called = new AtomicInteger();
            AtomicInteger count = new AtomicInteger();
            app.param("user", (req, res, next, user, name) -> {
                called.incrementAndGet();
                req.attr("user", user);
                next.run();
            });
            app.get("/foo/:user", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.get("/foo/:user", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.use((req, res) -> res.end(count + " " + called + " " + req.attr("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo/bob"), 200, "2 1 bob");
            }
        }

        @Test
        void shouldCallWhenValuesDiffer() {
            App app = app();
            AtomicInteger called = new AtomicInteger();
            AtomicInteger count = new AtomicInteger();
            app.param("user", (req, res, next, user, name) -> {
                called.incrementAndGet();
                List<Object> users = req.attr("users");
                if (users == null) req.attr("users", users = new ArrayList<>());
                users.add(user);
                next.run();
            });
            app.get("/:user/bob", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.get("/foo/:user", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.use((req, res) -> res.end(count + " " + called + " "
                    + String.join(
                            ",",
                            req.<List<Object>>attr("users").stream()
                                    .map(String::valueOf)
                                    .toList())));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo/bob"), 200, "2 2 foo,bob");
            }
        }

        @Test
        void shouldSupportAlteringReqParamsAcrossRoutes() {
            App app = app();
            app.param("user", (req, res, next, user, name) -> {
                req.params().put("user", "loki");
                next.run();
            });
            app.get("/:user", (req, res, next) -> next.skipRoute());
            app.get("/:user", (req, res) -> res.send(req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/bob"), 200, "loki");
            }
        }

        @Test
        void shouldNotInvokeWithoutRouteHandler() {
            App app = app();
            app.param("thing", (req, res, next, thing, name) -> {
                req.attr("thing", thing);
                next.run();
            });
            app.param(
                    "user", (req, res, next, user, name) -> next.fail(new IllegalStateException("invalid invocation")));
            app.post("/:user", (req, res) -> res.send(req.params("user")));
            app.get("/:thing", (req, res) -> res.send(req.<String>attr("thing")));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/bob"), 200, "bob");
            }
        }

        @Test
        void shouldWorkWithEncodedValues() {
            App app = app();
            app.param("name", (req, res, next, name, key) -> {
                req.params().put("name", name);
                next.run();
            });
            app.get("/user/:name", (req, res) -> res.send(req.params("name")));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/user/foo%25bar"), 200, "foo%bar");
            }
        }

        @Test
        void shouldCatchThrownError() {
            App app = app();
            app.param("id", (req, res, next, id, name) -> {
                throw new IllegalStateException("err!");
            });
            app.get("/user/:id", (req, res) -> res.send(req.params("id")));
            try (TestServer server = TestServer.serve(app)) {
                expectErrorPage(server.get("/user/123"), 500, "java.lang.IllegalStateException: err!");
            }
        }

        @Test
        void shouldCatchThrownSecondaryError() {
            // Express's first callback calls next on the next tick; here it calls it at once.
            App app = app();
            app.param("id", (req, res, next, val, name) -> next.run());
            app.param("id", (req, res, next, id, name) -> {
                throw new IllegalStateException("err!");
            });
            app.get("/user/:id", (req, res) -> res.send(req.params("id")));
            try (TestServer server = TestServer.serve(app)) {
                expectErrorPage(server.get("/user/123"), 500, "java.lang.IllegalStateException: err!");
            }
        }

        @Test
        void shouldDeferToNextRoute() {
            App app = app();
            app.param("id", (req, res, next, id, name) -> next.skipRoute());
            app.get("/user/:id", (req, res) -> res.send(req.params("id")));
            app.get("/:name/123", (req, res) -> res.send("name"));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/user/123"), 200, "name");
            }
        }

        @Test
        void shouldDeferAllTheParamRoutes() {
            App app = app();
            app.param("id", (req, res, next, val, name) -> {
                if (val.equals("new")) next.skipRoute();
                else next.run();
            });
            app.all("/user/:id", (req, res) -> res.send("all.id"));
            app.get("/user/:id", (req, res) -> res.send("get.id"));
            app.get("/user/new", (req, res) -> res.send("get.new"));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/user/new"), 200, "get.new");
            }
        }

        @Test
        void shouldNotCallWhenValuesDifferOnError() {
            App app = app();
            AtomicInteger called = new AtomicInteger();
            AtomicInteger count = new AtomicInteger();
            app.param("user", (req, res, next, user, name) -> {
                called.incrementAndGet();
                if (user.equals("foo")) throw new IllegalStateException("err!");
                req.attr("user", user);
                next.run();
            });
            app.get("/:user/bob", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.get("/foo/:user", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.use((err, req, res, next) -> {
                res.status(500);
                res.send(count + " " + called + " " + err.getMessage());
            });
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/foo/bob"), 500, "0 1 err!");
            }
        }

        @Test
        void shouldCallWhenValuesDifferWhenUsingNext() {
            App app = app();
            AtomicInteger called = new AtomicInteger();
            AtomicInteger count = new AtomicInteger();
            app.param("user", (req, res, next, user, name) -> {
                called.incrementAndGet();
                if (user.equals("foo")) {
                    next.skipRoute();
                    return;
                }
                req.attr("user", user);
                next.run();
            });
            app.get("/:user/bob", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.get("/foo/:user", (req, res, next) -> {
                count.incrementAndGet();
                next.run();
            });
            app.use((req, res) -> res.end(count + " " + called + " " + req.attr("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo/bob"), 200, "1 2 bob");
            }
        }
    }
}
