package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.server.ServerConfig;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive, headers, request and idle timeouts, with short values so that nothing waits long. Node's answers
 * (node 20, connectionsCheckingInterval 200 ms): a late head or body gets exactly
 * {@code HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n}, a fresh connection that sends nothing too;
 * an idle kept-alive connection closes silently.
 */
class ServerTimeoutsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(20);

    private final CompletableFuture<String> bodyOutcome = new CompletableFuture<>();

    private App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("ok"));
        app.get("/busy", (req, res) -> {
            Thread.sleep(700);
            res.send("done");
        });
        app.post("/read", (req, res) -> {
            try {
                String body = new String(req.inputStream().readAllBytes(), StandardCharsets.UTF_8);
                bodyOutcome.complete(body);
                res.send(body);
            } catch (IOException e) {
                bodyOutcome.complete("failed: " + e.getMessage());
                throw e;
            }
        });
        return app;
    }

    private static void assert408AndClosed(RawClient client) {
        RawResponse r = client.read("GET");
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.reason()).isEqualTo("Request Timeout");
        assertThat(r.headerLines())
                .extracting(e -> e.getKey() + ": " + e.getValue())
                .containsExactly("Connection: close");
        assertThat(r.body()).isEmpty();
        assertThat(client.isClosedByServer(2_000)).isTrue();
    }

    @Test
    void aHeadThatDoesNotCompleteInTimeGets408() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().headersTimeout(SHORT));
                RawClient client = server.connect()) {
            long start = System.nanoTime();
            client.send("GET / HTTP/1.1\r\nHost: x\r\n");
            assert408AndClosed(client);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aHeadTrickledByteByByteStillGets408() throws Exception {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().headersTimeout(SHORT));
                RawClient client = server.connect()) {
            // Slowloris: every byte arrives well within any per-read timeout, the head never within the deadline.
            for (char c : "GET / HT".toCharArray()) { // 8 × 25 ms: done before the 300 ms deadline
                client.send(String.valueOf(c));
                Thread.sleep(25);
            }
            assert408AndClosed(client);
        }
    }

    @Test
    void aFreshConnectionThatSendsNothingGets408() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().headersTimeout(SHORT));
                RawClient client = server.connect()) {
            assert408AndClosed(client);
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408AndTheHandlerSeesItsReadFail() throws Exception {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().requestTimeout(SHORT));
                RawClient client = server.connect()) {
            client.send("POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            assert408AndClosed(client);
            assertThat(bodyOutcome.get(5, TimeUnit.SECONDS)).isEqualTo("failed: request timeout");
        }
    }

    @Test
    void aSlowHandlerIsNotATimeout() {
        // Once the request has arrived no timeout runs: the handler may take longer than all of them.
        ServerOptions options =
                new ServerOptions().headersTimeout(SHORT).requestTimeout(SHORT).keepAliveTimeout(SHORT);
        try (TestServer server = TestServer.serve(app(), options);
                RawClient client = server.connect()) {
            RawResponse r = client.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("done");
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
        }
    }

    @Test
    void anIdleKeptAliveConnectionClosesSilently() {
        try (TestServer server = TestServer.serve(
                        app(), new ServerOptions().keepAliveTimeout(SHORT).headersTimeout(LONG));
                RawClient client = server.connect()) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .header("Keep-Alive"))
                    .isEqualTo("timeout=0");
            long start = System.nanoTime();
            assertThat(client.isClosedByServer(3_000)).isTrue(); // EOF, no 408
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aNextHeadUnderWayOutlivesTheKeepAliveTimeout() throws Exception {
        // As in Node: bytes of the next request end the idleness; from then on the headers timeout applies.
        try (TestServer server = TestServer.serve(
                        app(),
                        new ServerOptions()
                                .keepAliveTimeout(Duration.ofMillis(200))
                                .headersTimeout(LONG));
                RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            client.send("GET / HTTP/1.1\r\n");
            Thread.sleep(600);
            RawResponse r = client.send("Host: x\r\n\r\n").read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok");
        }
    }

    @Test
    void keptAliveConnectionsGetTheHeadersTimeoutForAStartedHead() {
        try (TestServer server = TestServer.serve(
                        app(), new ServerOptions().keepAliveTimeout(LONG).headersTimeout(SHORT));
                RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            client.send("GET / HTT");
            assert408AndClosed(client);
        }
    }

    @Test
    void theIdleTimeoutClosesAConnectionWithNoTraffic() {
        try (TestServer server = TestServer.serve(
                        app(),
                        new ServerOptions()
                                .idleTimeout(SHORT)
                                .keepAliveTimeout(LONG)
                                .headersTimeout(LONG));
                RawClient client = server.connect()) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .status())
                    .isEqualTo(200);
            assertThat(client.isClosedByServer(3_000)).isTrue();
        }
    }

    @Test
    void theIdleTimeoutAlsoEndsAHandlerThatSendsNothing() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().idleTimeout(SHORT));
                RawClient client = server.connect()) {
            client.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.isClosedByServer(3_000)).isTrue(); // Node's server.timeout destroys the socket
        }
    }

    @Test
    void zeroDisablesATimeout() throws Exception {
        try (TestServer server = TestServer.serve(
                        app(), new ServerOptions().headersTimeout(Duration.ZERO).keepAliveTimeout(Duration.ZERO));
                RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\n");
            assertThat(client.isClosedByServer(700)).isFalse();
            RawResponse r = client.send("Host: x\r\n\r\n").read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
            assertThat(r.hasHeader("Keep-Alive")).isFalse(); // Node: no timeout, nothing to announce
        }
    }

    // ---- slow clients (issue 18): the defaults, and the minimum data rates with short windows ----

    @Test
    void theDefaultsCutSlowClientsWithin30Seconds() {
        ServerConfig defaults = new ServerOptions().toConfig();
        assertThat(defaults.headersTimeoutMillis()).isEqualTo(20_000); // a trickled head, or nothing sent
        assertThat(defaults.minRequestBodyBytesPerSecond()).isEqualTo(240); // a trickled body: cut after 5 s
        assertThat(defaults.minRequestBodyRateGraceMillis()).isEqualTo(5_000);
        assertThat(defaults.minResponseBytesPerSecond()).isEqualTo(240);
        assertThat(defaults.minResponseRateGraceMillis()).isEqualTo(5_000);
        assertThat(defaults.requestTimeoutMillis()).isEqualTo(300_000); // Node's, unchanged
        ServerConfig node = new ServerOptions()
                .headersTimeout(Duration.ofSeconds(60))
                .minRequestBodyDataRate(0, Duration.ZERO)
                .minResponseDataRate(0, Duration.ZERO)
                .toConfig();
        assertThat(node.headersTimeoutMillis()).isEqualTo(60_000);
        assertThat(node.minRequestBodyBytesPerSecond()).isZero();
        assertThat(node.minResponseBytesPerSecond()).isZero();
    }

    private static final Duration WINDOW = Duration.ofMillis(400);

    @Test
    void aBodyTrickledBelowTheMinimumRateGets408AndTheHandlerSeesItsReadFail() throws Exception {
        ServerOptions options = new ServerOptions().minRequestBodyDataRate(240, WINDOW);
        try (TestServer server = TestServer.serve(app(), options);
                RawClient client = server.connect()) {
            long start = System.nanoTime();
            client.send("POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
            // 1 byte every 50 ms (20 bytes/s, far below 240: 96 bytes per 400 ms window), then nothing: bytes still
            // arriving after the close would make the client's kernel reset the connection under the 408
            for (int i = 0; i < 6; i++) {
                client.send("x");
                Thread.sleep(50);
            }
            assert408AndClosed(client);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isBetween(350L, 2_500L); // one window, at most two, plus slack
            assertThat(bodyOutcome.get(5, TimeUnit.SECONDS)).isEqualTo("failed: request body too slow");
        }
    }

    @Test
    void timeTheServerIsNotReadingDoesNotCountAgainstTheBody() throws Exception {
        App app = Express.app();
        app.post("/late", (req, res) -> {
            Thread.sleep(1_500); // several windows: the server stops reading once 64 KiB wait for this handler
            res.send(String.valueOf(req.inputStream().readAllBytes().length));
        });
        byte[] body = new byte[1 << 20];
        try (TestServer server = TestServer.serve(app, new ServerOptions().minRequestBodyDataRate(1 << 20, WINDOW));
                RawClient client = server.connect()) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(
                    () -> client.send("POST /late HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .send(body));
            RawResponse r = client.read("POST");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(String.valueOf(body.length));
            sending.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitingFor100ContinueDoesNotCountAgainstTheBody() throws Exception {
        App app = Express.app();
        app.post("/late", (req, res) -> {
            Thread.sleep(1_000); // the client waits for 100 Continue all this time
            res.send(new String(req.inputStream().readAllBytes(), StandardCharsets.UTF_8));
        });
        try (TestServer server = TestServer.serve(app, new ServerOptions().minRequestBodyDataRate(240, WINDOW));
                RawClient client = server.connect()) {
            client.send("POST /late HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(client.readInterim("POST").status()).isEqualTo(100);
            RawResponse r = client.send("hello").read("POST");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
        }
    }

    @Test
    void aClientThatStopsReadingIsCutAndTheBlockedWriteThrows() throws Exception {
        CompletableFuture<Throwable> writeOutcome = new CompletableFuture<>();
        App app = Express.app();
        app.get("/big", (req, res) -> {
            byte[] chunk = new byte[64 * 1024];
            res.set("Content-Type", "application/octet-stream");
            try {
                for (int i = 0; i < 16 * 1024; i++) res.write(chunk); // 1 GiB: never fits in the socket buffers
                writeOutcome.complete(null);
            } catch (RuntimeException e) {
                writeOutcome.complete(e);
                throw e;
            }
        });
        try (TestServer server = TestServer.serve(app, new ServerOptions().minResponseDataRate(240, WINDOW));
                RawClient client = server.connect()) {
            long start = System.nanoTime();
            client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n"); // and never read
            Throwable thrown = writeOutcome.get(20, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(thrown).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(thrown.getCause()).hasMessage("the client closed the connection");
            assertThat(millis).isLessThan(10_000); // filling the buffers, then one or two 400 ms windows
        }
    }

    @Test
    void aClientThatReadsIsNotCut() {
        App app = Express.app();
        app.get("/big", (req, res) -> {
            byte[] chunk = new byte[64 * 1024];
            res.set("Content-Type", "application/octet-stream");
            for (int i = 0; i < 256; i++) res.write(chunk); // 16 MiB
            res.end();
        });
        try (TestServer server = TestServer.serve(app, new ServerOptions().minResponseDataRate(1 << 20, WINDOW));
                RawClient client = server.connect()) {
            RawResponse r = client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(r.body()).hasSize(16 << 20);
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
        }
    }
}
