package io.express4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** {@code Express4jMetrics.bind(server, registry)}: open connections and bytes in and out, over real sockets. */
class Express4jMetricsServerTest {
    private static final String REQUEST = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsOpenConnectionsAndTheBytesOnTheWire() throws Exception {
        App app = Express.app();
        app.get("/hello", (req, res) -> res.send("hello"));
        try (Server server = Express4jMetrics.bind(app.listen(0, "127.0.0.1"), registry)) {
            String port = Integer.toString(server.port());
            DoubleSupplier open = () -> registry.get(Express4jMetrics.OPEN_CONNECTIONS)
                    .tag("port", port)
                    .gauge()
                    .value();
            DoubleSupplier received = () -> registry.get(Express4jMetrics.BYTES_RECEIVED)
                    .tag("port", port)
                    .functionCounter()
                    .count();
            DoubleSupplier sent = () -> registry.get(Express4jMetrics.BYTES_SENT)
                    .tag("port", port)
                    .functionCounter()
                    .count();
            assertThat(open.getAsDouble()).isZero();
            assertThat(registry.get(Express4jMetrics.BYTES_SENT)
                            .functionCounter()
                            .getId()
                            .getBaseUnit())
                    .isEqualTo("bytes");

            try (Socket idle = new Socket("127.0.0.1", server.port())) {
                await(open, 1);
                byte[] response = exchange(server.port());
                assertThat(new String(response, StandardCharsets.ISO_8859_1)).endsWith("\r\n\r\nhello");
                assertThat(received.getAsDouble()).isEqualTo(REQUEST.length());
                assertThat(sent.getAsDouble()).isEqualTo(response.length);
                await(open, 1); // the idle one
            }
            await(open, 0);
        }
    }

    @Test
    void aClientThatLeavesMidResponseHasAnUnknownStatusAndOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        App app = Express.app();
        app.use(Express4jMetrics.middleware(registry));
        app.get("/stream/:id", (req, res) -> {
            res.write("first");
            release.await(10, TimeUnit.SECONDS);
            res.end();
        });
        try (Server server = app.listen(0, "127.0.0.1")) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write("GET /stream/1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = socket.getInputStream();
                StringBuilder seen = new StringBuilder();
                while (!seen.toString().contains("first")) seen.append((char) in.read());
            } // the client leaves while the handler still holds the response
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (registry.find(Express4jMetrics.REQUESTS).timer() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();
            Timer timer = registry.get(Express4jMetrics.REQUESTS).timer();
            assertThat(timer.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()))
                    .containsExactly(
                            "exception=none", "method=GET", "outcome=UNKNOWN", "status=UNKNOWN", "uri=/stream/:id");
            assertThat(timer.count()).isEqualTo(1);
        }
    }

    /** One request on a connection of its own; every byte of the response, read until the server closes. */
    private static byte[] exchange(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }

    private static void await(DoubleSupplier value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsDouble() != expected && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(value.getAsDouble()).isEqualTo(expected);
    }
}
