package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectErrorPage;
import static io.express4j.support.Expect.expectNotFound;
import static io.express4j.support.Expect.expectSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.NodeMethods;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Express's test/app.router.js, plus the dispatch cases the port adds (splats, regex groups, settings order). */
class AppRouterTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    /** What the merge tests send: {@code Object.keys(req.params).sort().map(k => [k, req.params[k]])}. */
    static List<List<Object>> sortedEntries(Map<String, Object> params) {
        List<List<Object>> out = new ArrayList<>();
        new TreeMap<>(params).forEach((k, v) -> out.add(List.of(k, v)));
        return out;
    }

    static void expectJson(RawResponse r, int status, String json) {
        expect(r, status, json);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void shouldRestoreReqParamsAfterLeavingRouter() {
        App app = app();
        Router router = Express.router();
        Middleware handler1 = (req, res, next) -> {
            res.setHeader("x-user-id", Objects.toString(req.params().get("id"), "undefined"));
            next.run();
        };
        Handler handler2 = (req, res) -> res.send(req.params("id"));
        router.use((req, res, next) -> {
            res.setHeader("x-router", Objects.toString(req.params().get("id"), "undefined"));
            next.run();
        });
        app.get("/user/:id", handler1, router, handler2);
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/user/1");
            expectSent(r, 200, "1");
            assertThat(r.header("x-router")).isEqualTo("undefined");
            assertThat(r.header("x-user-id")).isEqualTo("1");
        }
    }

    @Nested
    class Methods {
        static final List<String> METHODS = NodeMethods.WITHOUT_CONNECT;

        @ParameterizedTest(name = "should include {0}")
        @FieldSource("METHODS")
        void shouldInclude(String method) {
            App app = app();
            app.method(method, "/foo", (Handler) (req, res) -> res.send(method.toLowerCase()));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.request(method, "/foo");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(method.length()));
                assertThat(r.text()).isEqualTo(method.equals("HEAD") ? "" : method.toLowerCase());
            }
        }

        @Test
        void shouldReRouteWhenMethodIsAltered() {
            App app = app();
            app.use((req, res, next) -> {
                if (!req.method().equals("POST")) {
                    next.run();
                    return;
                }
                req.method("DELETE");
                res.setHeader("X-Method-Altered", "1");
                next.run();
            });
            app.delete("/", (req, res) -> res.end("deleted everything"));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/"), "GET", "/");
                expect(server.request("DELETE", "/"), 200, "deleted everything");
                RawResponse post = server.request("POST", "/");
                expect(post, 200, "deleted everything");
                assertThat(post.header("X-Method-Altered")).isEqualTo("1");
            }
        }
    }

    @Nested
    class DecodeParams {
        static App echoName() {
            App app = app();
            app.get("/:name", (req, res) -> res.send(req.params("name")));
            return app;
        }

        @Test
        void shouldDecodeCorrectParams() {
            try (TestServer server = TestServer.serve(echoName())) {
                expectSent(server.get("/foo%2Fbar"), 200, "foo/bar");
            }
        }

        @Test
        void shouldNotAcceptParamsInMalformedPaths() {
            try (TestServer server = TestServer.serve(echoName())) {
                expectErrorPage(
                        server.get("/%foobar"),
                        400,
                        "io.express4j.routing.PathDecodeException: Failed to decode param &#39;%foobar&#39;");
            }
        }

        @Test
        void shouldNotDecodeSpaces() {
            try (TestServer server = TestServer.serve(echoName())) {
                expectSent(server.get("/foo+bar"), 200, "foo+bar");
            }
        }

        @Test
        void shouldWorkWithUnicode() {
            try (TestServer server = TestServer.serve(echoName())) {
                expectSent(server.get("/%ce%b1"), 200, "\u03b1");
            }
        }

        @Test
        void malformedEscapeInASplatSegmentIs400() {
            App app = app();
            app.get("/files/*path", (req, res) -> res.json(req.params()));
            try (TestServer server = TestServer.serve(app)) {
                expectErrorPage(
                        server.get("/files/a/%zz"),
                        400,
                        "io.express4j.routing.PathDecodeException: Failed to decode param &#39;%zz&#39;");
            }
        }

        @Test
        void malformedEscapeReachesErrorMiddlewareAsA400() {
            App app = app();
            app.get("/:name", (req, res) -> res.send("not reached"));
            app.use((err, req, res, next) ->
                    res.status(FinalHandler.statusOf(err)).send(err.getMessage()));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/%E0%A4%A"), 400, "Failed to decode param '%E0%A4%A'");
            }
        }
    }

    @Test
    void shouldBeUseable() {
        App app = app();
        List<String> calls = new ArrayList<>();
        app.use((req, res, next) -> {
            calls.add("before");
            next.run();
        });
        app.get("/", (req, res, next) -> {
            calls.add("GET /");
            next.run();
        });
        app.use((req, res, next) -> {
            calls.add("after");
            res.json(calls);
        });
        try (TestServer server = TestServer.serve(app)) {
            expectJson(server.get("/"), 200, "[\"before\",\"GET /\",\"after\"]");
        }
    }

    @Nested
    class WhenGivenARegexp {
        @Test
        void shouldMatchThePathnameOnly() {
            App app = app();
            app.get(Pattern.compile("^/user/[0-9]+$"), (req, res) -> res.end("user"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/12?foo=bar"), 200, "user");
            }
        }

        @Test
        void shouldPopulateReqParamsWithTheCaptures() {
            App app = app();
            app.get(
                    Pattern.compile("^/user/([0-9]+)/(view|edit)?$"),
                    (req, res) -> res.end(req.params("1") + "ing user " + req.params("0")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/10/edit"), 200, "editing user 10");
            }
        }

        @Test
        void shouldPopulateReqParamsWithNamedCaptures() {
            App app = app();
            app.get(
                    Pattern.compile("^/user/(?<userId>[0-9]+)/(view|edit)?$"),
                    (req, res) -> res.end(req.params("0") + "ing user " + req.params("userId")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/10/edit"), 200, "editing user 10");
            }
        }

        @Test
        void numberedAndNamedGroupsAsJson() {
            // Express 5.3: {"0":"edit","userId":"10"}; an unmatched optional group is left out.
            App app = app();
            app.get(Pattern.compile("^/user/(?<userId>[0-9]+)/(view|edit)?$"), (req, res) -> res.json(req.params()));
            app.get(Pattern.compile("^/g/(a)?(b)?(c)$"), (req, res) -> res.json(req.params()));
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/user/10/edit"), 200, "{\"0\":\"edit\",\"userId\":\"10\"}");
                expectJson(server.get("/user/10/"), 200, "{\"userId\":\"10\"}");
                expectJson(server.get("/g/bc"), 200, "{\"1\":\"b\",\"2\":\"c\"}");
            }
        }

        @Test
        void shouldEnsureRegexpMatchesPathPrefix() {
            App app = app();
            List<String> p = new ArrayList<>();
            app.use(Pattern.compile("/api.*"), (req, res, next) -> {
                p.add("a");
                next.run();
            });
            app.use(Pattern.compile("api"), (req, res, next) -> {
                p.add("b");
                next.run();
            });
            app.use(Pattern.compile("/test"), (req, res, next) -> {
                p.add("c");
                next.run();
            });
            app.use((req, res) -> res.end());
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/test/api/1234"), 200, "");
            }
            assertThat(p).containsExactly("c");
        }
    }

    @Nested
    class CaseSensitivity {
        @Test
        void shouldBeDisabledByDefault() {
            App app = app();
            app.get("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/USER"), 200, "tj");
            }
        }

        @Test
        void shouldMatchIdenticalCasingWhenEnabled() {
            App app = app();
            app.enable("case sensitive routing");
            app.get("/uSer", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/uSer"), 200, "tj");
            }
        }

        @Test
        void shouldNotMatchOtherwiseWhenEnabled() {
            App app = app();
            app.enable("case sensitive routing");
            app.get("/uSer", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/user"), "GET", "/user");
            }
        }

        @Test
        void mustBeEnabledBeforeTheFirstRoute() {
            // The base router is made on first use with the settings in force then, as in Express.
            App app = app();
            app.get("/first", (req, res) -> res.end("first"));
            app.enable("case sensitive routing");
            app.get("/uSer", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user"), 200, "tj");
            }
        }
    }

    @Nested
    class Params {
        @Test
        void shouldOverwriteExistingReqParamsByDefault() {
            App app = app();
            Router router = Express.router();
            router.get("/:action", (req, res) -> res.send(req.params()));
            app.use("/user/:user", router);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/user/1/get"), 200, "{\"action\":\"get\"}");
            }
        }

        @Test
        void shouldAllowMergingExistingReqParams() {
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get("/:action", (req, res) -> res.send(sortedEntries(req.params())));
            app.use("/user/:user", router);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/user/tj/get"), 200, "[[\"action\",\"get\"],[\"user\",\"tj\"]]");
            }
        }

        @Test
        void shouldUseParamsFromRouter() {
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get("/:thing", (req, res) -> res.send(sortedEntries(req.params())));
            app.use("/user/:thing", router);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/user/tj/get"), 200, "[[\"thing\",\"get\"]]");
            }
        }

        @Test
        void shouldMergeNumericIndicesReqParams() {
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get(Pattern.compile("^/(.*)\\.(.*)"), (req, res) -> res.send(sortedEntries(req.params())));
            app.use(Pattern.compile("^/user/id:(\\d+)"), router);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(
                        server.get("/user/id:10/profile.json"),
                        200,
                        "[[\"0\",\"10\"],[\"1\",\"profile\"],[\"2\",\"json\"]]");
            }
        }

        @Test
        void shouldMergeNumericIndicesReqParamsWhenMoreInParent() {
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get(Pattern.compile("/(.*)"), (req, res) -> res.send(sortedEntries(req.params())));
            app.use(Pattern.compile("^/user/id:(\\d+)/name:(\\w+)"), router);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(
                        server.get("/user/id:10/name:tj/profile"),
                        200,
                        "[[\"0\",\"10\"],[\"1\",\"tj\"],[\"2\",\"profile\"]]");
            }
        }

        @Test
        void shouldMergeNumericIndicesReqParamsWhenParentHasSameNumber() {
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get(Pattern.compile("/name:(\\w+)"), (req, res) -> res.send(sortedEntries(req.params())));
            app.use(Pattern.compile("/user/id:(\\d+)"), router);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/user/id:10/name:tj"), 200, "[[\"0\",\"10\"],[\"1\",\"tj\"]]");
            }
        }

        @Test
        void shouldRestoreReqParams() {
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get(Pattern.compile("/user:(\\w+)/"), (req, res, next) -> next.run());
            app.use(Pattern.compile("/user/id:(\\d+)"), (req, res, next) -> {
                Runnable report = () -> res.send(sortedEntries(req.params()));
                router.handle(req, res, new Next() {
                    @Override
                    public void run() {
                        report.run();
                    }

                    @Override
                    public void fail(Throwable err) {
                        report.run();
                    }

                    @Override
                    public void skipRoute() {
                        report.run();
                    }

                    @Override
                    public void skipRouter() {
                        report.run();
                    }
                });
            });
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/user/id:42/user:tj/profile"), 200, "[[\"0\",\"42\"]]");
            }
        }

        @Test
        void mergedParamsKeepJavaScriptKeyOrder() {
            // Express 5.3: {"0":"12","user":"tj"} (index keys first) and {"user":"tj","x":"a","rest":["b","c"]}.
            App app = app();
            Router router = Express.router(new RouterOptions().mergeParams(true));
            router.get(Pattern.compile("^/(\\d+)"), (req, res) -> res.json(req.params()));
            router.get("/:x/*rest", (req, res) -> res.json(req.params()));
            app.use("/m/:user", router);
            Router numbered = Express.router(new RouterOptions().mergeParams(true));
            numbered.get(Pattern.compile("^/(\\d+)/(\\d+)"), (req, res) -> res.json(req.params()));
            app.use(Pattern.compile("^/n/(\\d+)(?:/(x))?"), numbered);
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/m/tj/12"), 200, "{\"0\":\"12\",\"user\":\"tj\"}");
                expectJson(server.get("/m/tj/a/b/c"), 200, "{\"user\":\"tj\",\"x\":\"a\",\"rest\":[\"b\",\"c\"]}");
                expectJson(server.get("/n/5/x/1/2"), 200, "{\"0\":\"5\",\"1\":\"x\",\"2\":\"1\",\"3\":\"2\"}");
                expectJson(server.get("/n/5/1/2"), 200, "{\"0\":\"5\",\"1\":\"1\",\"2\":\"2\"}");
            }
        }

        @Test
        void splatParamsAreListsOfDecodedSegments() {
            App app = app();
            app.get("/files/*path", (req, res) -> {
                res.set("X-Joined", req.params("path"));
                res.json(req.params());
            });
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/files/a/b%20c/d");
                expectJson(r, 200, "{\"path\":[\"a\",\"b c\",\"d\"]}");
                assertThat(r.header("X-Joined")).isEqualTo("a/b c/d");
                expectJson(server.get("/files/a//b/"), 200, "{\"path\":[\"a\",\"\",\"b\",\"\"]}");
            }
        }
    }

    @Nested
    class TrailingSlashes {
        @Test
        void shouldBeOptionalByDefault() {
            App app = app();
            app.get("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/"), 200, "tj");
            }
        }

        @Test
        void strictShouldMatchTrailingSlashes() {
            App app = app().enable("strict routing");
            app.get("/user/", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/"), 200, "tj");
            }
        }

        @Test
        void strictShouldPassThroughMiddleware() {
            App app = app().enable("strict routing");
            app.use((req, res, next) -> {
                res.setHeader("x-middleware", "true");
                next.run();
            });
            app.get("/user/", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/user/");
                expect(r, 200, "tj");
                assertThat(r.header("x-middleware")).isEqualTo("true");
            }
        }

        @Test
        void strictShouldPassThroughMountedMiddleware() {
            App app = app().enable("strict routing");
            app.use("/user/", (req, res, next) -> {
                res.setHeader("x-middleware", "true");
                next.run();
            });
            app.get("/user/test/", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/user/test/");
                expect(r, 200, "tj");
                assertThat(r.header("x-middleware")).isEqualTo("true");
            }
        }

        @Test
        void strictShouldMatchNoSlashes() {
            App app = app().enable("strict routing");
            app.get("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user"), 200, "tj");
            }
        }

        @Test
        void strictShouldMatchMiddlewareWhenOmittingTheTrailingSlash() {
            App app = app().enable("strict routing");
            app.use("/user/", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user"), 200, "tj");
            }
        }

        @Test
        void strictShouldMatchMiddleware() {
            App app = app().enable("strict routing");
            app.use("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user"), 200, "tj");
            }
        }

        @Test
        void strictShouldMatchMiddlewareWhenAddingTheTrailingSlash() {
            App app = app().enable("strict routing");
            app.use("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/"), 200, "tj");
            }
        }

        @Test
        void strictShouldFailWhenOmittingTheTrailingSlash() {
            App app = app().enable("strict routing");
            app.get("/user/", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/user"), "GET", "/user");
            }
        }

        @Test
        void strictShouldFailWhenAddingTheTrailingSlash() {
            App app = app().enable("strict routing");
            app.get("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/user/"), "GET", "/user/");
            }
        }

        @Test
        void strictRoutingMustBeEnabledBeforeTheFirstRoute() {
            App app = app();
            app.use((req, res, next) -> next.run());
            app.enable("strict routing");
            app.get("/user", (req, res) -> res.end("tj"));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/"), 200, "tj");
            }
        }
    }

    @Test
    void shouldAllowLiteralDot() {
        App app = app();
        app.get(
                "/api/users/:from..:to",
                (req, res) -> res.end("users from " + req.params("from") + " to " + req.params("to")));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/api/users/1..50"), 200, "users from 1 to 50");
        }
    }

    @Nested
    class NamedParam {
        @Test
        void shouldDenoteACaptureGroup() {
            App app = app();
            app.get("/user/:user", (req, res) -> res.end(req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/tj"), 200, "tj");
            }
        }

        @Test
        void shouldMatchASingleSegmentOnly() {
            App app = app();
            app.get("/user/:user", (req, res) -> res.end(req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/user/tj/edit"), "GET", "/user/tj/edit");
            }
        }

        @Test
        void shouldAllowSeveralCaptureGroups() {
            App app = app();
            app.get("/user/:user/:op", (req, res) -> res.end(req.params("op") + "ing " + req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/tj/edit"), 200, "editing tj");
            }
        }

        @Test
        void shouldWorkFollowingAPartialCaptureGroup() {
            App app = app();
            app.get(
                    "/user{s}/:user/:op",
                    (req, res) -> res.end(req.params("op") + "ing " + req.params("user")
                            + (req.url().startsWith("/users") ? " (old)" : "")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/tj/edit"), 200, "editing tj");
                expect(server.get("/users/tj/edit"), 200, "editing tj (old)");
            }
        }

        @Test
        void shouldWorkInsideLiteralParenthesis() {
            App app = app();
            app.get("/:user\\(:op\\)", (req, res) -> res.end(req.params("op") + "ing " + req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/tj(edit)"), 200, "editing tj");
            }
        }

        @Test
        void shouldWorkInArrayOfPaths() {
            App app = app();
            app.route(List.of("/user/:user/poke", "/user/:user/pokes"))
                    .get((req, res) -> res.end("poking " + req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/tj/poke"), 200, "poking tj");
                expect(server.get("/user/tj/pokes"), 200, "poking tj");
            }
        }
    }

    @Nested
    class OptionalParam {
        static App app() {
            App app = AppRouterTest.app();
            app.get("/user/:user{/:op}", (req, res) -> {
                String op = req.params("op") == null ? "view" : req.params("op");
                res.end(op + "ing " + req.params("user"));
            });
            return app;
        }

        @Test
        void shouldDenoteAnOptionalCaptureGroup() {
            try (TestServer server = TestServer.serve(app())) {
                expect(server.get("/user/tj"), 200, "viewing tj");
            }
        }

        @Test
        void shouldPopulateTheCaptureGroup() {
            try (TestServer server = TestServer.serve(app())) {
                expect(server.get("/user/tj/edit"), 200, "editing tj");
            }
        }
    }

    /** {@code :name*} of Express 4 is {@code {/*name}} / {@code *name} in Express 5; the value is a list. */
    @Nested
    class Wildcard {
        @Test
        void shouldMatchOneSegment() {
            App app = app();
            app.get(
                    "/user/*user",
                    (req, res) ->
                            res.end(((List<?>) req.params().get("user")).get(0).toString()));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/122"), 200, "122");
            }
        }

        @Test
        void shouldMatchManySegments() {
            App app = app();
            app.get("/user/*user", (req, res) -> res.end(req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/1/2/3/4"), 200, "1/2/3/4");
            }
        }

        @Test
        void shouldMatchZeroSegments() {
            App app = app();
            app.get("/user{/*user}", (req, res) -> {
                if (req.params().get("user") == null) res.end();
                else res.end("user was set");
            });
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user"), 200, "");
            }
        }

        @Test
        void plusFormShouldMatchOneSegment() {
            App app = app();
            app.get(
                    "/user/*user",
                    (req, res) ->
                            res.end(((List<?>) req.params().get("user")).get(0).toString()));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/122"), 200, "122");
            }
        }

        @Test
        void plusFormShouldMatchManySegments() {
            App app = app();
            app.get(
                    "/user/*user",
                    (req, res) -> res.end(String.join(
                            "/",
                            ((List<?>) req.params().get("user"))
                                    .stream().map(String::valueOf).toList())));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/user/1/2/3/4"), 200, "1/2/3/4");
            }
        }

        @Test
        void plusFormShouldNotMatchZeroSegments() {
            App app = app();
            app.get("/user/*user", (req, res) -> res.end(req.params("user")));
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.get("/user"), "GET", "/user");
            }
        }
    }

    @Nested
    class Format {
        @Test
        void shouldDenoteAFormat() {
            App app = app();
            app.get("/:name.:format", (req, res) -> res.end(req.params("name") + " as " + req.params("format")));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo.json"), 200, "foo as json");
                expectNotFound(server.get("/foo"), "GET", "/foo");
            }
        }

        @Test
        void shouldDenoteAnOptionalFormat() {
            App app = app();
            app.get(
                    "/:name{.:format}",
                    (req, res) -> res.end(req.params("name") + " as "
                            + (req.params("format") == null ? "html" : req.params("format"))));
            try (TestServer server = TestServer.serve(app)) {
                expect(server.get("/foo"), 200, "foo as html");
                expect(server.get("/foo.json"), 200, "foo as json");
            }
        }
    }

    @Nested
    class WhenNextIsCalled {
        @Test
        void shouldContinueLookup() {
            App app = app();
            List<String> calls = new ArrayList<>();
            app.get("/foo{/:bar}", (req, res, next) -> {
                calls.add("/foo/:bar?");
                next.run();
            });
            app.get("/bar", (req, res) -> {
                throw new AssertionError("not this route");
            });
            app.get("/foo", (req, res, next) -> {
                calls.add("/foo");
                next.run();
            });
            app.get("/foo", (req, res) -> {
                calls.add("/foo 2");
                res.json(calls);
            });
            try (TestServer server = TestServer.serve(app)) {
                expectJson(server.get("/foo"), 200, "[\"/foo/:bar?\",\"/foo\",\"/foo 2\"]");
            }
        }

        @Test
        void nextRouteShouldJumpToNextRoute() {
            App app = app();
            Middleware fn = (req, res, next) -> {
                res.set("X-Hit", "1");
                next.skipRoute();
            };
            app.get("/foo", fn, (Handler) (req, res) -> res.end("failure"));
            app.get("/foo", (req, res) -> res.end("success"));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/foo");
                expect(r, 200, "success");
                assertThat(r.header("X-Hit")).isEqualTo("1");
            }
        }

        @Test
        void nextRouterShouldJumpOutOfRouter() {
            App app = app();
            Router router = Express.router();
            Middleware fn = (req, res, next) -> {
                res.set("X-Hit", "1");
                next.skipRouter();
            };
            router.get("/foo", fn, (Handler) (req, res) -> res.end("failure"));
            router.get("/foo", (req, res) -> res.end("failure"));
            app.use(router);
            app.get("/foo", (req, res) -> res.end("success"));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/foo");
                expect(r, 200, "success");
                assertThat(r.header("X-Hit")).isEqualTo("1");
            }
        }

        @Test
        void nextErrShouldBreakOutOfAppRouter() {
            App app = app();
            List<String> calls = new ArrayList<>();
            app.get("/foo{/:bar}", (req, res, next) -> {
                calls.add("/foo/:bar?");
                next.run();
            });
            app.get("/bar", (req, res) -> {
                throw new AssertionError("not this route");
            });
            app.get("/foo", (req, res, next) -> {
                calls.add("/foo");
                next.fail(new IllegalStateException("fail"));
            });
            app.get("/foo", (req, res) -> {
                throw new AssertionError("not this route");
            });
            app.use((err, req, res, next) -> res.json(Map.of("calls", calls, "error", err.getMessage())));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/foo");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text())
                        .isIn(
                                "{\"calls\":[\"/foo/:bar?\",\"/foo\"],\"error\":\"fail\"}",
                                "{\"error\":\"fail\",\"calls\":[\"/foo/:bar?\",\"/foo\"]}");
            }
        }

        @Test
        void nextErrShouldCallHandlerInSameRouteIfExists() {
            App app = app();
            Middleware fn1 = (req, res, next) -> next.fail(new IllegalStateException("boom!"));
            Handler fn2 = (req, res) -> res.send("foo here");
            ErrorHandler fn3 = (err, req, res, next) -> res.send("route go " + err.getMessage());
            app.route("/foo").get(fn1, fn2).get(fn3);
            app.use((err, req, res, next) -> res.end("error!"));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/foo"), 200, "route go boom!");
            }
        }
    }

    /** Express 5 forwards a handler's rejected promise to next(err); in Java the handler throws. */
    @Nested
    class ThrownErrors {
        @Test
        void shouldPassAThrownError() {
            App app = app();
            Router router = Express.router();
            router.use((req, res, next) -> {
                throw new IllegalStateException("boom!");
            });
            router.use((err, req, res, next) -> res.send("saw Error: " + err.getMessage()));
            app.use(router);
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/"), 200, "saw Error: boom!");
            }
        }

        @Test
        void errorHandlingShouldPassAThrownError() {
            App app = app();
            Router router = Express.router();
            router.use((req, res, next) -> {
                throw new IllegalStateException("boom!");
            });
            router.use((err, req, res, next) -> {
                throw new IllegalStateException("caught: " + err.getMessage());
            });
            router.use((err, req, res, next) -> res.send("saw Error: " + err.getMessage()));
            app.use(router);
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/"), 200, "saw Error: caught: boom!");
            }
        }
    }

    @Test
    void shouldAllowRewritingOfTheUrl() {
        App app = app();
        app.get("/account/edit", (req, res, next) -> {
            req.attr("user", 12);
            req.url("/user/" + req.attr("user") + "/edit");
            next.run();
        });
        app.get("/user/:id/edit", (req, res) -> res.send("editing user " + req.params("id")));
        try (TestServer server = TestServer.serve(app)) {
            expectSent(server.get("/account/edit"), 200, "editing user 12");
        }
    }

    @Test
    void rewrittenUrlUnderAMountPathKeepsItsSlashWhenLeaving() {
        // Express 5.3 (router 2.3.0) answers exactly these: the mount path is put back in front of the new url, and
        // the slash added in front of "" stays.
        App app = app();
        app.use("/foo", (req, res, next) -> {
            req.url("/bar");
            next.run();
        });
        app.use("/q", (req, res, next) -> {
            req.url("/bar?y=2");
            next.run();
        });
        app.use((req, res) -> res.send(req.url() + " " + req.originalUrl()));
        try (TestServer server = TestServer.serve(app)) {
            expectSent(server.get("/foo"), 200, "/foo/bar /foo");
            expectSent(server.get("/foo?x=1"), 200, "/foo/bar /foo?x=1");
            expectSent(server.get("/foo/"), 200, "/foo/bar /foo/");
            expectSent(server.get("/q"), 200, "/q/bar?y=2 /q");
            expectSent(server.get("/q/z"), 200, "/q/bar?y=2 /q/z");
        }
    }

    @Test
    void shouldRunInOrderAdded() {
        App app = app();
        List<Integer> path = new ArrayList<>();
        app.get("/*path", (req, res, next) -> {
            path.add(0);
            next.run();
        });
        app.get("/user/:id", (req, res, next) -> {
            path.add(1);
            next.run();
        });
        app.use((req, res, next) -> {
            path.add(2);
            next.run();
        });
        app.all("/user/:id", (req, res, next) -> {
            path.add(3);
            next.run();
        });
        app.get("/*splat", (req, res, next) -> {
            path.add(4);
            next.run();
        });
        app.use((req, res, next) -> {
            path.add(5);
            res.end(String.join(",", path.stream().map(String::valueOf).toList()));
        });
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/user/1"), 200, "0,1,2,3,4,5");
        }
    }

    @Test
    void shouldBeChainable() {
        App app = app();
        assertThat(app.get("/", (req, res) -> {})).isSameAs(app);
    }

    @Test
    void shouldNotUseDisposedRouterOrMiddleware() {
        App app = app();
        AtomicReference<Router> router = new AtomicReference<>(Express.router());
        router.get().use((req, res, next) -> {
            res.setHeader("old", "foo");
            next.run();
        });
        app.use((req, res, next) -> router.get().handle(req, res, next));
        app.get("/", (req, res, next) -> {
            res.send("yee");
            next.run();
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse first = server.get("/");
            expectSent(first, 200, "yee");
            assertThat(first.header("old")).isEqualTo("foo");
            assertThat(first.hasHeader("new")).isFalse();

            Router fresh = Express.router();
            fresh.use((req, res, next) -> {
                res.setHeader("new", "bar");
                next.run();
            });
            router.set(fresh);
            RawResponse second = server.get("/");
            expectSent(second, 200, "yee");
            assertThat(second.header("new")).isEqualTo("bar");
            assertThat(second.hasHeader("old")).isFalse();
        }
    }

    /** path-to-regexp's errors reach the caller at registration, with its message. */
    @Nested
    class PathSyntaxErrors {
        @Test
        void routePathsThrowIllegalArgumentException() {
            App app = app();
            assertThatThrownBy(() -> app.get("/:id?", (req, res) -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unexpected ? at index 4: /:id?; visit https://git.new/pathToRegexpError for info");
            assertThatThrownBy(() -> app.route("/(a|b)"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unexpected ( at index 1: /(a|b); visit https://git.new/pathToRegexpError for info");
            assertThatThrownBy(() -> app.all("/user/:id+", (req, res) -> {}))
                    .hasMessage(
                            "Unexpected + at index 9: /user/:id+; visit https://git.new/pathToRegexpError for info");
            assertThatThrownBy(() -> app.get("*", (req, res) -> {}))
                    .hasMessage(
                            "Missing parameter name at index 1: *; visit https://git.new/pathToRegexpError for info");
            // The trailing slash is taken off before compiling, as the router does, so the message shows "/:id?".
            assertThatThrownBy(() -> app.get("/:id?/", (req, res) -> {}))
                    .hasMessage("Unexpected ? at index 4: /:id?; visit https://git.new/pathToRegexpError for info");
        }

        @Test
        void mountPathsThrowIllegalArgumentException() {
            App app = app();
            Router router = Express.router();
            assertThatThrownBy(() -> app.use("/files/*", (req, res) -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Missing parameter name at index 8: /files/*; visit https://git.new/pathToRegexpError for info");
            assertThatThrownBy(() -> router.use("/{a", (req, res) -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Unexpected end at index 3, expected }: /{a; visit https://git.new/pathToRegexpError for info");
        }

        @Test
        void aRejectedPathLeavesTheAppWorking() {
            App app = app();
            assertThatThrownBy(() -> app.get("/foo?", (req, res) -> {})).isInstanceOf(IllegalArgumentException.class);
            app.get("/foo", (req, res) -> res.send("foo"));
            try (TestServer server = TestServer.serve(app)) {
                expectSent(server.get("/foo"), 200, "foo");
            }
        }
    }
}
