package io.express4j;

import static io.express4j.support.Expect.expect;
import static io.express4j.support.Expect.expectErrorPage;

import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/req.get.js (a non-string name cannot be passed in Java). */
class ReqGetTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    @Test
    void shouldReturnTheHeaderFieldValue() {
        App app = app();
        app.use((req, res) -> {
            if (req.get("Something-Else") != null) throw new AssertionError("Something-Else is set");
            res.end(req.get("Content-Type"));
        });
        try (TestServer server = TestServer.serve(app)) {
            expect(server.request("POST", "/", Map.of("Content-Type", "application/json")), 200, "application/json");
        }
    }

    @Test
    void shouldSpecialCaseReferer() {
        App app = app();
        app.use((req, res) -> res.end(req.get("Referer")));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.request("POST", "/", Map.of("Referrer", "http://foobar.com")), 200, "http://foobar.com");
        }
    }

    @Test
    void referrerWinsOverRefererWhenBothAreSent() {
        App app = app();
        app.use((req, res) -> res.end(req.get("referer") + " " + req.headers().get("referer")));
        try (TestServer server = TestServer.serve(app)) {
            expect(
                    server.request("GET", "/", Map.of("Referer", "http://a/", "Referrer", "http://b/")),
                    200,
                    "http://b/ http://a/");
        }
    }

    @Test
    void shouldThrowMissingHeaderName() {
        App app = app();
        app.use((req, res) -> res.end(req.get(null)));
        try (TestServer server = TestServer.serve(app)) {
            expectErrorPage(
                    server.get("/"), 500, "java.lang.IllegalArgumentException: name argument is required to req.get");
        }
    }
}
