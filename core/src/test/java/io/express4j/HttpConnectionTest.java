package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The wire under Express: keep-alive, pipelining order, HTTP/1.0, HEAD framing, 100-continue, head limits. */
class HttpConnectionTest {

    private static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/slow", (req, res) -> {
            Thread.sleep(200);
            res.send("slow");
        });
        app.get("/fast", (req, res) -> res.send("fast"));
        app.get("/write", (req, res) -> {
            res.write("chunk1;");
            res.write("chunk2;");
            res.end("last");
        });
        app.get("/end", (req, res) -> res.end("raw end"));
        app.post("/echo", (req, res) -> res.send(new String(req.inputStream().readAllBytes(), StandardCharsets.UTF_8)));
        app.post("/ignore", (req, res) -> res.send("ignored"));
        return app;
    }

    @Test
    void keepsTheConnectionAliveForSeveralRequests() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            for (int i = 0; i < 3; i++) {
                RawResponse r = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isEqualTo("keep-alive");
                assertThat(r.header("Keep-Alive")).isEqualTo("timeout=5");
                assertThat(r.text()).isEqualTo("Hello World");
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /write HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read("GET").text()).isEqualTo("slow");
            RawResponse streamed = client.read("GET");
            assertThat(streamed.chunked()).isTrue();
            assertThat(streamed.text()).isEqualTo("chunk1;chunk2;last");
            RawResponse head = client.read("HEAD");
            assertThat(head.header("Content-Length")).isEqualTo("11");
            assertThat(head.body()).isEmpty();
            assertThat(client.read("GET").text()).isEqualTo("fast");
        }
    }

    @Test
    void closesAfterConnectionClose() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse r = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .read("GET");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(r.hasHeader("Keep-Alive")).isFalse();
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
    }

    @Test
    void http10WriteIsDelimitedByClosing() {
        // Oracle: curl -0 /write → no chunking, Connection: close, raw body, then the socket closes.
        try (TestServer server = TestServer.serve(app())) {
            RawResponse r = server.raw("GET", "GET /write HTTP/1.0\r\n\r\n");
            assertThat(r.version()).isEqualTo("HTTP/1.1");
            assertThat(r.headerNames()).containsExactly("X-Powered-By", "Date", "Connection");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(r.text()).isEqualTo("chunk1;chunk2;last");
        }
    }

    @Test
    void http10KeepAliveWithKnownLength() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse r = client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    .read("GET");
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
            assertThat(r.text()).isEqualTo("Hello World");
            // Node: end(data) without a user Content-Length cannot keep an HTTP/1.0 connection alive.
            RawResponse end = client.send("GET /end HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    .read("GET");
            assertThat(end.header("Connection")).isEqualTo("close");
            assertThat(end.hasHeader("Content-Length")).isFalse();
            assertThat(end.text()).isEqualTo("raw end");
        }
    }

    @Test
    void headGetsTheGetHeadersWithoutBody() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse head =
                    client.send("HEAD /write HTTP/1.1\r\nHost: x\r\n\r\n").read("HEAD");
            assertThat(head.hasHeader("Transfer-Encoding")).isFalse();
            assertThat(head.header("Connection")).isEqualTo("keep-alive");
            // the connection is still in sync: the next response parses
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .text())
                    .isEqualTo("Hello World");
        }
    }

    @Test
    void expectContinueGetsAnInterimResponse() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawResponse interim = client.readInterim("POST");
            assertThat(interim.status()).isEqualTo(100);
            client.send("hello");
            assertThat(client.read("POST").text()).isEqualTo("hello");
        }
    }

    @Test
    void streamsAChunkedRequestBody() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n");
            assertThat(client.read("POST").text()).isEqualTo("abcdefg");
        }
    }

    @Test
    void anUnreadBodyIsDrainedAndTheConnectionStaysUsable() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            String body = "x".repeat(300_000);
            client.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n");
            client.send(body);
            assertThat(client.read("POST").text()).isEqualTo("ignored");
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .text())
                    .isEqualTo("Hello World");
        }
    }

    @Test
    void oversizedHeadersGet431AndTheServerKeepsServing() {
        try (TestServer server = TestServer.serve(app())) {
            RawResponse r = server.raw("GET", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.reason()).isEqualTo("Request Header Fields Too Large");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(server.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void oversizedRequestLineGets414() {
        try (TestServer server = TestServer.serve(app())) {
            RawResponse r = server.raw("GET", "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(r.status()).isEqualTo(414);
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(server.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void garbageGets400WithoutStackTrace() {
        try (TestServer server = TestServer.serve(app())) {
            RawResponse r = server.raw("GET", "THIS IS NOT HTTP\r\n\r\n");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEmpty();
            assertThat(server.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void closeFinishesInFlightRequests() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        App app = Express.app();
        app.get("/wait", (req, res) -> {
            entered.countDown();
            Thread.sleep(300);
            res.send("done");
        });
        TestServer server = TestServer.serve(app);
        try (RawClient client = server.connect()) {
            client.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread closer = Thread.ofVirtual().start(server::close);
            RawResponse r = client.read("GET");
            assertThat(r.text()).isEqualTo("done");
            assertThat(r.header("Connection")).isEqualTo("close");
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
        }
    }

    @Test
    void writeBlocksOnASlowReaderSoNothingPilesUp() throws Exception {
        long total = 200L * 1024 * 1024;
        byte[] chunk = new byte[64 * 1024];
        AtomicLong written = new AtomicLong();
        App app = Express.app();
        app.get("/big", (req, res) -> {
            res.set("Content-Type", "application/octet-stream");
            for (long sent = 0; sent < total; sent += chunk.length) {
                res.write(chunk);
                written.addAndGet(chunk.length);
            }
            res.end();
        });
        try (TestServer server = TestServer.serve(app);
                Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long read = 0;
            long maxAhead = 0;
            byte[] buf = new byte[64 * 1024];
            int n;
            long nextPause = 0;
            while (read < total && (n = in.read(buf)) > 0) {
                read += n;
                if (read >= nextPause) {
                    nextPause = read + 16L * 1024 * 1024;
                    Thread.sleep(50); // a slow reader: the handler must wait, not queue
                    maxAhead = Math.max(maxAhead, written.get() - read);
                }
            }
            assertThat(read).isGreaterThanOrEqualTo(total);
            // What the handler got ahead of the reader is bounded by socket buffers plus Netty's high-water
            // mark: a few MiB at most, never the 200 MiB body.
            assertThat(maxAhead).isLessThan(16L * 1024 * 1024);
        }
    }
}
