package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The verb methods of {@link RouterVerbs} and {@link RouteVerbs}: every verb takes every shape, with lambdas, and
 * runs the whole chain. Beyond Express's tests (JavaScript has no overloads): this pins the Java signatures.
 */
class RouterVerbsTest {
    private static final List<String> VERBS =
            List.of("get", "post", "put", "delete", "patch", "head", "options", "all");
    private static final int MIDDLEWARE_BEFORE_HANDLER = 4;

    /** Middleware that adds its name to the request's trail. */
    private static Middleware step(String name) {
        return (req, res, next) -> {
            req.attr("trail", (req.<String>attr("trail") == null ? "" : req.<String>attr("trail")) + name);
            next.run();
        };
    }

    /** Ends the response with the trail in a header (HEAD has no body to carry it). */
    private static void finish(Request req, Response res) {
        String trail = req.attr("trail");
        res.set("X-Trail", trail == null ? "" : trail).end();
    }

    @Test
    void everyVerbAndShapeRunsTheWholeChain() {
        App app = Express.app();
        Router router = Express.router();
        app.use("/router", router);
        app.get("/app/get/0", (req, res) -> finish(req, res));
        app.get("/app/get/1", step("a"), (req, res) -> finish(req, res));
        app.get("/app/get/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.get("/app/get/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.get("/app/get/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.get(
                "/app/get/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.post("/app/post/0", (req, res) -> finish(req, res));
        app.post("/app/post/1", step("a"), (req, res) -> finish(req, res));
        app.post("/app/post/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.post("/app/post/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.post("/app/post/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.post(
                "/app/post/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.put("/app/put/0", (req, res) -> finish(req, res));
        app.put("/app/put/1", step("a"), (req, res) -> finish(req, res));
        app.put("/app/put/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.put("/app/put/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.put("/app/put/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.put(
                "/app/put/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.delete("/app/delete/0", (req, res) -> finish(req, res));
        app.delete("/app/delete/1", step("a"), (req, res) -> finish(req, res));
        app.delete("/app/delete/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.delete("/app/delete/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.delete("/app/delete/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.delete(
                "/app/delete/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.patch("/app/patch/0", (req, res) -> finish(req, res));
        app.patch("/app/patch/1", step("a"), (req, res) -> finish(req, res));
        app.patch("/app/patch/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.patch("/app/patch/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.patch("/app/patch/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.patch(
                "/app/patch/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.head("/app/head/0", (req, res) -> finish(req, res));
        app.head("/app/head/1", step("a"), (req, res) -> finish(req, res));
        app.head("/app/head/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.head("/app/head/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.head("/app/head/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.head(
                "/app/head/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.options("/app/options/0", (req, res) -> finish(req, res));
        app.options("/app/options/1", step("a"), (req, res) -> finish(req, res));
        app.options("/app/options/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.options("/app/options/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.options("/app/options/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.options(
                "/app/options/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.all("/app/all/0", (req, res) -> finish(req, res));
        app.all("/app/all/1", step("a"), (req, res) -> finish(req, res));
        app.all("/app/all/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.all("/app/all/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.all("/app/all/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.all(
                "/app/all/chain",
                step("a"),
                step("b"),
                (req, res, next) -> next.run(),
                (req, res, next) -> finish(req, res));
        app.get(Pattern.compile("^/re/0$"), (req, res) -> finish(req, res));
        app.post(List.of("/list/0", "/other/0"), (req, res) -> finish(req, res));
        app.method("PROPFIND", "/propfind/0", (req, res) -> finish(req, res));
        router.delete("/0", (req, res) -> finish(req, res));
        app.route("/route/0").patch((req, res) -> finish(req, res));
        app.route("/route-all/0").all((req, res) -> finish(req, res));
        app.get(Pattern.compile("^/re/1$"), step("a"), (req, res) -> finish(req, res));
        app.post(List.of("/list/1", "/other/1"), step("a"), (req, res) -> finish(req, res));
        app.method("PROPFIND", "/propfind/1", step("a"), (req, res) -> finish(req, res));
        router.delete("/1", step("a"), (req, res) -> finish(req, res));
        app.route("/route/1").patch(step("a"), (req, res) -> finish(req, res));
        app.route("/route-all/1").all(step("a"), (req, res) -> finish(req, res));
        app.get(Pattern.compile("^/re/2$"), step("a"), step("b"), (req, res) -> finish(req, res));
        app.post(List.of("/list/2", "/other/2"), step("a"), step("b"), (req, res) -> finish(req, res));
        app.method("PROPFIND", "/propfind/2", step("a"), step("b"), (req, res) -> finish(req, res));
        router.delete("/2", step("a"), step("b"), (req, res) -> finish(req, res));
        app.route("/route/2").patch(step("a"), step("b"), (req, res) -> finish(req, res));
        app.route("/route-all/2").all(step("a"), step("b"), (req, res) -> finish(req, res));
        app.get(Pattern.compile("^/re/3$"), step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.post(List.of("/list/3", "/other/3"), step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.method("PROPFIND", "/propfind/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        router.delete("/3", step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.route("/route/3").patch(step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.route("/route-all/3").all(step("a"), step("b"), step("c"), (req, res) -> finish(req, res));
        app.get(Pattern.compile("^/re/4$"), step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.post(
                List.of("/list/4", "/other/4"),
                step("a"),
                step("b"),
                step("c"),
                step("d"),
                (req, res) -> finish(req, res));
        app.method(
                "PROPFIND", "/propfind/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        router.delete("/4", step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.route("/route/4").patch(step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));
        app.route("/route-all/4").all(step("a"), step("b"), step("c"), step("d"), (req, res) -> finish(req, res));

        Map<String, String> expected = Map.ofEntries(
                Map.entry("GET /app/get/0", ""),
                Map.entry("GET /app/get/1", "a"),
                Map.entry("GET /app/get/2", "ab"),
                Map.entry("GET /app/get/3", "abc"),
                Map.entry("GET /app/get/4", "abcd"),
                Map.entry("GET /app/get/chain", "ab"),
                Map.entry("POST /app/post/0", ""),
                Map.entry("POST /app/post/1", "a"),
                Map.entry("POST /app/post/2", "ab"),
                Map.entry("POST /app/post/3", "abc"),
                Map.entry("POST /app/post/4", "abcd"),
                Map.entry("POST /app/post/chain", "ab"),
                Map.entry("PUT /app/put/0", ""),
                Map.entry("PUT /app/put/1", "a"),
                Map.entry("PUT /app/put/2", "ab"),
                Map.entry("PUT /app/put/3", "abc"),
                Map.entry("PUT /app/put/4", "abcd"),
                Map.entry("PUT /app/put/chain", "ab"),
                Map.entry("DELETE /app/delete/0", ""),
                Map.entry("DELETE /app/delete/1", "a"),
                Map.entry("DELETE /app/delete/2", "ab"),
                Map.entry("DELETE /app/delete/3", "abc"),
                Map.entry("DELETE /app/delete/4", "abcd"),
                Map.entry("DELETE /app/delete/chain", "ab"),
                Map.entry("PATCH /app/patch/0", ""),
                Map.entry("PATCH /app/patch/1", "a"),
                Map.entry("PATCH /app/patch/2", "ab"),
                Map.entry("PATCH /app/patch/3", "abc"),
                Map.entry("PATCH /app/patch/4", "abcd"),
                Map.entry("PATCH /app/patch/chain", "ab"),
                Map.entry("HEAD /app/head/0", ""),
                Map.entry("HEAD /app/head/1", "a"),
                Map.entry("HEAD /app/head/2", "ab"),
                Map.entry("HEAD /app/head/3", "abc"),
                Map.entry("HEAD /app/head/4", "abcd"),
                Map.entry("HEAD /app/head/chain", "ab"),
                Map.entry("OPTIONS /app/options/0", ""),
                Map.entry("OPTIONS /app/options/1", "a"),
                Map.entry("OPTIONS /app/options/2", "ab"),
                Map.entry("OPTIONS /app/options/3", "abc"),
                Map.entry("OPTIONS /app/options/4", "abcd"),
                Map.entry("OPTIONS /app/options/chain", "ab"),
                Map.entry("MKCOL /app/all/0", ""),
                Map.entry("MKCOL /app/all/1", "a"),
                Map.entry("MKCOL /app/all/2", "ab"),
                Map.entry("MKCOL /app/all/3", "abc"),
                Map.entry("MKCOL /app/all/4", "abcd"),
                Map.entry("MKCOL /app/all/chain", "ab"),
                Map.entry("GET /re/0", ""),
                Map.entry("POST /other/0", ""),
                Map.entry("PROPFIND /propfind/0", ""),
                Map.entry("DELETE /router/0", ""),
                Map.entry("PATCH /route/0", ""),
                Map.entry("PUT /route-all/0", ""),
                Map.entry("GET /re/1", "a"),
                Map.entry("POST /other/1", "a"),
                Map.entry("PROPFIND /propfind/1", "a"),
                Map.entry("DELETE /router/1", "a"),
                Map.entry("PATCH /route/1", "a"),
                Map.entry("PUT /route-all/1", "a"),
                Map.entry("GET /re/2", "ab"),
                Map.entry("POST /other/2", "ab"),
                Map.entry("PROPFIND /propfind/2", "ab"),
                Map.entry("DELETE /router/2", "ab"),
                Map.entry("PATCH /route/2", "ab"),
                Map.entry("PUT /route-all/2", "ab"),
                Map.entry("GET /re/3", "abc"),
                Map.entry("POST /other/3", "abc"),
                Map.entry("PROPFIND /propfind/3", "abc"),
                Map.entry("DELETE /router/3", "abc"),
                Map.entry("PATCH /route/3", "abc"),
                Map.entry("PUT /route-all/3", "abc"),
                Map.entry("GET /re/4", "abcd"),
                Map.entry("POST /other/4", "abcd"),
                Map.entry("PROPFIND /propfind/4", "abcd"),
                Map.entry("DELETE /router/4", "abcd"),
                Map.entry("PATCH /route/4", "abcd"),
                Map.entry("PUT /route-all/4", "abcd"));
        try (TestServer server = TestServer.serve(app)) {
            for (Map.Entry<String, String> c : expected.entrySet()) {
                String[] request = c.getKey().split(" ");
                RawResponse r = server.request(request[0], request[1]);
                assertThat(r.status()).as(c.getKey()).isEqualTo(200);
                assertThat(r.header("X-Trail")).as(c.getKey()).isEqualTo(c.getValue());
                assertThat(r.body()).as(c.getKey()).isEmpty();
            }
        }
    }

    /** The example: four body parsers, then the handler lambda. */
    @Test
    void fourBodyParsersThenAHandlerLambda() {
        App app = Express.app();
        app.put(
                "/item",
                Express.json(),
                Express.urlencoded(),
                Express.text(),
                Express.raw(),
                (req, res) -> res.json(req.body()));
        RawResponse r = TestServer.once(app, "PUT", "/item", Map.of("Content-Type", "application/json"), "{\"a\":1}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("{\"a\":1}");
    }

    /** A typed Handler fits any Middleware slot; there it ends the chain (it never calls next). */
    @Test
    void typedHandlersMixWithMiddlewareInTheVarargs() {
        Handler end = (req, res) -> finish(req, res);
        Middleware[] chain = {step("a"), step("b"), step("c"), step("d"), step("e"), end};
        App app = Express.app();
        app.get("/six", chain);
        app.get("/early", step("a"), end, step("never"), end);
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/six").header("X-Trail")).isEqualTo("abcde");
            assertThat(server.get("/early").header("X-Trail")).isEqualTo("a");
        }
    }

    /** Two-, three- and four-argument lambdas each pick their overload without a cast. */
    @Test
    void lambdaArityPicksTheOverload() {
        App app = Express.app();
        app.get("/two", (req, res) -> res.send("two"));
        app.get("/three", (req, res, next) -> res.send("three"));
        app.route("/four")
                .get((req, res) -> {
                    throw new HttpError(418, "teapot");
                })
                .get((err, req, res, next) -> res.status(500).send("four: " + err.getMessage()));
        try (TestServer server = TestServer.serve(app)) {
            RawResponse two = server.get("/two");
            assertThat(two.status()).isEqualTo(200);
            assertThat(two.text()).isEqualTo("two");
            assertThat(server.get("/three").text()).isEqualTo("three");
            RawResponse four = server.get("/four");
            assertThat(four.status()).isEqualTo(500);
            assertThat(four.text()).isEqualTo("four: teapot");
        }
    }

    @Test
    void appAndRouterHaveEveryVerbInEveryShape() {
        // one table for every path form: the path is Express's string | RegExp | array, typed Object
        for (Class<?> type : List.of(App.class, Router.class)) {
            for (String verb : VERBS) assertShapes(type, verb, Object.class);
            assertShapes(type, "method", String.class, Object.class);
        }
    }

    @Test
    void aPathOfAnotherTypeIsRefusedWhenTheRouteIsAdded() {
        App app = Express.app();
        assertThatThrownBy(() -> app.get(42, (req, res) -> res.send("no")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path must be a string, a Pattern, or a list of them, got: java.lang.Integer");
    }

    @Test
    void routeHasEveryVerbInEveryShapeAndAnErrorHandler() {
        for (String verb : VERBS) {
            assertShapes(Route.class, verb);
            assertThat(find(Route.class, verb, ErrorHandler.class))
                    .as(verb + "(ErrorHandler)")
                    .isNotNull();
        }
        assertShapes(Route.class, "method", String.class);
        assertThat(find(Route.class, "method", String.class, ErrorHandler.class))
                .isNotNull();
    }

    /** {@code verb(prefix…, Middleware...)} and {@code verb(prefix…, [Middleware ×k,] Handler)} for k up to four. */
    private static void assertShapes(Class<?> type, String verb, Class<?>... prefix) {
        List<Class<?>> varargs = new ArrayList<>(List.of(prefix));
        varargs.add(Middleware[].class);
        Method chain = find(type, verb, varargs.toArray(new Class<?>[0]));
        assertThat(chain).as(type.getSimpleName() + "." + verb + varargs).isNotNull();
        assertThat(chain.isVarArgs()).isTrue();
        for (int k = 0; k <= MIDDLEWARE_BEFORE_HANDLER; k++) {
            List<Class<?>> params = new ArrayList<>(List.of(prefix));
            for (int i = 0; i < k; i++) params.add(Middleware.class);
            params.add(Handler.class);
            Method shape = find(type, verb, params.toArray(new Class<?>[0]));
            assertThat(shape).as(type.getSimpleName() + "." + verb + params).isNotNull();
        }
    }

    private static Method find(Class<?> type, String name, Class<?>... params) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && Arrays.equals(m.getParameterTypes(), params))
                .filter(m -> !m.isBridge())
                .findFirst()
                .orElse(null);
    }
}
