package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectNotFound;
import static io.express4j.support.Expect.expectSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express's test/app.use.js. */
class AppUseTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    static Middleware setHeader(String name) {
        return (req, res, next) -> {
            res.setHeader(name, "hit");
            next.run();
        };
    }

    static final Middleware FN1 = setHeader("x-fn-1");
    static final Middleware FN2 = setHeader("x-fn-2");
    static final Middleware FN3_END = (req, res, next) -> {
        res.setHeader("x-fn-3", "hit");
        res.end();
    };
    static final Handler SAW_THROUGH =
            (req, res) -> res.send("saw " + req.method() + " " + req.url() + " through " + req.originalUrl());

    static void expectAllHit(RawResponse r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("x-fn-1")).isEqualTo("hit");
        assertThat(r.header("x-fn-2")).isEqualTo("hit");
        assertThat(r.header("x-fn-3")).isEqualTo("hit");
    }

    @Nested
    class UseApp {
        @Test
        void shouldMountTheApp() {
            App blog = app();
            App app = app();
            blog.get("/blog", (req, res) -> res.end("blog"));
            app.use(blog);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/blog"), 200, "blog");
            }
        }

        @Test
        void shouldSupportMountPoints() {
            App blog = app();
            App forum = app();
            App app = app();
            blog.get("/", (req, res) -> res.end("blog"));
            forum.get("/", (req, res) -> res.end("forum"));
            app.use("/blog", blog);
            app.use("/forum", forum);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/blog"), 200, "blog");
                expect(server.get("/forum"), 200, "forum");
            }
        }

        @Test
        void shouldSetTheChildsParent() {
            App blog = app();
            App app = app();
            app.use("/blog", blog);
            assertThat(blog.parent()).isSameAs(app);
        }

        @Test
        void shouldSupportDynamicRoutes() {
            App blog = app();
            App app = app();
            blog.get("/", (req, res) -> res.end("success"));
            app.use("/post/:article", blog);
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/post/once-upon-a-time"), 200, "success");
            }
        }

        @Test
        void shouldSupportMountedAppAnywhere() {
            App blog = app();
            App other = app();
            App app = app();
            blog.get("/", (req, res) -> res.end("success"));
            app.use("/post/:article", FN1, other, FN2, blog);
            // Express checks this through each sub-app's 'mount' event.
            assertThat(blog.parent()).isSameAs(app);
            assertThat(other.parent()).isSameAs(app);
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/post/once-upon-a-time");
                expect(r, 200, "success");
                assertThat(r.header("x-fn-1")).isEqualTo("hit");
                assertThat(r.header("x-fn-2")).isEqualTo("hit");
            }
        }
    }

    @Nested
    class UseMiddleware {
        @Test
        void shouldAcceptMultipleArguments() {
            App app = app();
            app.use(FN1, FN2, FN3_END);
            try (TestServer server = TestServer.serve(app)) {
                expectAllHit(server.get("/"));
            }
        }

        @Test
        void shouldInvokeMiddlewareForAllRequests() {
            App app = app();
            app.use((req, res) -> res.send("saw " + req.method() + " " + req.url()));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/"), 200, "saw GET /");
                expectSent(server.request("OPTIONS", "/"), 200, "saw OPTIONS /");
                expectSent(server.request("POST", "/foo"), 200, "saw POST /foo");
            }
        }

        @Test
        void shouldAcceptArrayOfMiddleware() {
            App app = app();
            app.use(new Middleware[] {FN1, FN2, FN3_END});
            try (TestServer server = TestServer.serve(app)) {
                expectAllHit(server.get("/"));
            }
        }
    }

    @Nested
    class UsePathMiddleware {
        @Test
        void shouldRequireMiddleware() {
            App app = app();
            assertThatThrownBy(() -> app.use("/"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("app.use() requires a middleware function");
        }

        @Test
        void shouldRejectNullAsMiddleware() {
            App app = app();
            assertThatThrownBy(() -> app.use("/", (Middleware) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument handler must be a function");
        }

        @Test
        void shouldStripPathFromReqUrl() {
            App app = app();
            app.use("/foo", (req, res) -> res.send("saw " + req.method() + " " + req.url()));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/foo/bar"), 200, "saw GET /bar");
            }
        }

        @Test
        void shouldAcceptMultipleArguments() {
            App app = app();
            app.use("/foo", FN1, FN2, FN3_END);
            try (TestServer server = TestServer.serve(app)) {
                expectAllHit(server.get("/foo"));
            }
        }

        @Test
        void shouldInvokeMiddlewareForAllRequestsStartingWithPath() {
            App app = app();
            app.use("/foo", (req, res) -> res.send("saw " + req.method() + " " + req.url()));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/"), "GET", "/");
                expectSent(server.request("POST", "/foo"), 200, "saw POST /");
                expectSent(server.request("POST", "/foo/bar"), 200, "saw POST /bar");
            }
        }

        @Test
        void shouldWorkIfPathHasTrailingSlash() {
            App app = app();
            app.use("/foo/", (req, res) -> res.send("saw " + req.method() + " " + req.url()));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/"), "GET", "/");
                expectSent(server.request("POST", "/foo"), 200, "saw POST /");
                expectSent(server.request("POST", "/foo/bar"), 200, "saw POST /bar");
            }
        }

        @Test
        void shouldAcceptArrayOfMiddleware() {
            App app = app();
            app.use("/foo", new Middleware[] {FN1, FN2, FN3_END});
            try (TestServer server = TestServer.serve(app)) {
                expectAllHit(server.get("/foo"));
            }
        }

        @Test
        void shouldSupportArrayOfPaths() {
            App app = app();
            app.use(List.of("/foo/", "/bar"), SAW_THROUGH);
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/"), "GET", "/");
                expectSent(server.get("/foo"), 200, "saw GET / through /foo");
                expectSent(server.get("/bar"), 200, "saw GET / through /bar");
            }
        }

        @Test
        void shouldSupportArrayOfPathsWithSeveralMiddleware() {
            App app = app();
            Middleware fn3 = (req, res, next) -> {
                res.setHeader("x-fn-3", "hit");
                SAW_THROUGH.handle(req, res);
            };
            app.use(List.of("/foo/", "/bar"), FN1, FN2, fn3);
            try (TestServer server = TestServer.serve(app)) {
                RawResponse foo = server.get("/foo");
                expectAllHit(foo);
                expectSent(foo, 200, "saw GET / through /foo");
                RawResponse bar = server.get("/bar");
                expectAllHit(bar);
                expectSent(bar, 200, "saw GET / through /bar");
            }
        }

        @Test
        void shouldSupportRegexpPath() {
            App app = app();
            app.use(Pattern.compile("^/[a-z]oo"), SAW_THROUGH);
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/"), "GET", "/");
                expectSent(server.get("/foo"), 200, "saw GET / through /foo");
                expectSent(server.get("/zoo/bear"), 200, "saw GET /bear through /zoo/bear");
                expectNotFound(server.get("/get/zoo"), "GET", "/get/zoo");
            }
        }

        @Test
        void shouldSupportEmptyStringPath() {
            App app = app();
            app.use("", SAW_THROUGH);
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/"), 200, "saw GET / through /");
            }
        }
    }
}
