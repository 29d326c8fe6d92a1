package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The size and count limits of {@link ServerOptions}: head sizes, header count, requests, connections, pipelining. */
class ServerLimitsTest {

    private static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("ok"));
        app.get("/slow", (req, res) -> {
            Thread.sleep(200);
            res.send("slow");
        });
        return app;
    }

    private static String headers(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.append("X-H").append(i).append(": v\r\n");
        return sb.toString();
    }

    private static void assertRefused(RawClient client, int status) {
        RawResponse r = client.read("GET");
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(r.body()).isEmpty();
        assertThat(client.isClosedByServer(2_000)).isTrue();
    }

    @Test
    void theHeaderBlockLimitIsConfigurable() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxHeaderSize(1024))) {
            String fits = "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(1024 - 7 - 7) + "\r\n\r\n";
            assertThat(server.raw("GET", fits).status()).isEqualTo(200);
            try (RawClient client = server.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(1024 - 7 - 6) + "\r\n\r\n");
                assertRefused(client, 431);
            }
        }
    }

    @Test
    void theDefaultHeaderBlockLimitIs16KiB() {
        try (TestServer server = TestServer.serve(app())) {
            String fits = "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(16 * 1024 - 7 - 7) + "\r\n\r\n";
            assertThat(server.raw("GET", fits).status()).isEqualTo(200);
            try (RawClient client = server.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(16 * 1024) + "\r\n\r\n");
                assertRefused(client, 431);
            }
        }
    }

    @Test
    void theRequestLineLimitIsConfigurable() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxRequestLineLength(100))) {
            String path = "/?" + "q".repeat(100 - 13 - 2); // "GET " + path + " HTTP/1.1" = 100 bytes
            assertThat(server.raw("GET", "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .status())
                    .isEqualTo(200);
            try (RawClient client = server.connect()) {
                client.send("GET " + path + "q HTTP/1.1\r\nHost: x\r\n\r\n");
                assertRefused(client, 414);
            }
        }
    }

    @Test
    void theHeaderCountLimitDefaultsTo100() {
        try (TestServer server = TestServer.serve(app())) {
            assertThat(server.raw("GET", "GET / HTTP/1.1\r\nHost: x\r\n" + headers(99) + "\r\n")
                            .status())
                    .isEqualTo(200);
            try (RawClient client = server.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\n" + headers(100) + "\r\n");
                assertRefused(client, 431);
            }
        }
    }

    @Test
    void theHeaderCountLimitIsConfigurable() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxHeadersCount(3))) {
            assertThat(server.raw("GET", "GET / HTTP/1.1\r\nHost: x\r\n" + headers(2) + "\r\n")
                            .status())
                    .isEqualTo(200);
            try (RawClient client = server.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\n" + headers(3) + "\r\n");
                assertRefused(client, 431);
            }
        }
    }

    @Test
    void maxRequestsPerSocketAnnouncesTheMaxAndClosesAfterTheLast() {
        // Oracle (node 20, maxRequestsPerSocket = 2): "Keep-Alive: timeout=5, max=2", then "Connection: close".
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxRequestsPerSocket(2));
                RawClient client = server.connect()) {
            RawResponse first = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(first.header("Connection")).isEqualTo("keep-alive");
            assertThat(first.header("Keep-Alive")).isEqualTo("timeout=5, max=2");
            RawResponse second =
                    client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header("Connection")).isEqualTo("close");
            assertThat(second.hasHeader("Keep-Alive")).isFalse();
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
    }

    @Test
    void theKeepAliveHeaderFollowsTheConfiguredTimeout() {
        try (TestServer server =
                TestServer.serve(app(), new ServerOptions().keepAliveTimeout(Duration.ofSeconds(65)))) {
            assertThat(server.get("/").header("Keep-Alive")).isEqualTo("timeout=65");
        }
    }

    @Test
    void connectionsBeyondTheMaximumAreClosedAtOnce() throws Exception {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxConnections(2));
                RawClient a = server.connect();
                RawClient b = server.connect()) {
            assertThat(a.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET").status())
                    .isEqualTo(200);
            assertThat(b.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET").status())
                    .isEqualTo(200);
            try (RawClient refused = server.connect()) {
                assertThat(refused.isClosedByServer(2_000)).isTrue();
            }
            // The admitted ones are unaffected, and a freed slot is usable again.
            assertThat(a.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET").status())
                    .isEqualTo(200);
            b.close();
            RawResponse again = null;
            for (int i = 0; i < 50 && again == null; i++) {
                try (RawClient c = server.connect()) {
                    again = c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
                } catch (RuntimeException closedStill) {
                    Thread.sleep(20); // the server has not seen b's close yet
                }
            }
            assertThat(again).isNotNull();
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void pipeliningBeyondTheLimitClosesAfterTheCurrentResponse() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxPipelinedRequests(2));
                RawClient client = server.connect()) {
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".repeat(5));
            RawResponse first = client.read("GET");
            assertThat(first.text()).isEqualTo("slow");
            assertThat(first.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
    }

    @Test
    void pipeliningWithinTheLimitIsAnsweredInOrder() {
        try (TestServer server = TestServer.serve(app(), new ServerOptions().maxPipelinedRequests(4));
                RawClient client = server.connect()) {
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n" + "GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(4));
            assertThat(client.read("GET").text()).isEqualTo("slow");
            for (int i = 0; i < 4; i++) {
                RawResponse r = client.read("GET");
                assertThat(r.text()).isEqualTo("ok");
                assertThat(r.header("Connection")).isEqualTo("keep-alive");
            }
        }
    }

    @Test
    void theEngineRefusesAConnectionOverTheLimitEvenWhileOthersAreBusy() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        App app = Express.app();
        app.get("/hold", (req, res) -> {
            entered.countDown();
            release.await(5, TimeUnit.SECONDS);
            res.send("held");
        });
        try (TestServer server = TestServer.serve(app, new ServerOptions().maxConnections(1));
                RawClient busy = server.connect()) {
            busy.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            try (RawClient refused = server.connect()) {
                assertThat(refused.isClosedByServer(2_000)).isTrue();
            }
            release.countDown();
            assertThat(busy.read("GET").text()).isEqualTo("held");
        }
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> new ServerOptions().maxHeaderSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerOptions().maxConnections(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerOptions().headersTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerOptions().requestTimeout(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
