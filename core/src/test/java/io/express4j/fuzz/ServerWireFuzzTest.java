package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.express4j.ServerOptions;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A whole request through the real server over loopback: arbitrary bytes on a fresh connection. Whatever comes
 * back is a well-formed HTTP/1.1 response that is not a server error and shows no stack trace, and the server
 * keeps serving a good request afterwards. Short server timeouts keep an incomplete request from stalling a run.
 */
class ServerWireFuzzTest {
    private static Server server;

    @BeforeAll
    static void start() {
        App app = Express.app();
        app.set("env", "production");
        app.get("/", (req, res) -> res.send("ok"));
        app.post(
                "/echo",
                (req, res) -> res.send(new String(req.inputStream().readNBytes(4096), StandardCharsets.ISO_8859_1)));
        app.all("/any/*rest", (req, res) -> res.json(req.query()));
        server = app.listen(
                0,
                "127.0.0.1",
                new ServerOptions()
                        .headersTimeout(Duration.ofMillis(200))
                        .requestTimeout(Duration.ofMillis(300))
                        .keepAliveTimeout(Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() {
        server.close(Duration.ofSeconds(2));
    }

    @FuzzTest(maxDuration = "60s")
    void request(byte[] input) throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.socket().setSoTimeout(2_000);
            client.send(input);
            RawResponse r = client.read("GET");
            assertThat(r.version()).isEqualTo("HTTP/1.1");
            assertThat(r.status()).isBetween(200, 599).isNotIn(500, 502, 503, 504);
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
        } catch (UncheckedIOException e) {
            // the server may close without answering (e.g. mid-body); a reset or EOF is fine, a hang is not
            assertThat(e.getCause()).isNotInstanceOf(java.net.SocketTimeoutException.class);
        } catch (SocketException ignored) {
            // connection reset while sending
        }
        try (RawClient probe = new RawClient(server.port())) {
            assertThat(probe.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .text())
                    .isEqualTo("ok");
        }
    }
}
