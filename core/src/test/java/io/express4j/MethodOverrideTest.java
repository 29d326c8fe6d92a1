package io.express4j;

import static io.express4j.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * method-override 3.0.0's test/test.js, case by case: each app runs the override, then answers with
 * {@code X-Got-Method} (the method after it). The repeated-key case sends {@code ?_method=DELETE&_method=PUT} as
 * that test does. Every case is ported; beyond it: {@code req.originalMethod()}, routing by the new method, exact
 * heads against method-override on Express 5.3.0, and values that are no method.
 */
class MethodOverrideTest {

    private static App app(Middleware override) {
        App app = Express.app();
        app.set("env", "test");
        app.use(override);
        app.use((req, res) -> {
            res.setHeader("X-Got-Method", req.method());
            res.end();
        });
        return app;
    }

    private static String gotMethod(Middleware override, String method, String path, String... headers) {
        RawResponse r = request(app(override), method, path, null, headers);
        assertThat(r.status()).isEqualTo(200);
        return r.header("X-Got-Method");
    }

    @Test
    void doesNotTouchTheMethodByDefault() {
        assertThat(gotMethod(Express.methodOverride(), "GET", "/")).isEqualTo("GET");
    }

    @Test
    void usesXHttpMethodOverrideByDefault() {
        assertThat(gotMethod(Express.methodOverride(), "POST", "/", "X-HTTP-Method-Override", "DELETE"))
                .isEqualTo("DELETE");
    }

    // ---- with query ----

    @Test
    void queryWorksWhenMissing() {
        assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/", "Content-Type", "application/json"))
                .isEqualTo("POST");
    }

    @Test
    void queryIsCaseInsensitive() {
        assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/?_method=DELete"))
                .isEqualTo("DELETE");
    }

    @Test
    void queryIgnoresInvalidMethods() {
        assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/?_method=BOGUS"))
                .isEqualTo("POST");
    }

    @Test
    void queryKeyReferencingAnArrayTakesTheFirst() {
        assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/?_method=DELETE&_method=PUT"))
                .isEqualTo("DELETE");
    }

    @Test
    void queryOnlyWorksWithPost() {
        assertThat(gotMethod(Express.methodOverride("_method"), "DELETE", "/?_method=PATCH"))
                .isEqualTo("DELETE");
    }

    // ---- with header ----

    private static final Middleware HEADER = Express.methodOverride("X-HTTP-Method-Override");

    @Test
    void headerWorksWhenMissing() {
        assertThat(gotMethod(HEADER, "POST", "/")).isEqualTo("POST");
    }

    @Test
    void headerIsCaseInsensitive() {
        assertThat(gotMethod(HEADER, "POST", "/", "X-HTTP-Method-Override", "DELete"))
                .isEqualTo("DELETE");
    }

    @Test
    void headerIgnoresInvalidMethods() {
        assertThat(gotMethod(HEADER, "POST", "/", "X-HTTP-Method-Override", "BOGUS"))
                .isEqualTo("POST");
    }

    @Test
    void headerWithSeveralValuesTakesTheFirst() {
        assertThat(gotMethod(HEADER, "POST", "/", "X-HTTP-Method-Override", "DELETE, PUT"))
                .isEqualTo("DELETE");
    }

    @Test
    void headerSetsVary() {
        RawResponse r = request(app(HEADER), "POST", "/", null, "X-HTTP-Method-Override", "DELETE");
        assertThat(r.header("Vary")).isEqualTo("X-HTTP-Method-Override");
        assertThat(r.header("X-Got-Method")).isEqualTo("DELETE");
    }

    @Test
    void headerSetsVaryEvenWithoutAnOverride() {
        RawResponse r = request(app(HEADER), "POST", "/", null);
        assertThat(r.header("Vary")).isEqualTo("X-HTTP-Method-Override");
        assertThat(r.header("X-Got-Method")).isEqualTo("POST");
    }

    // ---- with function ----

    private static final Middleware FUNCTION = Express.methodOverride((Function<Request, String>) req -> {
        String header = req.get("X-Method-Override");
        return header != null ? header : "PaTcH";
    });

    @Test
    void functionWorksWithoutTheHeader() {
        assertThat(gotMethod(FUNCTION, "POST", "/")).isEqualTo("PATCH");
    }

    @Test
    void functionIsCaseInsensitive() {
        assertThat(gotMethod(FUNCTION, "POST", "/", "X-Method-Override", "DELete"))
                .isEqualTo("DELETE");
    }

    @Test
    void functionIgnoresInvalidMethods() {
        assertThat(gotMethod(FUNCTION, "POST", "/", "X-Method-Override", "BOGUS"))
                .isEqualTo("POST");
    }

    // ---- given options.methods ----

    @Test
    void otherMethodsMayBeAllowed() {
        Middleware override =
                Express.methodOverride("X-HTTP-Method-Override", new MethodOverrideOptions().methods("POST", "PATCH"));
        assertThat(gotMethod(override, "PATCH", "/", "X-HTTP-Method-Override", "DELETE"))
                .isEqualTo("DELETE");
    }

    @Test
    void allMethodsMayBeAllowed() {
        Middleware override = Express.methodOverride("X-HTTP-Method-Override", new MethodOverrideOptions().anyMethod());
        assertThat(gotMethod(override, "PATCH", "/", "X-HTTP-Method-Override", "DELETE"))
                .isEqualTo("DELETE");
    }

    @Test
    void theGetterIsNotCalledWhenTheMethodIsNotAllowed() {
        boolean[] called = {false};
        Middleware override = Express.methodOverride((Function<Request, String>) req -> {
            called[0] = true;
            return "DELETE";
        });
        assertThat(gotMethod(override, "PATCH", "/")).isEqualTo("PATCH");
        assertThat(called[0]).isFalse();
    }

    // ---- beyond method-override's suite ----

    @Test
    void laterRoutesSeeTheNewMethodAndOriginalMethodTheOldOne() {
        App app = Express.app();
        app.use(Express.methodOverride("_method"));
        app.delete("/item", (req, res) -> res.send(req.method() + " " + req.originalMethod()));
        RawResponse r = request(app, "POST", "/item?_method=delete", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("DELETE POST");
    }

    @Test
    void headMatchesMethodOverrideOnExpress() {
        App app = Express.app();
        app.use(Express.methodOverride());
        app.all("/m", (req, res) -> res.send(req.method() + " " + req.originalMethod()));
        RawResponse r = request(app, "POST", "/m", "", "X-HTTP-Method-Override", "bogus, PUT");
        assertThat(r.head()).isEqualTo("""
                        HTTP/1.1 200 OK
                        X-Powered-By: express4j
                        Vary: X-HTTP-Method-Override
                        Content-Type: text/html; charset=utf-8
                        Content-Length: 9
                        ETag: W/"9-0UomHrmglbv5jpCgzm9+32S3pnI"
                        Date: <date>
                        Connection: keep-alive
                        Keep-Alive: timeout=5
                        """);
        assertThat(r.text()).isEqualTo("POST POST");
    }

    @Test
    void valuesThatAreNoMethodChangeNothing() {
        for (String value : new String[] {"", " ", "GET GET", "\0", "\u017F", "po\u017Ft", "\u212Aill", "CONNECT\t"}) {
            String query = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/?_method=" + query))
                    .as(value)
                    .isEqualTo("POST");
        }
        assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/?_method=%ZZ"))
                .isEqualTo("POST");
        assertThat(gotMethod(Express.methodOverride("_method"), "POST", "/?_method=m-search"))
                .isEqualTo("M-SEARCH");
    }
}
