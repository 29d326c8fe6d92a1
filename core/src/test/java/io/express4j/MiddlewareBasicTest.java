package io.express4j;

import static io.express4j.support.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/middleware.basic.js. */
class MiddlewareBasicTest {

    @Test
    void nextShouldBehaveLikeConnect() {
        App app = Express.app().set("env", "test");
        List<String> calls = new ArrayList<>();
        app.use((req, res, next) -> {
            calls.add("one");
            next.run();
        });
        app.use((req, res, next) -> {
            calls.add("two");
            next.run();
        });
        app.use((req, res) -> {
            res.setHeader("Content-Type", "application/json");
            res.end(req.inputStream().readAllBytes());
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.request("GET", "/", Map.of("Content-Type", "application/json"), "{\"foo\":\"bar\"}");
            expect(r, 200, "{\"foo\":\"bar\"}");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
        }
        assertThat(calls).containsExactly("one", "two");
    }
}
