package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.server.ServerConfig;
import io.express4j.support.H2Client;
import io.express4j.support.H2Response;
import io.express4j.support.RawH2;
import io.express4j.support.TestServer;
import io.netty.handler.codec.http2.Http2Error;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2's protocol edges: h2c by Upgrade, per-stream flow control reaching {@code res.write}, the concurrent
 * stream limit, the header list limit, a rapid-reset flood (CVE-2023-44487), malformed frames and prefaces, and a
 * graceful GOAWAY on {@code server.close()}. After every attack the server still answers a new connection.
 */
class Http2LimitsTest {
    private static final int CHUNK = 16 * 1024;
    private static final int CHUNKS = 100;

    private static App app() {
        App app = Express.app();
        app.set("env", "production");
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/version", (req, res) -> res.send(req.httpVersion() + " " + req.hostname()));
        app.post("/echo", Express.json(), (req, res) -> res.json(req.body()));
        return app;
    }

    private static TestServer serve(App app, ServerOptions options) {
        return TestServer.serve(app, options.http2(true));
    }

    private static void assertServes(TestServer server) {
        try (H2Client fresh = new H2Client(server.port())) {
            H2Response r = fresh.get("/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("Hello World");
        }
        assertThat(server.get("/").text()).isEqualTo("Hello World");
    }

    // ---- h2c by Upgrade ----

    @Test
    void upgradeH2cServesTheRequestAsStreamOneThenSpeaksHttp2() throws Exception {
        try (TestServer server = serve(app(), new ServerOptions());
                RawH2 raw = new RawH2(server.port(), false)) {
            raw.send(("GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(raw.readHttp1Head())
                    .isEqualTo("HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: h2c\r\n\r\n");
            raw.preface();
            RawH2.Frame head = raw.readUntil(RawH2.HEADERS);
            assertThat(head.stream()).isEqualTo(1);
            assertThat(head.headers().status().toString()).isEqualTo("200");
            assertThat(head.headers().get("content-length").toString()).isEqualTo("13");
            assertThat(head.headers().contains("connection")).isFalse();
            RawH2.Frame data = raw.readUntil(RawH2.DATA);
            assertThat(new String(data.payload(), StandardCharsets.US_ASCII)).isEqualTo("2.0 127.0.0.1");
            // the connection is HTTP/2 now
            raw.headers(3, "GET", "/", Map.of(), true);
            RawH2.Frame next = raw.readUntil(RawH2.DATA);
            assertThat(next.stream()).isEqualTo(3);
            assertThat(new String(next.payload(), StandardCharsets.US_ASCII)).isEqualTo("Hello World");
        }
    }

    @Test
    void anUpgradeWithABodyIsServedOverHttp11() throws Exception {
        try (TestServer server = serve(app(), new ServerOptions())) {
            String answer = rawToClose(
                    server.port(),
                    "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings, close\r\n"
                            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n{\"a\":1}");
        }
    }

    @Test
    void withoutHttp2TheUpgradeIsIgnoredAndThePrefaceRefused() throws Exception {
        try (TestServer server = TestServer.serve(app(), new ServerOptions())) {
            String answer = rawToClose(
                    server.port(),
                    "GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings, close\r\n"
                            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n1.1 127.0.0.1");
            String preface = rawToClose(server.port(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            assertThat(preface)
                    .isEqualTo("HTTP/1.1 505 HTTP Version Not Supported\r\nConnection: close\r\n\r\n")
                    .doesNotContain("Exception");
        }
    }

    // ---- flow control ----

    @Test
    void aStreamWhoseReaderStopsBlocksResWriteAndOthersGoOn() {
        AtomicInteger written = new AtomicInteger();
        App app = app();
        app.get("/stream", (req, res) -> {
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < CHUNKS; i++) {
                java.util.Arrays.fill(chunk, (byte) ('a' + i % 26));
                res.write(chunk);
                written.incrementAndGet();
            }
            res.end();
        });
        try (TestServer server = serve(app, new ServerOptions());
                H2Client h2 = new H2Client(server.port())) {
            // a connection window larger than the stream's, so that the unread stream does not hold up the others
            h2.channel().writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame(16 << 20));
            H2Client.Exchange slow = h2.open(false); // its DATA frames are neither read nor their window returned
            slow.stream()
                    .writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2HeadersFrame(
                            h2.requestHeaders("GET", "/stream", Map.of()), true));
            int settled = settle(written);
            // the stream's 64 KiB window and the stream channel's 64 KiB buffer: a handful of 16 KiB writes, not 100
            assertThat(settled).as("writes done while the client reads nothing").isLessThan(20);
            // the connection is not blocked: another stream is answered meanwhile
            assertThat(h2.get("/").text()).isEqualTo("Hello World");
            assertThat(written.get()).isEqualTo(settled);
            slow.stream().config().setAutoRead(true);
            slow.stream().read();
            H2Response r = slow.await();
            assertThat(written.get()).isEqualTo(CHUNKS);
            assertThat(r.body()).hasSize(CHUNK * CHUNKS);
            for (int i = 0; i < CHUNKS; i++) assertThat(r.body()[i * CHUNK]).isEqualTo((byte) ('a' + i % 26));
        }
    }

    /** Waits until the count has not moved for a second, and returns it. */
    private static int settle(AtomicInteger count) {
        int last = -1;
        while (count.get() != last) {
            last = count.get();
            sleep(1_000);
        }
        return last;
    }

    // ---- limits ----

    @Test
    void streamsBeyondTheLimitAreRefused() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        App app = app();
        app.get("/hold", (req, res) -> {
            started.incrementAndGet();
            await(release);
            res.send("held");
        });
        try (TestServer server = serve(app, new ServerOptions().http2MaxConcurrentStreams(2));
                RawH2 raw = new RawH2(server.port())) {
            RawH2.Frame settings = raw.readUntil(RawH2.SETTINGS);
            assertThat(settings).isNotNull();
            assertThat(maxConcurrentStreams(settings.payload())).isEqualTo(2);
            raw.readUntil(RawH2.SETTINGS); // the ACK of ours: the server's settings apply once we acknowledged
            raw.headers(1, "GET", "/hold", Map.of(), true);
            raw.headers(3, "GET", "/hold", Map.of(), true);
            raw.headers(5, "GET", "/hold", Map.of(), true);
            RawH2.Frame refused = raw.readUntil(RawH2.RST_STREAM);
            assertThat(refused.stream()).isEqualTo(5);
            assertThat(refused.errorCode()).isEqualTo(Http2Error.REFUSED_STREAM.code());
            release.countDown();
            RawH2.Frame first = raw.readUntil(RawH2.HEADERS);
            assertThat(first.headers().status().toString()).isEqualTo("200");
            RawH2.Frame second = raw.readUntil(RawH2.HEADERS);
            assertThat(second.headers().status().toString()).isEqualTo("200");
            assertThat(started.get()).isEqualTo(2);
        }
    }

    private static long maxConcurrentStreams(byte[] settings) {
        for (int i = 0; i + 6 <= settings.length; i += 6) {
            int id = ((settings[i] & 0xff) << 8) | (settings[i + 1] & 0xff);
            long value = ((settings[i + 2] & 0xffL) << 24)
                    | ((settings[i + 3] & 0xff) << 16)
                    | ((settings[i + 4] & 0xff) << 8)
                    | (settings[i + 5] & 0xff);
            if (id == 3) return value;
        }
        return -1;
    }

    @Test
    void aHeaderListAboveMaxHeaderSizeGets431() {
        try (TestServer server = serve(app(), new ServerOptions());
                H2Client h2 = new H2Client(server.port(), builder -> builder.encoderIgnoreMaxHeaderListSize(true))) {
            assertThat(h2.serverSettings().maxHeaderListSize()).isEqualTo(16 * 1024L);
            H2Response r = h2.request("GET", "/", Map.of("x-big", "a".repeat(17_000)), null);
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.body()).isEmpty();
            // the connection serves on
            assertThat(h2.get("/").text()).isEqualTo("Hello World");
        }
    }

    @Test
    void aHugeHeaderListEndsTheConnection() {
        try (TestServer server = serve(app(), new ServerOptions());
                RawH2 raw = new RawH2(server.port())) {
            boolean sentWhole = true;
            try {
                raw.headers(1, "GET", "/", Map.of("x-big", "a".repeat(100_000)), true);
            } catch (IllegalStateException closedWhileSending) {
                // the server may give up on the list (GOAWAY, close) before the client has written all of it; the
                // reset that the unread rest then causes can take the GOAWAY with it, so only the close is certain
                sentWhole = false;
            }
            if (sentWhole) {
                RawH2.Frame goAway = raw.readToClose();
                assertThat(goAway).as("GOAWAY before the close").isNotNull();
                assertThat(goAway.errorCode()).isNotEqualTo(Http2Error.NO_ERROR.code());
            }
            assertServes(server);
        }
    }

    @Test
    void rapidResetFloodIsCutOffAndTheServerServesOn() {
        AtomicInteger handled = new AtomicInteger();
        App app = app();
        app.get("/work", (req, res) -> {
            handled.incrementAndGet();
            res.send("work");
        });
        try (TestServer server = serve(app, new ServerOptions());
                RawH2 raw = new RawH2(server.port())) {
            // HEADERS then RST_STREAM at once, stream after stream (CVE-2023-44487)
            try {
                for (int stream = 1; stream < 2 * 1000; stream += 2) {
                    raw.headers(stream, "GET", "/work", Map.of(), true);
                    raw.reset(stream, (int) Http2Error.CANCEL.code());
                }
            } catch (java.io.UncheckedIOException closedMeanwhile) {
                // the server cut the connection while we were still sending: what the test wants
            }
            RawH2.Frame goAway = raw.readToClose();
            assertThat(goAway).as("GOAWAY before the close").isNotNull();
            assertThat(goAway.errorCode()).isEqualTo(Http2Error.ENHANCE_YOUR_CALM.code());
            // the streams opened before the reset over the limit was read reach their handler, no more
            assertThat(handled.get())
                    .as("requests started")
                    .isLessThanOrEqualTo(ServerConfig.DEFAULT_HTTP2_MAX_RESETS_PER_WINDOW + 10);
            assertServes(server);
        }
    }

    @Test
    void malformedFramesCloseTheConnectionWithGoAway() {
        try (TestServer server = serve(app(), new ServerOptions())) {
            try (RawH2 raw = new RawH2(server.port())) {
                raw.frame(RawH2.DATA, 0, 0, new byte[] {1, 2, 3}); // DATA on stream 0
                RawH2.Frame goAway = raw.readToClose();
                assertThat(goAway).isNotNull();
                assertThat(goAway.errorCode()).isEqualTo(Http2Error.PROTOCOL_ERROR.code());
            }
            try (RawH2 raw = new RawH2(server.port())) {
                // a PING announcing 20,000 bytes, more than the 16 KiB frame size: the header alone is refused, and
                // sending no payload leaves nothing unread at the server, whose close could otherwise be a reset
                // that takes the GOAWAY with it
                raw.send(new byte[] {0, 0x4e, 0x20, (byte) RawH2.PING, 0, 0, 0, 0, 0});
                RawH2.Frame goAway = raw.readToClose();
                assertThat(goAway).isNotNull();
                assertThat(goAway.errorCode()).isEqualTo(Http2Error.FRAME_SIZE_ERROR.code());
            }
            try (RawH2 raw = new RawH2(server.port())) {
                raw.frame(RawH2.HEADERS, RawH2.END_HEADERS, 1, new byte[] {(byte) 0xff, (byte) 0xff, 0x7f});
                RawH2.Frame goAway = raw.readToClose();
                assertThat(goAway).isNotNull();
                assertThat(goAway.errorCode()).isEqualTo(Http2Error.COMPRESSION_ERROR.code());
            }
            try (RawH2 raw = new RawH2(server.port(), false)) {
                raw.send("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(raw.readToClose())
                        .as("no HTTP/2 frame: the bytes went to HTTP/1.1")
                        .isNull();
            }
            assertServes(server);
        }
    }

    @Test
    void aConnectionWithoutStreamsClosesAfterTheKeepAliveTimeout() {
        App app = app();
        app.get("/hold", (req, res) -> {
            sleep(1_000); // longer than the keep-alive timeout: an open stream keeps the connection
            res.send("held");
        });
        try (TestServer server = serve(app, new ServerOptions().keepAliveTimeout(Duration.ofMillis(300)));
                H2Client h2 = new H2Client(server.port())) {
            assertThat(h2.get("/hold").text()).isEqualTo("held");
            assertThat(h2.awaitGoAway(10)).as("GOAWAY once idle").isEqualTo(Http2Error.NO_ERROR.code());
            assertThat(h2.awaitClosed(10)).isTrue();
        }
        try (TestServer server = serve(app(), new ServerOptions().keepAliveTimeout(Duration.ofMillis(300)));
                RawH2 raw = new RawH2(server.port())) {
            // the preface and nothing more
            RawH2.Frame goAway = raw.readToClose();
            assertThat(goAway).isNotNull();
            assertThat(goAway.errorCode()).isEqualTo(Http2Error.NO_ERROR.code());
        }
    }

    // ---- shutdown ----

    @Test
    void closeSendsGoAwayAndLetsTheStreamInFlightFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        App app = app();
        app.get("/slow", (req, res) -> {
            started.countDown();
            await(release);
            res.send("finished");
        });
        TestServer server = serve(app, new ServerOptions());
        try (H2Client h2 = new H2Client(server.port())) {
            H2Client.Exchange inFlight = h2.send("GET", "/slow", Map.of(), null);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            assertThat(h2.awaitGoAway(10)).as("GOAWAY code").isEqualTo(Http2Error.NO_ERROR.code());
            assertThat(closing).isNotDone();
            release.countDown();
            H2Response r = inFlight.await();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("finished");
            closing.get(20, TimeUnit.SECONDS);
            assertThat(h2.awaitClosed(10))
                    .as("the server closed the connection")
                    .isTrue();
        }
    }

    private static String rawToClose(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) all.write(buf, 0, n);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
