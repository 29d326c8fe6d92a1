package io.express4j;

import static io.express4j.support.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Express's test/regression.js. */
class RegressionTest {

    @Test
    void throwAfterEndShouldFailGracefully() {
        App app = Express.app().set("env", "test");
        app.get("/", (req, res) -> {
            res.end("yay");
            throw new IllegalStateException("boom");
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/");
            expect(r, 200, "yay");
            assertThat(r.header("Content-Length")).isEqualTo("3");
            expect(server.get("/"), 200, "yay"); // and the server goes on
        }
    }
}
