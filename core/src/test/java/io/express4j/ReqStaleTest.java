package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express 5's test/req.stale.js. */
class ReqStaleTest {

    @Test
    void isFalseWhenTheResourceIsNotModified() {
        App app = Express.app();
        app.use((req, res) -> {
            res.set("ETag", "\"12345\"");
            res.send(req.stale());
        });
        RawResponse r = once(app, "GET", "/", Map.of("If-None-Match", "\"12345\""));
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void isTrueWhenTheResourceIsModified() {
        App app = Express.app();
        app.use((req, res) -> {
            res.set("ETag", "\"123\"");
            res.send(req.stale());
        });
        RawResponse r = once(app, "GET", "/", Map.of("If-None-Match", "\"12345\""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("true");
    }

    @Test
    void isTrueWithoutResponseHeaders() {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use((req, res) -> res.send(req.stale()));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("true");
    }
}
