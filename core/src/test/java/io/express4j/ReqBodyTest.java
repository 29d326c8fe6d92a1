package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's {@code req.body = …}: any middleware may set the body that later handlers read. */
class ReqBodyTest {
    @Test
    void aMiddlewareSetsTheBodyLaterHandlersRead() {
        App app = Express.app();
        app.use((req, res, next) -> {
            req.body(Map.of("user", "tobi"));
            next.run();
        });
        app.get("/", (req, res) -> res.json(req.body()));

        RawResponse res = once(app, "GET", "/");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(res.text()).isEqualTo("{\"user\":\"tobi\"}");
    }

    @Test
    void aParsedBodyCanBeReplaced() {
        App app = Express.app();
        app.use(Express.text());
        app.use((req, res, next) -> {
            req.body(((String) req.body()).trim());
            next.run();
        });
        app.post("/", (req, res) -> res.send(req.body()));

        RawResponse res = once(app, "POST", "/", Map.of("Content-Type", "text/plain"), "  tobi  ");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(res.text()).isEqualTo("tobi");
    }
}
