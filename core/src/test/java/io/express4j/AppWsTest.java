package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawWebSocket;
import io.express4j.support.TestCertificates;
import io.express4j.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket.Listener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code app.ws(path, handler)} with the JDK's WebSocket client and raw handshakes: routing (params, mounting, the
 * middleware before the upgrade), the handshake's answers (ws 8.23's), messages both ways, close codes.
 */
class AppWsTest {

    /** What the JDK client received: "text:…", "binary:…" (as UTF-8), "close:code:reason". */
    static final class Received implements Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                events.add("text:" + text);
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(java.net.http.WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            events.add("binary:" + new String(bytes, StandardCharsets.UTF_8));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
            events.add("close:" + code + ":" + reason);
            return null;
        }

        String next() throws InterruptedException {
            String event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) throw new AssertionError("nothing received");
            return event;
        }
    }

    private static java.net.http.WebSocket connect(TestServer server, String path, Received listener) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), listener)
                .join();
    }

    private static App echo() {
        App app = Express.app();
        app.ws("/echo", (ws, req) -> {
            ws.onMessage(ws::send);
            ws.onBinary(ws::send);
        });
        return app;
    }

    @Test
    void echoesTextAndBinaryMessages() throws Exception {
        try (TestServer server = TestServer.serve(echo())) {
            Received got = new Received();
            var ws = connect(server, "/echo", got);
            ws.sendText("hello", true).join();
            assertThat(got.next()).isEqualTo("text:hello");
            ws.sendBinary(ByteBuffer.wrap("bytes".getBytes(StandardCharsets.UTF_8)), true)
                    .join();
            assertThat(got.next()).isEqualTo("binary:bytes");
            String big = "x".repeat(200_000);
            ws.sendText(big, true).join();
            assertThat(got.next()).isEqualTo("text:" + big);
            ws.sendClose(1000, "done").join();
            assertThat(got.next()).isEqualTo("close:1000:");
        }
    }

    @Test
    void echoesOverTls() throws Exception {
        TestCertificates.Identity id = TestCertificates.get().first;
        try (TestServer server =
                TestServer.serve(echo(), new ServerOptions().tls(TlsOptions.pem(id.chainPem(), id.keyPem())))) {
            Received got = new Received();
            var ws = HttpClient.newBuilder()
                    .sslContext(TestCertificates.get().clientContext())
                    .build()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create("wss://localhost:" + server.port() + "/echo"), got)
                    .join();
            ws.sendText("secret", true).join();
            assertThat(got.next()).isEqualTo("text:secret");
            ws.sendClose(1000, "").join();
            assertThat(got.next()).isEqualTo("close:1000:");
        }
    }

    @Test
    void routesLikeGetWithParams() throws Exception {
        App app = Express.app();
        app.ws("/chat/:room", (ws, req) -> ws.onMessage(text -> ws.send(req.params("room") + ": " + text)));
        try (TestServer server = TestServer.serve(app)) {
            Received got = new Received();
            connect(server, "/chat/lobby", got).sendText("hi", true).join();
            assertThat(got.next()).isEqualTo("text:lobby: hi");
        }
    }

    @Test
    void routesUnderAMountedRouter() throws Exception {
        Router rooms = Express.router();
        rooms.ws("/:room", (ws, req) -> ws.send(req.baseUrl() + " " + req.params("room") + " " + req.originalUrl()));
        App app = Express.app();
        app.use("/rooms", rooms);
        try (TestServer server = TestServer.serve(app)) {
            Received got = new Received();
            connect(server, "/rooms/blue?x=1", got);
            assertThat(got.next()).isEqualTo("text:/rooms blue /rooms/blue?x=1");
        }
    }

    @Test
    void sendsFromTheHandlerBeforeAnyMessage() throws Exception {
        App app = Express.app();
        app.ws("/hello", (ws, req) -> {
            ws.send("welcome");
            ws.send(new byte[] {'o', 'k'});
        });
        try (TestServer server = TestServer.serve(app)) {
            Received got = new Received();
            connect(server, "/hello", got);
            assertThat(got.next()).isEqualTo("text:welcome");
            assertThat(got.next()).isEqualTo("binary:ok");
        }
    }

    @Test
    void theMiddlewareBeforeRunsAndMayRefuseWithAnHttpAnswer() {
        App app = Express.app();
        app.use((req, res, next) -> {
            if (!"secret".equals(req.get("Authorization"))) res.status(401).send("Unauthorized");
            else next.run();
        });
        app.ws("/private", (ws, req) -> ws.send("in"));
        try (TestServer server = TestServer.serve(app);
                RawWebSocket refused = new RawWebSocket(server.port());
                RawWebSocket allowed = new RawWebSocket(server.port())) {
            String head = refused.handshake("/private", "");
            assertThat(head)
                    .startsWith("HTTP/1.1 401 Unauthorized\r\n")
                    .contains("Content-Type: text/html; charset=utf-8\r\n")
                    .contains("Content-Length: 12\r\n")
                    .doesNotContain("Upgrade");
            assertThat(refused.readBody(12)).isEqualTo("Unauthorized");

            assertThat(allowed.handshake("/private", "Authorization: secret\r\n"))
                    .startsWith("HTTP/1.1 101 ");
            assertThat(allowed.readFrame().text()).isEqualTo("in");
        }
    }

    @Test
    void theHandshakeAnswerIsA101WithTheAcceptKeyAndTheAppsHeaders() {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.set("X-Seen", "1");
            next.run();
        });
        app.ws("/ws", (ws, req) -> {});
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = new RawWebSocket(server.port())) {
            assertThat(client.handshake("/ws", ""))
                    .isEqualTo("HTTP/1.1 101 Switching Protocols\r\n"
                            + "X-Powered-By: express4j\r\n"
                            + "X-Seen: 1\r\n"
                            + "Upgrade: websocket\r\n"
                            + "Connection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + RawWebSocket.ACCEPT + "\r\n\r\n");
        }
    }

    @Test
    void anUpgradeRequestWithoutAWsRouteGetsExpresss404() {
        App app = Express.app();
        app.ws("/ws", (ws, req) -> {});
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = new RawWebSocket(server.port())) {
            String head = client.handshake("/nope", "");
            assertThat(head).startsWith("HTTP/1.1 404 Not Found\r\n").contains("Content-Length: 143\r\n");
            assertThat(client.readBody(143))
                    .isEqualTo("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                            + "<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /nope</pre>\n</body>\n</html>\n");
        }
    }

    @Test
    void aPlainGetOfAWsPathIsAsIfTheRouteWereNotThere() {
        App app = Express.app();
        app.ws("/both", (ws, req) -> ws.send("ws"));
        app.get("/both", (req, res) -> res.send("http"));
        app.get("/plain", (req, res) -> res.send("plain"));
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/both").text()).isEqualTo("http");
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/both")) {
                assertThat(client.readFrame().text()).isEqualTo("ws");
            }
            // an upgrade request for a path with no ws route is an ordinary GET, and a request behind it on the
            // same connection is HTTP again
            try (RawWebSocket client = new RawWebSocket(server.port())) {
                client.send(("GET /plain HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                                + "Sec-WebSocket-Key: " + RawWebSocket.KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n"
                                + "GET /both HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(client.readHead()).startsWith("HTTP/1.1 200 OK\r\n");
                assertThat(client.readBody(5)).isEqualTo("plain");
                assertThat(client.readHead()).startsWith("HTTP/1.1 200 OK\r\n");
                assertThat(client.readBody(4)).isEqualTo("http");
            }
        }
    }

    @Test
    void aBadKeyGetsWssAnswer() {
        App app = Express.app();
        app.ws("/ws", (ws, req) -> {});
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = new RawWebSocket(server.port())) {
            client.send(("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                            + "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = client.readHead();
            assertThat(head)
                    .startsWith("HTTP/1.1 400 Bad Request\r\nX-Powered-By: express4j\r\nConnection: close\r\n"
                            + "Content-Type: text/html\r\nContent-Length: 43\r\nDate: ");
            assertThat(client.readBody(43)).isEqualTo("Missing or invalid Sec-WebSocket-Key header");
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void anUnknownVersionGets400ListingTheVersionsSpoken() {
        App app = Express.app();
        app.ws("/ws", (ws, req) -> {});
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = new RawWebSocket(server.port())) {
            client.send(("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\nUpgrade: WebSocket\r\n"
                            + "Sec-WebSocket-Key: " + RawWebSocket.KEY + "\r\nSec-WebSocket-Version: 12\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = client.readHead();
            assertThat(head)
                    .startsWith("HTTP/1.1 400 Bad Request\r\nX-Powered-By: express4j\r\nConnection: close\r\n"
                            + "Content-Type: text/html\r\nContent-Length: 47\r\n"
                            + "Sec-WebSocket-Version: 13, 8\r\nDate: ");
            assertThat(client.readBody(47)).isEqualTo("Missing or invalid Sec-WebSocket-Version header");
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void picksTheFirstOfferedSubprotocolUnlessToldOtherwise() {
        App app = Express.app();
        app.ws("/first", (ws, req) -> ws.send("[" + ws.protocol() + "]"));
        app.ws(
                "/chosen",
                new WsOptions().handleProtocols((offered, req) -> offered.contains("b") ? "b" : null),
                (ws, req) -> ws.send("[" + ws.protocol() + "]"));
        try (TestServer server = TestServer.serve(app);
                RawWebSocket first = new RawWebSocket(server.port());
                RawWebSocket chosen = new RawWebSocket(server.port());
                RawWebSocket none = new RawWebSocket(server.port());
                RawWebSocket bad = new RawWebSocket(server.port())) {
            assertThat(first.handshake("/first", "Sec-WebSocket-Protocol: a, b\r\n"))
                    .endsWith("Sec-WebSocket-Protocol: a\r\n\r\n");
            assertThat(first.readFrame().text()).isEqualTo("[a]");
            assertThat(chosen.handshake("/chosen", "Sec-WebSocket-Protocol: a, b\r\n"))
                    .endsWith("Sec-WebSocket-Protocol: b\r\n\r\n");
            assertThat(chosen.readFrame().text()).isEqualTo("[b]");
            assertThat(none.handshake("/chosen", "Sec-WebSocket-Protocol: c\r\n"))
                    .startsWith("HTTP/1.1 101 ")
                    .doesNotContain("Sec-WebSocket-Protocol");
            assertThat(none.readFrame().text()).isEqualTo("[]");
            assertThat(bad.handshake("/first", "Sec-WebSocket-Protocol: a, a\r\n"))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("Content-Length: 37\r\n");
            assertThat(bad.readBody(37)).isEqualTo("Invalid Sec-WebSocket-Protocol header");
        }
    }

    @Test
    void theServersCloseCodeReachesTheClientAndTheClientsReachesTheServer() throws Exception {
        BlockingQueue<String> closes = new LinkedBlockingQueue<>();
        App app = Express.app();
        app.ws("/bye", (ws, req) -> ws.onMessage(text -> ws.close(4000, "bye " + text)));
        app.ws("/listen", (ws, req) -> ws.onClose((code, reason) -> closes.add(code + ":" + reason)));
        try (TestServer server = TestServer.serve(app)) {
            Received got = new Received();
            var ws = connect(server, "/bye", got);
            ws.sendText("now", true).join();
            assertThat(got.next()).isEqualTo("close:4000:bye now");

            var other = connect(server, "/listen", new Received());
            other.sendClose(4001, "client leaves").join();
            assertThat(closes.poll(10, TimeUnit.SECONDS)).isEqualTo("4001:client leaves");

            var aborted = connect(server, "/listen", new Received());
            aborted.abort();
            assertThat(closes.poll(10, TimeUnit.SECONDS)).isEqualTo("1006:");
        }
    }

    @Test
    void aFailingHandlerClosesWith1011() throws Exception {
        App app = Express.app();
        app.ws("/fail", (ws, req) -> {
            throw new IllegalStateException("boom");
        });
        app.ws(
                "/fail-later",
                (ws, req) -> ws.onMessage(text -> {
                    throw new IllegalStateException("boom");
                }));
        try (TestServer server = TestServer.serve(app)) {
            Received got = new Received();
            connect(server, "/fail", got);
            assertThat(got.next()).isEqualTo("close:1011:");
            Received later = new Received();
            connect(server, "/fail-later", later).sendText("x", true).join();
            assertThat(later.next()).isEqualTo("close:1011:");
        }
    }

    @Test
    void refusesCloseCodesAndReasonsWsRefuses() {
        App app = Express.app();
        BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
        app.ws("/codes", (ws, req) -> {
            for (int code : List.of(1004, 1005, 1006, 1015, 2999, 5000)) {
                try {
                    ws.close(code, "");
                    outcome.add(code);
                } catch (IllegalArgumentException e) {
                    outcome.add(e.getMessage());
                }
            }
            try {
                ws.close(1000, "é".repeat(62));
            } catch (IllegalArgumentException e) {
                outcome.add(e.getMessage());
            }
            ws.close(1000, "");
            outcome.add(ws.isOpen());
        });
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = RawWebSocket.open(server.port(), "/codes")) {
            RawWebSocket.Frame close = client.readFrame();
            assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1000);
            for (int i = 0; i < 6; i++) {
                assertThat(outcome.poll(5, TimeUnit.SECONDS))
                        .isEqualTo("First argument must be a valid error code number");
            }
            assertThat(outcome.poll(5, TimeUnit.SECONDS)).isEqualTo("The message must not be greater than 123 bytes");
            assertThat(outcome.poll(5, TimeUnit.SECONDS)).isEqualTo(false);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sendingOnAClosedWebSocketThrows() throws Exception {
        BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
        App app = Express.app();
        app.ws(
                "/late",
                (ws, req) -> ws.onClose((code, reason) -> {
                    try {
                        ws.send("too late");
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }));
        try (TestServer server = TestServer.serve(app)) {
            connect(server, "/late", new Received()).sendClose(1000, "").join();
            assertThat(failures.poll(10, TimeUnit.SECONDS)).hasMessageContaining("the WebSocket is not open");
        }
        assertThatThrownBy(() -> Express.app().ws("/x", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
