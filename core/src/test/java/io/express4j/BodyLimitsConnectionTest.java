package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Oversized and malformed bodies on a raw socket: the 413 comes as soon as the limit is known to be passed (never
 * after holding the body), and afterwards the connection either serves the next request or is closed cleanly.
 */
class BodyLimitsConnectionTest {
    private static App app() {
        App app = BodyParserApps.createApp(Express.json());
        app.get("/ping", (req, res) -> res.send("pong"));
        return app;
    }

    private static String head(long contentLength) {
        return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    private static byte[] filler(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        return b;
    }

    @Test
    void aDeclaredGibibyteIsRefusedBeforeItIsSent() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send(head(1L << 30)).send("{\"a\":");
            RawResponse r = client.read("POST"); // arrives with 1 GiB still unsent
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).isEqualTo("[entity.too.large] request entity too large");
            client.send(filler(1 << 20)); // what does come is dropped, not kept
        }
    }

    @Test
    void afterA413TheConnectionServesTheNextRequest() {
        int size = 4 << 20;
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send(head(size));
            RawResponse r = client.read("POST"); // answered before the body is sent
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
            client.send(filler(size));
            RawResponse next =
                    client.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("pong");
        }
    }

    @Test
    void aBodySlightlyOverTheLimitIsReadOffFirst() {
        int size = 150 * 1024; // within the drain budget: read off, as body-parser does, then answered
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send(head(size)).send(filler(size));
            assertThat(client.read("POST").status()).isEqualTo(413);
            RawResponse next =
                    client.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(next.text()).isEqualTo("pong");
        }
    }

    @Test
    void anOversizedChunkedBodyIsCutAtTheLimit() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] piece = filler(64 * 1024);
            for (int i = 0; i < 8; i++) {
                client.send(Integer.toHexString(piece.length) + "\r\n")
                        .send(piece)
                        .send("\r\n");
            }
            client.send("0\r\n\r\n");
            assertThat(client.read("POST").status()).isEqualTo(413);
            RawResponse next =
                    client.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(next.text()).isEqualTo("pong");
        }
    }

    @Test
    void afterA400TheConnectionServesTheNextRequest() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            String bad = "{bad";
            client.send(head(bad.length()) + bad);
            RawResponse r = client.read("POST");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).isEqualTo("[entity.parse.failed] Expected property name or '}' in JSON at position 1");
            String good = "{\"a\":1}";
            RawResponse next = client.send(head(good.length()) + good).read("POST");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void aClientThatGoesAwayMidBodyDoesNotDisturbOthers() {
        try (TestServer server = TestServer.serve(app())) {
            try (RawClient client = server.connect()) {
                client.send(head(1000)).send("{\"a\":".getBytes(StandardCharsets.UTF_8));
            }
            RawResponse r =
                    server.request("POST", "/", java.util.Map.of("Content-Type", "application/json"), "{\"ok\":true}");
            assertThat(r.text()).isEqualTo("{\"ok\":true}");
        }
    }
}
