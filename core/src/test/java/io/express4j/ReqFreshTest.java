package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Express 5's test/req.fresh.js (EXPRESS.md §6.3). The server supports the QUERY method, so its two cases are run
 * as Express runs them on Node 22 and later.
 */
class ReqFreshTest {
    private static final String QUERY_BODY = "{\"ids\":[\"a\",\"b\"]}";

    private static App app(Handler handler) {
        App app = Express.app();
        app.use(handler);
        return app;
    }

    @Test
    void isTrueWhenTheResourceIsNotModified() { // row 1
        App app = app((req, res) -> {
            res.set("ETag", "\"12345\"");
            res.send(req.fresh());
        });
        RawResponse r = once(app, "GET", "/", Map.of("If-None-Match", "\"12345\""));
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void isFalseWhenTheResourceIsModified() { // row 2
        App app = app((req, res) -> {
            res.set("ETag", "\"123\"");
            res.send(req.fresh());
        });
        RawResponse r = once(app, "GET", "/", Map.of("If-None-Match", "\"12345\""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("false");
    }

    @Test
    void isFalseWithoutResponseHeaders() { // row 3
        App app = Express.app();
        app.disable("x-powered-by");
        app.use((req, res) -> res.send(req.fresh()));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("X-Powered-By")).isFalse();
        assertThat(r.text()).isEqualTo("false");
    }

    @Test
    void isTrueForAQueryRequestWithABodyWhenNotModified() { // row 4
        App app = app((req, res) -> {
            res.set("ETag", "\"12345\"");
            res.send(req.fresh());
        });
        RawResponse r = once(
                app,
                "QUERY",
                "/",
                Map.of("If-None-Match", "\"12345\"", "Content-Type", "application/json"),
                QUERY_BODY);
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void isFalseForAQueryRequestWithABodyWhenModified() { // row 5
        App app = app((req, res) -> {
            res.set("ETag", "\"123\"");
            res.send(req.fresh());
        });
        RawResponse r = once(
                app,
                "QUERY",
                "/",
                Map.of("If-None-Match", "\"12345\"", "Content-Type", "application/json"),
                QUERY_BODY);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("false");
    }

    /**
     * Row 6. Express's test sends a junk If-Modified-Since (a function's source text); here it is a date before
     * Last-Modified, which would make the response stale if it were consulted at all.
     */
    @Test
    void ignoresIfModifiedSinceWhenIfNoneMatchIsPresent() {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use((req, res) -> {
            res.set("Etag", "\"FooBar\"");
            res.set("Last-Modified", "Tue, 02 Jan 2024 03:04:05 GMT");
            res.send(req.fresh());
        });
        RawResponse r = once(
                app,
                "GET",
                "/",
                Map.of("If-Modified-Since", "Tue, 02 Jan 2024 03:04:04 GMT", "If-None-Match", "\"FooBar\""));
        assertThat(r.status()).isEqualTo(304);
    }

    @Test
    void isFalseForMethodsOtherThanGetHeadAndQuery() {
        App app = app((req, res) -> {
            res.set("ETag", "\"12345\"");
            res.send(req.fresh());
        });
        RawResponse r = once(app, "POST", "/", Map.of("If-None-Match", "\"12345\""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("false");
    }

    @Test
    void isFalseOutside2xxAnd304() {
        App app = app((req, res) -> {
            res.status(404).set("ETag", "\"12345\"");
            res.send(req.fresh());
        });
        RawResponse r = once(app, "GET", "/", Map.of("If-None-Match", "\"12345\""));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).isEqualTo("false");
    }
}
