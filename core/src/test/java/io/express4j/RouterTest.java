package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.NodeMethods;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Express's test/Router.js. Express calls {@code router.handle(fakeReq, fakeRes, done)}; here the router is mounted
 * in an app and the request goes over the wire. What Express checks in {@code done} a final middleware (or error
 * middleware) reports in the body.
 */
class RouterTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    /** Plays {@code done(err)} after the router: "done" or "done: message". */
    static App serveRouter(Router router) {
        App app = app();
        app.use(router);
        app.use((req, res) -> res.send("done, hit=" + req.attr("hit")));
        app.use((err, req, res, next) -> res.send("done: " + err.getMessage()));
        return app;
    }

    static void hit(Request req, int expected, String url, List<String> problems) {
        Integer hit = req.attr("hit");
        int n = hit == null ? 0 : hit;
        if (n != expected) problems.add("hit " + n + " != " + expected);
        if (!req.url().equals(url)) problems.add("url " + req.url() + " != " + url);
        req.attr("hit", n + 1);
    }

    @Test
    void shouldSupportUseOfOtherRouters() {
        Router router = Express.router();
        Router another = Express.router();
        another.get("/bar", (req, res) -> res.end());
        router.use("/foo", another);
        try (TestServer server = TestServer.serve(serveRouter(router))) {
            RawResponse r = server.get("/foo/bar");
            expect(r, 200, "");
            assertThat(r.header("Content-Length")).isEqualTo("0");
        }
    }

    @Test
    void shouldSupportDynamicRoutes() {
        Router router = Express.router();
        Router another = Express.router();
        another.get("/:bar", (req, res) -> res.end(req.params("bar")));
        router.use("/:foo", another);
        try (TestServer server = TestServer.serve(serveRouter(router))) {
            expect(server.get("/test/route"), 200, "route");
        }
    }

    @Test
    void shouldNotStackOverflowWithManyRegisteredRoutes() {
        Router router = Express.router();
        for (int i = 0; i < 6000; i++) router.get("/thing" + i, (req, res) -> res.end("wrong handler"));
        router.get("/", (req, res) -> res.end("right handler"));
        try (TestServer server = TestServer.serve(serveRouter(router))) {
            expect(server.get("/"), 200, "right handler");
        }
    }

    @Test
    void shouldNotStackOverflowWithALargeSyncRouteStack() {
        Router router = Express.router();
        router.get("/foo", (req, res, next) -> {
            req.attr("counter", 0);
            next.run();
        });
        for (int i = 0; i < 6000; i++) {
            router.get("/foo", (req, res, next) -> {
                req.attr("counter", (Integer) req.attr("counter") + 1);
                next.run();
            });
        }
        router.get("/foo", (req, res) -> res.end("counter=" + req.attr("counter")));
        try (TestServer server = TestServer.serve(serveRouter(router))) {
            expect(server.get("/foo"), 200, "counter=6000");
        }
    }

    @Test
    void shouldNotStackOverflowWithALargeSyncMiddlewareStack() {
        Router router = Express.router();
        router.use((req, res, next) -> {
            req.attr("counter", 0);
            next.run();
        });
        for (int i = 0; i < 6000; i++) {
            router.use((req, res, next) -> {
                req.attr("counter", (Integer) req.attr("counter") + 1);
                next.run();
            });
        }
        router.use((req, res) -> res.end("counter=" + req.attr("counter")));
        try (TestServer server = TestServer.serve(serveRouter(router))) {
            expect(server.get("/"), 200, "counter=6000");
        }
    }

    @Test
    void codeAfterNextRunsAfterTheRestOfTheStackWhileNestingIsShallow() throws Exception {
        // Express runs a synchronous next() to the end of the stack before returning (up to its sync limit).
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        App app = app();
        app.use((req, res, next) -> {
            order.add("a");
            next.run();
            order.add("a after next");
            done.countDown(); // the response left before this line ran: wait for it, not for the response
        });
        app.use((req, res, next) -> {
            order.add("b");
            next.run();
        });
        app.get("/", (req, res) -> {
            order.add("handler");
            res.send("ok");
        });
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/"), 200, "ok");
            assertThat(done.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).containsExactly("a", "b", "handler", "a after next");
    }

    @Test
    void deepSynchronousNextRunsInBatchesOfAHundredAsInExpress() throws Exception {
        // Express 5.3 (router 2.3.0) logs "0..99 a99..a0 100..199 a199..a100 200..249 end a249..a200" here: once
        // 100 next() calls are nested, the rest of the stack runs after the code that follows them.
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch unwound = new java.util.concurrent.CountDownLatch(1);
        App app = app();
        for (int i = 0; i < 250; i++) {
            int n = i;
            app.use((req, res, next) -> {
                log.add(Integer.toString(n));
                next.run();
                log.add("a" + n);
                if (n == 200) unwound.countDown();
            });
        }
        app.use((req, res) -> {
            log.add("end");
            res.send("end");
        });
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/"), 200, "end");
            assertThat(unwound.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        List<String> expected = new ArrayList<>();
        for (int batch = 0; batch < 300; batch += 100) {
            int last = Math.min(batch + 100, 250);
            for (int i = batch; i < last; i++) expected.add(Integer.toString(i));
            if (last == 250) expected.add("end");
            for (int i = last - 1; i >= batch; i--) expected.add("a" + i);
            if (last == 250) break;
        }
        assertThat(log).containsExactlyElementsOf(expected);
    }

    @Test
    void nextFromAnotherThreadContinuesTheStackThere() {
        // A handler that hands the request to another thread (res.async()) and calls next from there; the rest of
        // a deep stack then runs on that thread without overflowing it.
        App app = app();
        app.use((req, res, next) -> {
            res.async();
            Thread.ofVirtual().start(() -> {
                req.attr("thread", Thread.currentThread());
                next.run();
            });
        });
        for (int i = 0; i < 3000; i++) {
            app.use((req, res, next) -> {
                req.attr("count", req.attr("count") == null ? 1 : (Integer) req.attr("count") + 1);
                next.run();
            });
        }
        app.use((req, res) -> res.send(
                "count=" + req.attr("count") + " same thread=" + (req.attr("thread") == Thread.currentThread())));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/"), 200, "count=3000 same thread=true");
        }
    }

    @Nested
    class Handle {
        @Test
        void shouldDispatch() {
            Router router = Express.router();
            router.route("/foo").get((req, res) -> res.send("foo"));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expectSent(server.get("/foo"), 200, "foo");
            }
        }
    }

    @Nested
    class MultipleCallbacks {
        @Test
        void shouldThrowIfACallbackIsNull() {
            Router router = Express.router();
            assertThatThrownBy(() -> router.route("/foo").all((Middleware) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument handler must be a function");
        }

        @Test
        void shouldNotThrowIfAllCallbacksAreFunctions() {
            Router router = Express.router();
            Route route = router.route("/foo");
            assertThat(route.all((req, res, next) -> {}).all((req, res, next) -> {}))
                    .isSameAs(route);
        }
    }

    @Nested
    class Errors {
        @Test
        void shouldSkipNonErrorMiddleware() {
            Router router = Express.router();
            router.get("/foo", (req, res, next) -> next.fail(new IllegalStateException("foo")));
            router.get("/bar", (req, res, next) -> next.fail(new IllegalStateException("bar")));
            router.use((req, res, next) -> res.send("non-error middleware ran"));
            router.use((err, req, res, next) -> res.send("error handler saw " + err.getMessage()));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expectSent(server.get("/foo"), 200, "error handler saw foo");
            }
        }

        @Test
        void shouldHandleThrowingInsideRoutesWithParams() {
            Router router = Express.router();
            router.get("/foo/:id", (req, res) -> {
                throw new IllegalStateException("foo");
            });
            router.use((req, res, next) -> res.send("non-error middleware ran"));
            router.use((err, req, res, next) -> res.send("error handler saw " + err.getMessage()));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expectSent(server.get("/foo/2"), 200, "error handler saw foo");
            }
        }

        @Test
        void shouldHandleThrowingInHandlerAfterParam() {
            Router router = Express.router();
            router.param("user", (req, res, next, val, name) -> {
                req.attr("user", val);
                next.run();
            });
            router.use("/:user", (req, res, next) -> {
                throw new IllegalStateException("oh no!");
            });
            router.use((err, req, res, next) ->
                    res.send("error handler saw " + err.getMessage() + " for " + req.attr("user")));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expectSent(server.get("/bob"), 200, "error handler saw oh no! for bob");
            }
        }

        @Test
        void shouldHandleThrowingInsideErrorHandlers() {
            Router router = Express.router();
            router.use((req, res, next) -> {
                throw new IllegalStateException("boom!");
            });
            router.use((err, req, res, next) -> {
                throw new IllegalStateException("oops");
            });
            router.use((err, req, res, next) -> res.send("error handler saw " + err.getMessage()));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expectSent(server.get("/"), 200, "error handler saw oops");
            }
        }
    }

    /** Absolute-form request targets ({@code GET http://example.com/foo}) keep their scheme and host. */
    @Nested
    class Fqdn {
        static RawResponse fqdn(TestServer server, String target) {
            return server.raw("GET", "GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n");
        }

        @Test
        void shouldNotObscureFqdns() {
            List<String> problems = new ArrayList<>();
            Router router = Express.router();
            router.use((req, res, next) -> {
                hit(req, 0, "http://example.com/foo", problems);
                next.run();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(fqdn(server, "http://example.com/foo"), 200, "done, hit=1");
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void shouldIgnoreFqdnInSearch() {
            List<String> problems = new ArrayList<>();
            Router router = Express.router();
            router.use("/proxy", (req, res, next) -> {
                hit(req, 0, "/?url=http://example.com/blog/post/1", problems);
                next.run();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(fqdn(server, "/proxy?url=http://example.com/blog/post/1"), 200, "done, hit=1");
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void shouldIgnoreFqdnInPath() {
            List<String> problems = new ArrayList<>();
            Router router = Express.router();
            router.use("/proxy", (req, res, next) -> {
                hit(req, 0, "/http://example.com/blog/post/1", problems);
                next.run();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(fqdn(server, "/proxy/http://example.com/blog/post/1"), 200, "done, hit=1");
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void shouldAdjustFqdnReqUrl() {
            List<String> problems = new ArrayList<>();
            Router router = Express.router();
            router.use("/blog", (req, res, next) -> {
                hit(req, 0, "http://example.com/post/1", problems);
                next.run();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(fqdn(server, "http://example.com/blog/post/1"), 200, "done, hit=1");
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void shouldAdjustFqdnReqUrlWithMultipleHandlers() {
            List<String> problems = new ArrayList<>();
            Router router = Express.router();
            router.use((req, res, next) -> {
                hit(req, 0, "http://example.com/blog/post/1", problems);
                next.run();
            });
            router.use("/blog", (req, res, next) -> {
                hit(req, 1, "http://example.com/post/1", problems);
                next.run();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(fqdn(server, "http://example.com/blog/post/1"), 200, "done, hit=2");
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void shouldAdjustFqdnReqUrlWithMultipleRoutedHandlers() {
            List<String> problems = new ArrayList<>();
            Router router = Express.router();
            router.use("/blog", (req, res, next) -> {
                hit(req, 0, "http://example.com/post/1", problems);
                next.run();
            });
            router.use("/blog", (req, res, next) -> {
                hit(req, 1, "http://example.com/post/1", problems);
                next.run();
            });
            router.use((req, res, next) -> {
                hit(req, 2, "http://example.com/blog/post/1", problems);
                next.run();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(fqdn(server, "http://example.com/blog/post/1"), 200, "done, hit=3");
            }
            assertThat(problems).isEmpty();
        }
    }

    @Nested
    class All {
        @Test
        void shouldSupportUsingAllToCaptureAllHttpVerbs() {
            AtomicInteger count = new AtomicInteger();
            Router router = Express.router();
            router.all("/foo", (req, res) -> {
                count.incrementAndGet();
                res.end();
            });
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                for (String method : NodeMethods.WITHOUT_CONNECT) {
                    assertThat(server.request(method, "/foo?bar=baz").status())
                            .as(method)
                            .isEqualTo(200);
                }
            }
            assertThat(count.get()).isEqualTo(NodeMethods.WITHOUT_CONNECT.size());
        }
    }

    @Nested
    class Use {
        @Test
        void shouldRequireMiddleware() {
            Router router = Express.router();
            assertThatThrownBy(() -> router.use("/"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument handler is required");
        }

        @Test
        void shouldRejectNullAsMiddleware() {
            Router router = Express.router();
            assertThatThrownBy(() -> router.use("/", (Middleware) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument handler must be a function");
        }

        @Test
        void shouldBeCalledForAnyUrl() {
            Router router = Express.router();
            router.use((req, res) -> res.end("saw " + req.url()));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(server.get("/"), 200, "saw /");
                expect(server.get("/foo"), 200, "saw /foo");
                // Express's test hands the router {url: 'foo'} and {url: '*'} directly; on the wire RFC 9112 allows
                // '*' only with OPTIONS and no relative target at all, so the server refuses those (HttpFramingTest).
                expect(server.raw("OPTIONS", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"), 200, "saw *");
            }
        }

        @Test
        void shouldAcceptArrayOfMiddleware() {
            Router router = Express.router();
            Middleware fn1 = (req, res, next) -> {
                req.attr("count", 1);
                next.run();
            };
            Middleware fn2 = (req, res, next) -> {
                req.attr("count", (Integer) req.attr("count") + 1);
                next.run();
            };
            Handler fn3 = (req, res) -> res.send("count " + ((Integer) req.attr("count") + 1));
            router.use(new Middleware[] {fn1, fn2, fn3});
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expectSent(server.get("/foo"), 200, "count 3");
            }
        }
    }

    @Nested
    class Param {
        @Test
        void shouldRequireFunction() {
            Router router = Express.router();
            assertThatThrownBy(() -> router.param("id", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument fn is required");
        }

        @Test
        void shouldCallParamFunctionWhenRoutingVerbs() {
            Router router = Express.router();
            router.param("id", (req, res, next, id, name) -> {
                req.attr("param", name + "=" + id);
                next.run();
            });
            router.get("/foo/:id/bar", (req, res, next) -> {
                req.attr("seen", req.params("id"));
                next.run();
            });
            try (TestServer server = TestServer.serve(done(router))) {
                expect(server.get("/foo/123/bar"), 200, "param=id=123 seen=123 url=/foo/123/bar");
            }
        }

        @Test
        void shouldCallParamFunctionWhenRoutingMiddleware() {
            Router router = Express.router();
            router.param("id", (req, res, next, id, name) -> {
                req.attr("param", name + "=" + id);
                next.run();
            });
            router.use("/foo/:id/bar", (req, res, next) -> {
                req.attr("seen", req.params("id") + " at " + req.url());
                next.run();
            });
            try (TestServer server = TestServer.serve(done(router))) {
                expect(server.get("/foo/123/bar/baz"), 200, "param=id=123 seen=123 at /baz url=/foo/123/bar/baz");
            }
        }

        /** The app around a router for the param tests: reports what the router's layers recorded. */
        static App done(Router router) {
            App app = app();
            app.use(router);
            app.use((req, res) ->
                    res.end("param=" + req.attr("param") + " seen=" + req.attr("seen") + " url=" + req.url()));
            return app;
        }

        @Test
        void shouldOnlyCallOncePerRequest() {
            AtomicInteger count = new AtomicInteger();
            Router router = Express.router();
            Router sub = Express.router();
            sub.get("/bar", (req, res, next) -> next.run());
            router.param("user", (req, res, next, user, name) -> {
                count.incrementAndGet();
                req.attr("user", user);
                next.run();
            });
            router.use("/foo/:user/", Express.router());
            router.use("/foo/:user/", sub);
            App app = app();
            app.use(router);
            app.use((req, res) -> res.end(count.get() + " " + req.attr("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo/bob/bar"), 200, "1 bob");
            }
        }

        @Test
        void shouldCallWhenValuesDiffer() {
            AtomicInteger count = new AtomicInteger();
            Router router = Express.router();
            Router sub = Express.router();
            sub.get("/bar", (req, res, next) -> next.run());
            router.param("user", (req, res, next, user, name) -> {
                count.incrementAndGet();
                req.attr("user", user);
                next.run();
            });
            router.use("/foo/:user/", Express.router());
            router.use("/:user/bob/", sub);
            App app = app();
            app.use(router);
            app.use((req, res) -> res.end(count.get() + " " + req.attr("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo/bob/bar"), 200, "2 foo");
            }
        }
    }

    @Nested
    class ParallelRequests {
        @Test
        void shouldNotMixRequests() throws Exception {
            Router router = Express.router();
            Router sub = Express.router();
            sub.get("/bar", (req, res, next) -> next.run());
            router.param("ms", (req, res, next, ms, name) -> {
                int millis = Integer.parseInt((String) ms);
                req.attr("ms", millis);
                Thread.sleep(millis);
                next.run();
            });
            router.use("/foo/:ms/", Express.router());
            router.use("/foo/:ms/", sub);
            App app = app();
            app.use(router);
            app.use((req, res) -> res.end(req.attr("ms") + " " + req.originalUrl()));
            try (TestServer server = TestServer.serve(app)) {
                CompletableFuture<RawResponse> slow = CompletableFuture.supplyAsync(() -> server.get("/foo/50/bar"));
                CompletableFuture<RawResponse> fast = CompletableFuture.supplyAsync(() -> server.get("/foo/10/bar"));
                expect(slow.get(), 200, "50 /foo/50/bar");
                expect(fast.get(), 200, "10 /foo/10/bar");
            }
        }
    }

    /** The stack is indexed by literal path segments (LayerIndex): none of it may show. */
    @Nested
    class IndexedStack {
        static Middleware mark(String name) {
            return (req, res, next) -> {
                String marks = req.attr("marks");
                req.attr("marks", marks == null ? name : marks + " " + name);
                next.run();
            };
        }

        @Test
        void registrationOrderDecidesAcrossLiteralParameterAndRegexLayers() {
            App app = app();
            app.get("/:x/42", mark("p1"));
            app.get("/users/42", mark("l2"));
            app.use("/users", mark("u3"));
            app.get(java.util.regex.Pattern.compile("^/USERS"), mark("r4"));
            app.get("/Users/:id", mark("l5"));
            app.get("/posts/42", mark("x6"));
            app.use((req, res) -> res.send(req.<String>attr("marks")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/USERS/42"), 200, "p1 l2 u3 r4 l5");
                expect(server.get("/users/42/"), 200, "p1 l2 u3 l5");
                expect(server.get("/posts/42"), 200, "p1 x6");
            }
        }

        @Test
        void routesAddedAfterTheFirstRequestAreReachedInOrder() {
            Router router = Express.router();
            router.get("/a", (req, res) -> res.send("a"));
            try (TestServer server = TestServer.serve(serveRouter(router))) {
                expect(server.get("/b"), 200, "done, hit=null");
                router.use("/b", (req, res, next) -> {
                    req.attr("hit", 1);
                    next.run();
                });
                router.get("/b", (req, res) -> res.send("b, hit=" + req.attr("hit")));
                expect(server.get("/b"), 200, "b, hit=1");
                expect(server.get("/a"), 200, "a");
            }
        }

        @Test
        void caseSensitiveRoutingComparesTheSegmentsExactly() {
            App app = app().enable("case sensitive routing");
            app.get("/Users", (req, res) -> res.send("Users"));
            app.get("/users", (req, res) -> res.send("users"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/Users"), 200, "Users");
                expect(server.get("/users"), 200, "users");
                assertThat(server.get("/USERS").status()).isEqualTo(404);
            }
        }

        @Test
        void aMountedRouterIndexesThePathBelowItsMountPath() {
            Router api = Express.router();
            api.get("/v1/items/:id", (req, res) -> res.send(req.baseUrl() + " " + req.params("id")));
            App app = app();
            app.use("/api", api);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/API/v1/ITEMS/7"), 200, "/API 7");
                assertThat(server.get("/api/items/7").status()).isEqualTo(404);
            }
        }
    }
}
