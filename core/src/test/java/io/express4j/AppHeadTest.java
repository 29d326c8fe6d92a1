package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/app.head.js. */
class AppHeadTest {

    static App tobi() {
        App app = Express.app().set("env", "test");
        app.get("/tobi", (req, res) -> res.send("tobi"));
        return app;
    }

    @Test
    void shouldDefaultToGet() {
        try (TestServer server = TestServer.serve(tobi())) {
            RawResponse r = server.head("/tobi");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("4");
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void shouldOutputTheSameHeadersAsGetRequests() {
        try (TestServer server = TestServer.serve(tobi())) {
            RawResponse head = server.head("/tobi");
            RawResponse get = server.get("/tobi");
            assertThat(head.status()).isEqualTo(200);
            assertThat(get.status()).isEqualTo(200);
            assertThat(withoutDate(head)).isEqualTo(withoutDate(get));
            assertThat(head.header("ETag")).isEqualTo("W/\"4-whnE3Et/9r56cJBFm8bQaoeaFXc\"");
        }
    }

    private static java.util.List<Map.Entry<String, String>> withoutDate(RawResponse r) {
        return r.headerLines().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("Date"))
                .toList();
    }

    @Test
    void appHeadShouldOverride() {
        App app = Express.app().set("env", "test");
        app.head("/tobi", (req, res) -> {
            res.header("x-method", "head");
            res.end();
        });
        app.get("/tobi", (req, res) -> {
            res.header("x-method", "get");
            res.send("tobi");
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.head("/tobi");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("x-method")).isEqualTo("head");
        }
    }
}
