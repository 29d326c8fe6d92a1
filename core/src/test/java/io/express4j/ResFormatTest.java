package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import io.express4j.support.RawResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Express's test/res.format.js: the shared cases run against the five apps of the original (canonical types,
 * extensions, types with parameters, in a route, in a router), then the {@code default} cases.
 */
class ResFormatTest {

    private static ErrorHandler supports() {
        return (err, req, res, next) -> {
            if (!(err instanceof NotAcceptableError e)) throw (Exception) err;
            res.status(e.status()).send("Supports: " + String.join(", ", e.types()));
        };
    }

    private static Map<String, Middleware> hey(String text, String html, String json) {
        Map<String, Middleware> handlers = new LinkedHashMap<>();
        handlers.put(text, (Handler) (req, res) -> res.send("hey"));
        handlers.put(html, (Handler) (req, res) -> res.send("<p>hey</p>"));
        handlers.put(json, (req, res, next) -> {
            assertThat(next).isSameAs(req.routing.next);
            res.send(Map.of("message", "hey"));
        });
        return handlers;
    }

    private static App canonical() {
        App app = Express.app();
        app.use((req, res, next) -> res.format(hey("text/plain", "text/html", "application/json")));
        app.use(supports());
        return app;
    }

    private static App extnames() {
        App app = Express.app();
        app.use((req, res, next) -> res.format(hey("text", "html", "json")));
        app.use(supports());
        return app;
    }

    private static App withParameters() {
        App app = Express.app();
        app.use((req, res, next) ->
                res.format(hey("text/plain; charset=utf-8", "text/html; foo=bar; bar=baz", "application/json; q=0.5")));
        app.use(supports());
        return app;
    }

    private static App inRoute() {
        App app = Express.app();
        app.get("/", (req, res) -> res.format(hey("text", "html", "json")));
        app.use(supports());
        return app;
    }

    private static App inRouter() {
        App app = Express.app();
        Router router = Express.router();
        router.get("/", (req, res) -> res.format(hey("text", "html", "json")));
        router.use(supports());
        app.use(router);
        return app;
    }

    /** The same three handlers through the ordered builder, one of each arity, as Express's object literal. */
    private static Formats heyFormats(Response res, String text, String html, String json) {
        return Formats.of()
                .on(text, () -> res.send("hey"))
                .on(html, (rq, rs) -> rs.send("<p>hey</p>"))
                .on(json, (rq, rs, next) -> {
                    assertThat(next).isSameAs(rq.routing.next);
                    rs.send(Map.of("message", "hey"));
                });
    }

    private static App builderCanonical() {
        App app = Express.app();
        app.use((req, res, next) -> res.format(heyFormats(res, "text/plain", "text/html", "application/json")));
        app.use(supports());
        return app;
    }

    private static App builderExtnames() {
        App app = Express.app();
        app.get("/", (req, res) -> res.format(heyFormats(res, "text", "html", "json")));
        app.use(supports());
        return app;
    }

    private static App builderWithParameters() {
        App app = Express.app();
        Router router = Express.router();
        router.get(
                "/",
                (req, res) -> res.format(heyFormats(
                        res, "text/plain; charset=utf-8", "text/html; foo=bar; bar=baz", "application/json; q=0.5")));
        router.use(supports());
        app.use(router);
        return app;
    }

    static Stream<Arguments> apps() {
        return Stream.of(
                Arguments.of(named("builder, canonical types", (Supplier<App>) ResFormatTest::builderCanonical)),
                Arguments.of(named("builder, extnames, in a route", (Supplier<App>) ResFormatTest::builderExtnames)),
                Arguments.of(named(
                        "builder, parameters, in a router", (Supplier<App>) ResFormatTest::builderWithParameters)),
                Arguments.of(named("with canonicalized mime types", (Supplier<App>) ResFormatTest::canonical)),
                Arguments.of(named("with extnames", (Supplier<App>) ResFormatTest::extnames)),
                Arguments.of(named("with parameters", (Supplier<App>) ResFormatTest::withParameters)),
                Arguments.of(named("in a route", (Supplier<App>) ResFormatTest::inRoute)),
                Arguments.of(named("in a router", (Supplier<App>) ResFormatTest::inRouter)));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void utilizesQvaluesInNegotiation(Supplier<App> app) {
        assertThat(get(app.get(), "/", "Accept", "text/html; q=.5, application/json, */*; q=.1")
                        .text())
                .isEqualTo("{\"message\":\"hey\"}");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void allowsWildcardTypeSubtypes(Supplier<App> app) {
        assertThat(get(app.get(), "/", "Accept", "text/html; q=.5, application/*, */*; q=.1")
                        .text())
                .isEqualTo("{\"message\":\"hey\"}");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void defaultsTheContentType(Supplier<App> app) {
        RawResponse r = get(app.get(), "/", "Accept", "text/html; q=.5, text/plain");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.text()).isEqualTo("hey");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void setsTheCorrectCharsetForTheContentType(Supplier<App> app) {
        assertThat(get(app.get(), "/", "Accept", "text/html").header("Content-Type"))
                .isEqualTo("text/html; charset=utf-8");
        assertThat(get(app.get(), "/", "Accept", "text/plain").header("Content-Type"))
                .isEqualTo("text/plain; charset=utf-8");
        assertThat(get(app.get(), "/", "Accept", "application/json").header("Content-Type"))
                .isEqualTo("application/json; charset=utf-8");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void variesOnAccept(Supplier<App> app) {
        assertThat(get(app.get(), "/", "Accept", "text/html; q=.5, text/plain").header("Vary"))
                .isEqualTo("Accept");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void invokesTheFirstCallbackWhenAcceptIsNotPresent(Supplier<App> app) {
        assertThat(get(app.get(), "/").text()).isEqualTo("hey");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void respondsWith406WhenNoMatchIsMade(Supplier<App> app) {
        RawResponse r = get(app.get(), "/", "Accept", "foo/bar");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.text()).isEqualTo("Supports: text/plain, text/html, application/json");
    }

    @Test
    void defaultIsInvokedInsteadOfAutoResponding() {
        App app = Express.app();
        app.use((req, res, next) -> {
            Map<String, Middleware> handlers = new LinkedHashMap<>();
            handlers.put("text", (Handler) (rq, rs) -> rs.send("hey"));
            handlers.put("default", (rq, rs, n) -> {
                assertThat(rq).isSameAs(req);
                assertThat(rs).isSameAs(res);
                assertThat(n).isSameAs(req.routing.next);
                rs.send("default");
            });
            res.format(handlers);
        });
        assertThat(get(app, "/", "Accept", "text/html").text()).isEqualTo("default");
    }

    @Test
    void worksWhenOnlyDefaultIsProvided() {
        App app = Express.app();
        app.use((req, res, next) -> res.format(Map.of("default", (Handler) (rq, rs) -> rs.send("hey"))));
        assertThat(get(app, "/", "Accept", "*/*").text()).isEqualTo("hey");
    }

    @Test
    void defaultCanInvokeAnotherFormatter() {
        App app = Express.app();
        app.use((req, res, next) -> {
            Map<String, Middleware> handlers = new LinkedHashMap<>();
            handlers.put("json", (Handler) (rq, rs) -> rs.send("json"));
            handlers.put("default", (rq, rs, n) -> {
                rs.header("x-default", "1");
                handlers.get("json").handle(rq, rs, n);
            });
            res.format(handlers);
        });
        RawResponse r = get(app, "/", "Accept", "text/plain");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("x-default")).isEqualTo("1");
        assertThat(r.text()).isEqualTo("json");
    }

    @Test
    void defaultErrorPageIs406NotAcceptable() {
        // EXPRESS.md §9 /format capture: 406, Vary: Accept kept, the error page naming NotAcceptableError
        App app = Express.app();
        app.set("env", "test");
        app.get("/format", (req, res) -> {
            Map<String, Middleware> handlers = new LinkedHashMap<>();
            handlers.put("text/plain", (Handler) (rq, rs) -> rs.send("plain"));
            handlers.put("application/json", (Handler) (rq, rs) -> rs.send(Map.of("fmt", "json")));
            res.format(handlers);
        });
        RawResponse r = get(app, "/format", "Accept", "image/png");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.reason()).isEqualTo("Not Acceptable");
        assertThat(r.header("Vary")).isEqualTo("Accept");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text()).contains("<pre>NotAcceptableError: Not Acceptable<br>");
        assertThat(get(app, "/format", "Accept", "application/json").text()).isEqualTo("{\"fmt\":\"json\"}");
    }

    @Test
    void builderDefaultIsInvokedInsteadOfAutoResponding() {
        App app = Express.app();
        app.use((req, res, next) ->
                res.format(Formats.of().on("text", () -> res.send("hey")).otherwise((rq, rs, n) -> {
                    assertThat(rq).isSameAs(req);
                    assertThat(rs).isSameAs(res);
                    assertThat(n).isSameAs(req.routing.next);
                    rs.status(406).send("nope");
                })));
        RawResponse r = get(app, "/", "Accept", "image/png");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.header("Vary")).isEqualTo("Accept");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("ETag")).isEqualTo("W/\"4-dictxPr2YHM3EfWMc2gw0nFZ+1U\"");
        assertThat(r.text()).isEqualTo("nope");
        RawResponse text = get(app, "/", "Accept", "text/plain");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(text.header("ETag")).isEqualTo("W/\"3-f1UKn0xEFzo3Zk2TjxNV8PkqR6c\"");
        assertThat(text.text()).isEqualTo("hey");
    }

    @Test
    void builderWorksWhenOnlyDefaultIsProvided() {
        App app = Express.app();
        app.use((req, res, next) -> res.format(Formats.of().otherwise(() -> res.send("hey"))));
        assertThat(get(app, "/", "Accept", "*/*").text()).isEqualTo("hey");
    }

    @Test
    void builderBreaksTiesByRegistrationOrder() {
        // Accept */* ranks every key alike, so the first registered wins, whatever the keys' hash order
        App app = Express.app();
        app.get("/:first", (req, res) -> {
            Formats formats = Formats.of();
            if (req.params("first").equals("json")) formats.on("json", () -> res.send("json"));
            formats.on("text", () -> res.send("text")).on("html", () -> res.send("html"));
            formats.on("json", () -> res.send("json again")); // a repeated key keeps its first place
            res.format(formats);
        });
        RawResponse json = get(app, "/json", "Accept", "*/*");
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json.text()).isEqualTo("json again");
        RawResponse text = get(app, "/text", "Accept", "*/*");
        assertThat(text.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(text.text()).isEqualTo("text");
    }

    @Test
    void builder406ListsTheTypesInRegistrationOrder() {
        App app = Express.app();
        app.set("env", "test");
        app.get(
                "/",
                (req, res) -> res.format(Formats.of()
                        .on("text", () -> res.send("hey"))
                        .on("json", (rq, rs) -> rs.json(Map.of("message", "hey")))
                        .on("html", (rq, rs, n) -> rs.send("<p>hey</p>"))));
        RawResponse r = get(app, "/", "Accept", "image/png");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.header("Vary")).isEqualTo("Accept");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text()).contains("<pre>NotAcceptableError: Not Acceptable<br>");
        app.use(supports());
        assertThat(get(app, "/", "Accept", "image/png").text())
                .isEqualTo("Supports: text/plain, application/json, text/html");
    }

    @Test
    void builderRefusesAMissingTypeOrHandler() {
        assertThatThrownBy(() -> Formats.of().on(null, () -> {})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formats.of().on("text", (Handler) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type and handler are required");
    }
}
