package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@code server.connections()} (Node's {@code server.getConnections()}) and {@code server.bytesRead()} /
 * {@code bytesWritten()} (Node's {@code socket.bytesRead} / {@code bytesWritten}, summed over the server).
 */
class ServerConnectionsTest {

    @Test
    void countsTheOpenConnections() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("ok"));
        try (TestServer served = TestServer.serve(app)) {
            Server server = served.server();
            assertThat(server.connections()).isZero();
            try (RawClient a = served.connect();
                    RawClient b = served.connect()) {
                a.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
                b.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
                assertThat(server.connections()).isEqualTo(2);
                a.close();
                awaitInt(server::connections, 1);
            }
            awaitInt(server::connections, 0);
        }
    }

    @Test
    void countsTheBytesReadAndWrittenExactly() {
        App app = Express.app();
        app.post("/echo", Express.text(), (req, res) -> res.send((String) req.body()));
        String request = "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello";
        try (TestServer served = TestServer.serve(app)) {
            Server server = served.server();
            byte[] response;
            try (RawClient client = served.connect()) {
                response = client.send(request).readToClose();
            }
            assertThat(new String(response, StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 200 OK\r\n")
                    .endsWith("\r\n\r\nhello");
            assertThat(server.bytesRead()).isEqualTo(request.length());
            assertThat(server.bytesWritten()).isEqualTo(response.length);
            try (RawClient client = served.connect()) {
                client.send(request).readToClose();
            }
            awaitLong(server::bytesRead, 2L * request.length());
            assertThat(server.bytesWritten()).isEqualTo(2L * response.length);
        }
    }

    /** The server sees a close a moment after the client made it. */
    private static void awaitInt(IntSupplier value, int expected) {
        awaitLong(() -> value.getAsInt(), expected);
    }

    private static void awaitLong(LongSupplier value, long expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsLong() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(value.getAsLong()).isEqualTo(expected);
    }
}
