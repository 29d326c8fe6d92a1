package io.express4j;

import static io.express4j.support.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Express's test/req.route.js. */
class ReqRouteTest {

    @Test
    void shouldBeTheExecutedRoute() {
        App app = Express.app().set("env", "test");
        app.get("/user/:id{/:op}", (req, res, next) -> {
            res.header("path-1", req.route().path());
            next.run();
        });
        app.get("/user/:id/edit", (req, res) -> {
            res.header("path-2", req.route().path());
            res.end();
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/user/12/edit");
            expect(r, 200, "");
            assertThat(r.header("path-1")).isEqualTo("/user/:id{/:op}");
            assertThat(r.header("path-2")).isEqualTo("/user/:id/edit");
        }
    }
}
