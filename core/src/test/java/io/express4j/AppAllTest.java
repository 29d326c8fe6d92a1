package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Express's test/app.all.js. */
class AppAllTest {

    @Test
    void shouldAddARouterPerMethod() {
        App app = Express.app().set("env", "test");
        app.all("/tobi", (req, res) -> res.end(req.method()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.request("PUT", "/tobi"), 200, "PUT");
            expect(server.get("/tobi"), 200, "GET");
        }
    }

    @Test
    void shouldRunTheCallbackForAMethodJustOnce() {
        App app = Express.app().set("env", "test");
        AtomicInteger n = new AtomicInteger();
        app.all("/*splat", (req, res, next) -> {
            if (n.getAndIncrement() > 0) throw new IllegalStateException("DELETE called several times");
            next.run();
        });
        try (TestServer server = TestServer.serve(app)) {
            expectNotFound(server.request("DELETE", "/tobi"), "DELETE", "/tobi");
        }
        assertThat(n.get()).isEqualTo(1);
    }
}
