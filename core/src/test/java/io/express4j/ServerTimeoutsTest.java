package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

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
}
