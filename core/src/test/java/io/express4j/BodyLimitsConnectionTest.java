package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> parsers() {
        Middleware multipart = Express.multipart(new MultipartOptions().limit("100kb"));
        return Stream.of(
                Arguments.of("json", Express.json(), "application/json"),
                Arguments.of("urlencoded", Express.urlencoded(), "application/x-www-form-urlencoded"),
                Arguments.of("text", Express.text(), "text/plain"),
                Arguments.of("raw", Express.raw(), "application/octet-stream"),
                Arguments.of("multipart", multipart, "multipart/form-data; boundary=XyZ"));
    }

    /**
     * Issue 18: a body four times the 100 KiB limit, sent while the 413 is read. When its last bytes arrived while
     * the server had stopped reading (the parser had given up on the body), the pause outlived the request and the
     * next request on the connection was never read — about one try in six. 30 tries per case, with the declared
     * length and chunked; the answer to the next request must come within 5 s.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void aKeptAliveConnectionNeverGoesSilentAfterA413(String name, Middleware parser, String type) throws Exception {
        App app = BodyParserApps.createApp(parser);
        app.get("/ping", (req, res) -> res.send("pong"));
        byte[] body = oversizedBody(type, 400 * 1024);
        try (TestServer server = TestServer.serve(app)) {
            for (int i = 0; i < 30; i++) {
                for (boolean chunked : new boolean[] {false, true}) {
                    try (RawClient client = server.connect()) {
                        client.socket().setSoTimeout(5_000);
                        String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: " + type + "\r\n"
                                + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length)
                                + "\r\n\r\n";
                        CompletableFuture<Void> sending =
                                CompletableFuture.runAsync(() -> sendBody(client, head, body, chunked));
                        RawResponse r = client.read("POST");
                        assertThat(r.status())
                                .as("try %d, chunked %s", i, chunked)
                                .isEqualTo(413);
                        sending.get(10, TimeUnit.SECONDS);
                        assertThat(r.header("Connection")).isEqualTo("keep-alive");
                        RawResponse next = client.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n")
                                .read("GET");
                        assertThat(next.text())
                                .as("try %d, chunked %s", i, chunked)
                                .isEqualTo("pong");
                    }
                }
            }
        }
    }

    private static byte[] oversizedBody(String type, int size) {
        byte[] body = filler(size);
        if (type.startsWith("multipart/")) {
            byte[] start = ("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] end = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(end, 0, body, size - end.length, end.length);
        }
        return body;
    }

    /** The head, then the body in 16 KiB pieces (as chunks when {@code chunked}). */
    private static void sendBody(RawClient client, String head, byte[] body, boolean chunked) {
        client.send(head);
        for (int off = 0; off < body.length; off += 16 * 1024) {
            byte[] piece = Arrays.copyOfRange(body, off, Math.min(body.length, off + 16 * 1024));
            if (chunked)
                client.send(Integer.toHexString(piece.length) + "\r\n")
                        .send(piece)
                        .send("\r\n");
            else client.send(piece);
        }
        if (chunked) client.send("0\r\n\r\n");
    }
}
