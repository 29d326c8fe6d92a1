package io.express4j;

import static io.express4j.support.Expect.expect;

import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Express's test/req.path.js. */
class ReqPathTest {

    @Test
    void shouldReturnTheParsedPathname() {
        App app = Express.app().set("env", "test");
        app.use((req, res) -> res.end(req.path()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/login?redirect=/post/1/comments"), 200, "/login");
        }
    }

    @Test
    void shouldBeMountRelative() {
        App app = Express.app().set("env", "test");
        app.use("/blog/:cat", (req, res) -> res.end(req.path() + " " + req.baseUrl() + " " + req.url()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/blog/tech/hello?x=1"), 200, "/hello /blog/tech /hello?x=1");
        }
    }
}
