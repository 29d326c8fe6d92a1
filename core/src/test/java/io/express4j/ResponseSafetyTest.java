package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a handler does with untrusted text can put a CR, LF or NUL on the wire (response splitting): every way a
 * header name, value or reason phrase reaches the head throws instead; error pages escape what they echo, and
 * production hides stack traces.
 */
class ResponseSafetyTest {

    private static TestServer serve(String env, Handler handler) {
        App app = Express.app();
        app.set("env", env);
        app.get("/h", handler);
        return TestServer.serve(app);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "setHeader value",
                "setHeader name",
                "set list",
                "set map",
                "append",
                "statusMessage",
                "writeHead map",
                "writeHead reason",
                "header",
                "type"
            })
    void everyHeaderPathRefusesCrLf(String path) {
        Handler handler = (req, res) -> {
            String evil = "v\r\nInjected: yes";
            switch (path) {
                case "setHeader value" -> res.setHeader("X-A", evil);
                case "setHeader name" -> res.setHeader("X-A\r\nInjected", "yes");
                case "set list" -> res.set("X-A", List.of("ok", evil));
                case "set map" -> res.set(Map.of("X-A", evil));
                case "append" -> res.append("X-A", evil);
                case "statusMessage" -> res.statusMessage("OK\r\nInjected: yes");
                case "writeHead map" -> res.writeHead(200, Map.of("X-A", evil));
                case "writeHead reason" -> res.writeHead(200, "OK\r\nInjected: yes", Map.of());
                case "header" -> res.header("X-A", "v\u0000");
                case "type" -> res.type("text/plain\r\nInjected: yes");
                default -> throw new AssertionError(path);
            }
            res.end("sent");
        };
        try (TestServer server = serve("production", handler)) {
            RawResponse r = server.get("/h");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.hasHeader("Injected")).isFalse();
            assertThat(r.hasHeader("X-A")).isFalse();
            assertThat(r.text()).doesNotContain("sent").contains("Internal Server Error");
        }
    }

    @Test
    void productionErrorPagesShowTheReasonNotTheStack() {
        try (TestServer server = serve("production", (req, res) -> {
            throw new IllegalStateException("secret <detail>");
        })) {
            RawResponse r = server.get("/h");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text())
                    .contains("<pre>Internal Server Error</pre>")
                    .doesNotContain("secret")
                    .doesNotContain("IllegalStateException")
                    .doesNotContain("at io.");
        }
    }

    @Test
    void developmentStackTracesAreEscaped() {
        try (TestServer server = serve("development", (req, res) -> {
            throw new IllegalStateException("<script>alert(1)</script>");
        })) {
            RawResponse r = server.get("/h");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void theNotFoundPageEscapesThePath() {
        try (TestServer server = serve("production", (req, res) -> res.end())) {
            RawResponse r = server.get("/%3Cscript%3Ealert(1)%3C/script%3E<img>");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text())
                    .doesNotContain("<script>")
                    .doesNotContain("<img>")
                    .contains("Cannot GET /%3Cscript%3Ealert(1)%3C/script%3E%3Cimg%3E");
        }
    }
}
