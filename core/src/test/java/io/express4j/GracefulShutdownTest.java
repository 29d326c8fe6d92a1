package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code server.close(timeout)}: stop accepting, close idle connections, let every request the server already
 * holds finish with {@code Connection: close}, then close; what outlives the timeout is cut.
 */
class GracefulShutdownTest {
    private final CountDownLatch entered = new CountDownLatch(1);

    private App app(int sleepMillis) {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("ok"));
        app.get("/wait", (req, res) -> {
            entered.countDown();
            Thread.sleep(sleepMillis);
            res.send("done");
        });
        return app;
    }

    private static Thread closeInBackground(TestServer server, Duration timeout) {
        return Thread.ofVirtual().start(() -> server.server().close(timeout));
    }

    /** Waits until the listening socket is gone, i.e. close() has begun. */
    private static void awaitNotAccepting(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the server kept accepting");
    }

    @Test
    void anInFlightRequestFinishesWithConnectionClose() throws Exception {
        TestServer server = TestServer.serve(app(400));
        try (RawClient client = server.connect()) {
            client.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread closer = closeInBackground(server, Duration.ofSeconds(10));
            RawResponse r = client.read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("done");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer(2_000)).isTrue();
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
        }
    }

    @Test
    void idleKeepAliveConnectionsCloseAtOnceAndNewOnesAreRefused() throws Exception {
        TestServer server = TestServer.serve(app(0));
        int port = server.port();
        try (RawClient idle = server.connect()) {
            assertThat(idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .header("Connection"))
                    .isEqualTo("keep-alive");
            long start = System.nanoTime();
            server.server().close(Duration.ofSeconds(10));
            // Nothing was in flight: close() did not wait for the timeout (nor the 5 s keep-alive).
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4_000);
            assertThat(idle.isClosedByServer(1_000)).isTrue();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void pipelinedRequestsAlreadyReceivedAreAllAnswered() throws Exception {
        TestServer server = TestServer.serve(app(300));
        try (RawClient client = server.connect()) {
            client.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n" + "GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(3));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread closer = closeInBackground(server, Duration.ofSeconds(10));
            assertThat(client.read("GET").text()).isEqualTo("done");
            for (int i = 0; i < 3; i++) {
                RawResponse r = client.read("GET");
                assertThat(r.text()).isEqualTo("ok");
                assertThat(r.header("Connection")).isEqualTo(i == 2 ? "close" : "keep-alive");
            }
            assertThat(client.isClosedByServer(2_000)).isTrue();
            closer.join(10_000);
        }
    }

    @Test
    void aHeadHalfReceivedWhenCloseStartsIsServedWithConnectionClose() throws Exception {
        TestServer server = TestServer.serve(app(0));
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n");
            Thread.sleep(100); // let the server see the partial head
            Thread closer = closeInBackground(server, Duration.ofSeconds(10));
            awaitNotAccepting(server.port());
            Thread.sleep(100); // close() tells the open connections right after the listener is gone
            RawResponse r = client.send("\r\n").read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualTo("close");
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
        }
    }

    @Test
    void aConnectionWhoseFirstRequestIsStillOnItsWayIsServed() throws Exception {
        // Connected before close(), request sent after: the client could not know, so it is answered (with close).
        TestServer server = TestServer.serve(app(0));
        try (RawClient client = server.connect()) {
            Thread.sleep(100); // accepted by the server
            Thread closer = closeInBackground(server, Duration.ofSeconds(10));
            awaitNotAccepting(server.port());
            RawResponse r = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualTo("close");
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
        }
    }

    @Test
    void aRequestOutlivingTheTimeoutIsCut() throws Exception {
        TestServer server = TestServer.serve(app(30_000));
        try (RawClient client = server.connect()) {
            client.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            server.server().close(Duration.ofMillis(300));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
    }

    @Test
    void manyConcurrentInFlightRequestsAreNotLost() throws Exception {
        int n = 100;
        CountDownLatch all = new CountDownLatch(n);
        App app = Express.app();
        app.get("/wait", (req, res) -> {
            all.countDown();
            all.await(10, TimeUnit.SECONDS);
            Thread.sleep(100);
            res.send("done " + req.query("i"));
        });
        TestServer server = TestServer.serve(app);
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                clients.add(server.connect().send("GET /wait?i=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n"));
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            Thread closer = closeInBackground(server, Duration.ofSeconds(10));
            for (int i = 0; i < n; i++) {
                RawResponse r = clients.get(i).read("GET");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("done " + i);
                assertThat(r.header("Connection")).isEqualTo("close");
            }
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
        } finally {
            clients.forEach(RawClient::close);
        }
    }
}
