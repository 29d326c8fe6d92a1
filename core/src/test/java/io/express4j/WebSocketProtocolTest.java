package io.express4j;

import static io.express4j.support.RawWebSocket.BINARY;
import static io.express4j.support.RawWebSocket.CLOSE;
import static io.express4j.support.RawWebSocket.CONTINUATION;
import static io.express4j.support.RawWebSocket.PING;
import static io.express4j.support.RawWebSocket.PONG;
import static io.express4j.support.RawWebSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawWebSocket;
import io.express4j.support.RawWebSocket.Frame;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 at the frame level, with a raw client: fragmentation, ping/pong, the close handshake and its codes,
 * limits (1009), UTF-8 (1007), masking and other protocol errors (1002), backpressure, the idle timeout and
 * shutdown (1001). Every refusal is a close frame with the RFC's code, then the TCP connection closes; the server
 * goes on serving others.
 */
class WebSocketProtocolTest {
    private static final byte[] EMPTY = new byte[0];

    private static App echo(WsOptions options, BlockingQueue<String> closes) {
        App app = Express.app();
        app.ws("/echo", options, (ws, req) -> {
            ws.onMessage(ws::send);
            ws.onBinary(ws::send);
            ws.onPong(payload -> ws.send("pong:" + new String(payload, StandardCharsets.UTF_8)));
            ws.onClose((code, reason) -> closes.add(code + ":" + reason));
        });
        return app;
    }

    private static App echo() {
        return echo(new WsOptions(), new LinkedBlockingQueue<>());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The server's answer to a violation: a close frame with {@code code}, then the end of the connection. */
    private static void assertClosedWith(RawWebSocket client, int code) {
        Frame close = client.readFrame();
        assertThat(close.opcode()).isEqualTo(CLOSE);
        assertThat(close.closeCode()).isEqualTo(code);
        assertThat(client.closedByServer(5_000)).isTrue();
    }

    /** The server still serves: a fresh connection echoes. */
    private static void assertStillServing(TestServer server) {
        try (RawWebSocket other = RawWebSocket.open(server.port(), "/echo")) {
            other.sendText("still here");
            assertThat(other.readFrame().text()).isEqualTo("still here");
        }
    }

    @Test
    void reassemblesFragmentedMessagesWithControlFramesBetween() {
        try (TestServer server = TestServer.serve(echo());
                RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
            client.sendFrame(false, TEXT, utf8("frag"));
            client.sendFrame(false, CONTINUATION, utf8("men"));
            client.sendFrame(true, PING, utf8("between"));
            client.sendFrame(true, CONTINUATION, utf8("ted é"));
            Frame pong = client.readFrame();
            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.text()).isEqualTo("between");
            Frame echoed = client.readFrame();
            assertThat(echoed.fin()).isTrue();
            assertThat(echoed.opcode()).isEqualTo(TEXT);
            assertThat(echoed.text()).isEqualTo("fragmented é");

            client.sendFrame(false, BINARY, new byte[] {1, 2});
            client.sendFrame(true, CONTINUATION, new byte[] {3});
            Frame binary = client.readFrame();
            assertThat(binary.opcode()).isEqualTo(BINARY);
            assertThat(binary.payload()).containsExactly(1, 2, 3);

            client.sendFrame(true, TEXT, EMPTY);
            assertThat(client.readFrame().payload()).isEmpty();
        }
    }

    @Test
    void answersPingsWithTheirPayloadAndPassesPongsToTheHandler() {
        App app = Express.app();
        app.ws("/ping", (ws, req) -> {
            ws.onPong(payload -> ws.send("pong:" + new String(payload, StandardCharsets.UTF_8)));
            ws.onMessage(text -> ws.ping(utf8(text)));
        });
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = RawWebSocket.open(server.port(), "/ping")) {
            client.sendFrame(true, PING, utf8("abc"));
            Frame pong = client.readFrame();
            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.text()).isEqualTo("abc");

            client.sendText("are you there");
            Frame ping = client.readFrame();
            assertThat(ping.opcode()).isEqualTo(PING);
            assertThat(ping.text()).isEqualTo("are you there");
            client.sendFrame(true, PONG, ping.payload());
            assertThat(client.readFrame().text()).isEqualTo("pong:are you there");
        }
    }

    @Test
    void answersTheClientsCloseWithItsCodeThenCloses() throws Exception {
        BlockingQueue<String> closes = new LinkedBlockingQueue<>();
        try (TestServer server = TestServer.serve(echo(new WsOptions(), closes))) {
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                client.sendFrame(true, CLOSE, RawWebSocket.closePayload(1000, "bye"));
                Frame answer = client.readFrame();
                assertThat(answer.opcode()).isEqualTo(CLOSE);
                assertThat(answer.payload()).containsExactly(0x03, 0xe8); // 1000, no reason, as ws answers
                assertThat(client.closedByServer(5_000)).isTrue();
                assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1000:bye");
            }
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                client.sendFrame(true, CLOSE, EMPTY);
                Frame answer = client.readFrame();
                assertThat(answer.opcode()).isEqualTo(CLOSE);
                assertThat(answer.payload()).isEmpty();
                assertThat(client.closedByServer(5_000)).isTrue();
                assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1005:");
            }
        }
    }

    @Test
    void messagesBeforeTheClientsCloseAreHandledBeforeTheAnswer() {
        try (TestServer server = TestServer.serve(echo());
                RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
            byte[] message = RawWebSocket.frame(true, TEXT, utf8("last words"));
            byte[] close = RawWebSocket.frame(true, CLOSE, RawWebSocket.closePayload(1000, ""));
            byte[] both = new byte[message.length + close.length];
            System.arraycopy(message, 0, both, 0, message.length);
            System.arraycopy(close, 0, both, message.length, close.length);
            client.send(both);
            assertThat(client.readFrame().text()).isEqualTo("last words");
            assertClosedWith(client, 1000);
        }
    }

    @Test
    void aServerCloseWaitsForTheClientsAnswerThenCloses() throws Exception {
        BlockingQueue<String> closes = new LinkedBlockingQueue<>();
        App app = Express.app();
        app.ws("/close", (ws, req) -> {
            ws.onClose((code, reason) -> closes.add(code + ":" + reason));
            ws.close(4321, "done");
        });
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = RawWebSocket.open(server.port(), "/close")) {
            Frame close = client.readFrame();
            assertThat(close.closeCode()).isEqualTo(4321);
            assertThat(close.closeReason()).isEqualTo("done");
            assertThat(client.closedByServer(300)).isFalse(); // the handshake is not over yet
            client.sendFrame(true, CLOSE, RawWebSocket.closePayload(4321, ""));
            assertThat(client.closedByServer(5_000)).isTrue();
            assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("4321:");
        }
    }

    @Test
    void aClientThatNeverAnswersTheCloseIsDroppedAfterTheCloseTimeout() throws Exception {
        BlockingQueue<String> closes = new LinkedBlockingQueue<>();
        App app = Express.app();
        app.ws("/close", new WsOptions().closeTimeout(Duration.ofMillis(200)), (ws, req) -> {
            ws.onClose((code, reason) -> closes.add(code + ":" + reason));
            ws.close(1000, "");
        });
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = RawWebSocket.open(server.port(), "/close")) {
            assertThat(client.readFrame().closeCode()).isEqualTo(1000);
            assertThat(client.closedByServer(10_000)).isTrue();
            assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1006:");
        }
    }

    @Test
    void aMessageOverMaxPayloadCloses1009() {
        WsOptions small = new WsOptions().maxPayload(1024);
        try (TestServer server = TestServer.serve(echo(small, new LinkedBlockingQueue<>()))) {
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                client.sendFrame(true, BINARY, new byte[1024]);
                assertThat(client.readFrame().payload()).hasSize(1024);
                client.sendFrame(true, BINARY, new byte[1025]);
                assertClosedWith(client, 1009);
            }
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                // each fragment fits; together they do not
                client.sendFrame(false, TEXT, utf8("a".repeat(600)));
                client.sendFrame(true, CONTINUATION, utf8("b".repeat(600)));
                assertClosedWith(client, 1009);
            }
            assertStillServing(server);
        }
    }

    @Test
    void theDefaultMaxPayloadIs16MiB() {
        try (TestServer server = TestServer.serve(echo());
                RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
            // the head of a frame one byte too long is enough: the server refuses before the payload comes
            byte[] head = RawWebSocket.frame(true, 0, BINARY, new byte[70_000], true);
            int length = 16 * 1024 * 1024 + 1;
            for (int i = 0; i < 8; i++) head[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            client.send(java.util.Arrays.copyOf(head, 2 + 8 + 4));
            assertClosedWith(client, 1009);
        }
    }

    @Test
    void invalidUtf8InATextMessageCloses1007() {
        try (TestServer server = TestServer.serve(echo())) {
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                client.sendFrame(true, TEXT, new byte[] {'a', (byte) 0xc3, (byte) 0x28});
                assertClosedWith(client, 1007);
            }
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                // a code point split between fragments is fine; an invalid one in a later fragment is not
                client.sendFrame(false, TEXT, new byte[] {(byte) 0xc3});
                client.sendFrame(false, CONTINUATION, new byte[] {(byte) 0xa9});
                client.sendFrame(true, CONTINUATION, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
                assertClosedWith(client, 1007);
            }
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                client.sendFrame(true, CLOSE, new byte[] {0x03, (byte) 0xe8, (byte) 0xff});
                assertClosedWith(client, 1007);
            }
            assertStillServing(server);
        }
    }

    @Test
    void anUnmaskedClientFrameCloses1002() {
        try (TestServer server = TestServer.serve(echo());
                RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
            client.send(RawWebSocket.frame(true, 0, TEXT, utf8("plain"), false));
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void otherProtocolErrorsClose1002() {
        byte[][] violations = {
            RawWebSocket.frame(true, 1, TEXT, utf8("rsv"), true), // RSV bit without an extension
            RawWebSocket.frame(true, 0, 3, utf8("x"), true), // reserved data opcode
            RawWebSocket.frame(true, 0, 11, EMPTY, true), // reserved control opcode
            RawWebSocket.frame(false, 0, PING, EMPTY, true), // fragmented control frame
            RawWebSocket.frame(true, 0, PING, new byte[126], true), // control payload over 125
            RawWebSocket.frame(true, 0, CONTINUATION, utf8("x"), true), // continuation with nothing to continue
            RawWebSocket.frame(true, 0, CLOSE, RawWebSocket.closePayload(5000, ""), true), // beyond 4999
            RawWebSocket.frame(true, 0, CLOSE, RawWebSocket.closePayload(65535, ""), true),
            RawWebSocket.frame(true, 0, CLOSE, new byte[] {0x03}, true), // close payload of one byte
            RawWebSocket.frame(true, 0, CLOSE, RawWebSocket.closePayload(1005, ""), true), // reserved code
            RawWebSocket.frame(true, 0, CLOSE, RawWebSocket.closePayload(999, ""), true),
        };
        try (TestServer server = TestServer.serve(echo())) {
            for (byte[] violation : violations) {
                try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                    client.send(violation);
                    Frame close = client.readFrame();
                    assertThat(close.opcode()).isEqualTo(CLOSE);
                    assertThat(close.closeCode())
                            .as("close code after %02x %02x", violation[0], violation[1])
                            .isEqualTo(1002);
                    assertThat(client.closedByServer(5_000)).isTrue();
                }
            }
            try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
                client.sendFrame(false, TEXT, utf8("a"));
                client.sendFrame(true, TEXT, utf8("b")); // a new message inside a fragmented one
                assertClosedWith(client, 1002);
            }
            assertStillServing(server);
        }
    }

    @Test
    void messagesBeforeAViolationAreHandledBeforeTheClose() {
        try (TestServer server = TestServer.serve(echo());
                RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
            // one write: a good message, a frame with an RSV bit, a ping; only the first is answered
            byte[] good = RawWebSocket.frame(true, TEXT, utf8("Hello, world!"));
            byte[] bad = RawWebSocket.frame(true, 2, TEXT, utf8("Hello, world!"), true);
            byte[] ping = RawWebSocket.frame(true, PING, EMPTY);
            byte[] all = new byte[good.length + bad.length + ping.length];
            System.arraycopy(good, 0, all, 0, good.length);
            System.arraycopy(bad, 0, all, good.length, bad.length);
            System.arraycopy(ping, 0, all, good.length + bad.length, ping.length);
            client.send(all);
            assertThat(client.readFrame().text()).isEqualTo("Hello, world!");
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void sendBlocksWhileThePeerDoesNotRead() throws Exception {
        int messages = 400;
        byte[] chunk = new byte[64 * 1024];
        AtomicInteger sent = new AtomicInteger();
        App app = Express.app();
        app.ws("/flood", (ws, req) -> {
            for (int i = 0; i < messages; i++) {
                ws.send(chunk);
                sent.incrementAndGet();
            }
        });
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = new RawWebSocket(server.port(), 16 * 1024)) {
            assertThat(client.handshake("/flood", "")).startsWith("HTTP/1.1 101 ");
            // the sender stops once the socket buffers and the channel's high-water mark are full
            int before;
            do {
                before = sent.get();
                Thread.sleep(300);
            } while (sent.get() != before);
            assertThat(sent.get()).isLessThan(messages / 2); // 25 MiB would be queued otherwise
            for (int i = 0; i < messages; i++)
                assertThat(client.readFrame().payload()).hasSize(chunk.length);
            assertThat(sent.get()).isEqualTo(messages);
        }
    }

    @Test
    void anIdleConnectionCloses1001() {
        App app = Express.app();
        app.ws("/idle", new WsOptions().idleTimeout(Duration.ofMillis(300)), (ws, req) -> ws.onMessage(ws::send));
        try (TestServer server = TestServer.serve(app);
                RawWebSocket client = RawWebSocket.open(server.port(), "/idle")) {
            client.sendText("one");
            assertThat(client.readFrame().text()).isEqualTo("one");
            Frame close = client.readFrame();
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(close.closeReason()).isEqualTo("idle timeout");
            client.sendFrame(true, CLOSE, RawWebSocket.closePayload(1001, ""));
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void serverCloseSaysGoingAway() {
        TestServer server = TestServer.serve(echo());
        try (RawWebSocket client = RawWebSocket.open(server.port(), "/echo")) {
            Thread closer = Thread.ofVirtual().start(server::close);
            Frame close = client.readFrame();
            assertThat(close.closeCode()).isEqualTo(1001);
            client.sendFrame(true, CLOSE, RawWebSocket.closePayload(1001, ""));
            assertThat(client.closedByServer(5_000)).isTrue();
            closer.join(15_000);
            assertThat(closer.isAlive()).isFalse();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void framesSentRightAfterTheHandshakeAreNotLost() {
        try (TestServer server = TestServer.serve(echo());
                RawWebSocket client = new RawWebSocket(server.port())) {
            // request and first frame in one write: the frame must reach the handler, not the HTTP decoder
            byte[] head = ("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                            + "Sec-WebSocket-Key: " + RawWebSocket.KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] frame = RawWebSocket.frame(true, TEXT, utf8("early"));
            byte[] both = new byte[head.length + frame.length];
            System.arraycopy(head, 0, both, 0, head.length);
            System.arraycopy(frame, 0, both, head.length, frame.length);
            client.send(both);
            assertThat(client.readHead()).startsWith("HTTP/1.1 101 ");
            assertThat(client.readFrame().text()).isEqualTo("early");
        }
    }
}
