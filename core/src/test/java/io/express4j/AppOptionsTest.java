package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express's test/app.options.js, with the automatic answer's headers as captured from Express 5.3 (§9). */
class AppOptionsTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    /** router's automatic answer: Allow, an explicit Content-Length, text/plain without charset, nosniff. */
    static void expectAllow(RawResponse r, String allow) {
        expect(r, 200, allow);
        assertThat(r.header("Allow")).isEqualTo(allow);
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(allow.length()));
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.hasHeader("ETag")).isFalse();
        List<String> names = r.headerNames();
        assertThat(names.subList(names.indexOf("Allow"), names.indexOf("Allow") + 4))
                .containsExactly("Allow", "Content-Length", "Content-Type", "X-Content-Type-Options");
    }

    @Nested
    class Options {
        @Test
        void shouldDefaultToTheRoutesDefined() {
            App app = app();
            app.post("/", (req, res) -> {});
            app.get("/users", (req, res) -> {});
            app.put("/users", (req, res) -> {});
            try (TestServer server = TestServer.serve(app)) {
                expectAllow(server.request("OPTIONS", "/users"), "GET, HEAD, PUT");
            }
        }

        @Test
        void shouldOnlyIncludeEachMethodOnce() {
            App app = app();
            app.delete("/", (req, res) -> {});
            app.get("/users", (req, res) -> {});
            app.put("/users", (req, res) -> {});
            app.get("/users", (req, res) -> {});
            try (TestServer server = TestServer.serve(app)) {
                expectAllow(server.request("OPTIONS", "/users"), "GET, HEAD, PUT");
            }
        }

        @Test
        void shouldNotBeAffectedByAppAll() {
            App app = app();
            app.get("/", (req, res) -> {});
            app.get("/users", (req, res) -> {});
            app.put("/users", (req, res) -> {});
            app.all("/users", (req, res, next) -> {
                res.setHeader("x-hit", "1");
                next.run();
            });
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.request("OPTIONS", "/users");
                expectAllow(r, "GET, HEAD, PUT");
                assertThat(r.header("x-hit")).isEqualTo("1");
            }
        }

        @Test
        void shouldNotRespondIfThePathIsNotDefined() {
            App app = app();
            app.get("/users", (req, res) -> {});
            try (TestServer server = TestServer.serve(app)) {
                expectNotFound(server.request("OPTIONS", "/other"), "OPTIONS", "/other");
            }
        }

        @Test
        void shouldForwardRequestsDownTheMiddlewareChain() {
            App app = app();
            Router router = Express.router();
            router.get("/users", (req, res) -> {});
            app.use(router);
            app.get("/other", (req, res) -> {});
            try (TestServer server = TestServer.serve(app)) {
                expectAllow(server.request("OPTIONS", "/other"), "GET, HEAD");
            }
        }

        @Test
        void shouldPassAnErrorInTheResponseHandlerToTheCallback() {
            App app = app();
            Router router = Express.router();
            router.get("/users", (req, res) -> {});
            app.use((req, res, next) -> {
                res.writeHead(200);
                next.run();
            });
            app.use(router);
            app.use((err, req, res, next) -> res.end("true"));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.request("OPTIONS", "/users");
                expect(r, 200, "true");
                assertThat(r.hasHeader("Allow")).isFalse();
            }
        }
    }

    @Test
    void appOptionsShouldOverrideTheDefaultBehavior() {
        App app = app();
        app.options("/users", (req, res) -> {
            res.set("Allow", "GET");
            res.send("GET");
        });
        app.get("/users", (req, res) -> {});
        app.put("/users", (req, res) -> {});
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.request("OPTIONS", "/users");
            expect(r, 200, "GET");
            assertThat(r.header("Allow")).isEqualTo("GET");
        }
    }
}
