package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express 5's test/res.get.js. */
class ResGetTest {

    @Test
    void getsTheResponseHeaderField() {
        App app = Express.app();
        app.use((req, res) -> {
            res.setHeader("Content-Type", "text/x-foo");
            res.send(res.get("Content-Type"));
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/x-foo; charset=utf-8");
        assertThat(r.text()).isEqualTo("text/x-foo");
    }

    @Test
    void isCaseInsensitiveNullWhenAbsentAndJoinsSeveralValues() {
        App app = Express.app();
        app.use((req, res) -> {
            res.set("X-Multi", List.of("a", "b"));
            res.send(res.get("x-multi") + "|" + res.get("X-Absent"));
        });
        assertThat(once(app, "GET", "/").text()).isEqualTo("a, b|null");
    }
}
