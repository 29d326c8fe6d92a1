package io.express4j;

import io.express4j.server.WebSocketConnection;
import io.express4j.server.WebSocketEvents;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One WebSocket connection, as a {@link WsHandler} receives it: the npm package ws's {@code WebSocket} on the server
 * side. Callbacks run one at a time in arrival order on a virtual thread (they may block; the next message waits);
 * the {@code send} methods may be called from any thread and block while the client is not reading (backpressure,
 * as {@code res.write}). Pings are answered with pongs automatically, and a client's close frame is answered with
 * the same code before the connection closes.
 */
public final class WebSocket {
    private final WebSocketConnection connection;
    private final String protocol;
    private volatile Consumer<String> onMessage = text -> {};
    private volatile Consumer<byte[]> onBinary = bytes -> {};
    private volatile Consumer<byte[]> onPong = bytes -> {};
    private volatile BiConsumer<Integer, String> onClose = (code, reason) -> {};

    WebSocket(WebSocketConnection connection, String protocol) {
        this.connection = connection;
        this.protocol = protocol;
    }

    /** Sends a text message; blocks while the client is not reading. Throws when the connection is not open. */
    public void send(String text) {
        connection.sendText(Objects.requireNonNull(text, "text"));
    }

    /** Sends a binary message; blocks while the client is not reading. Throws when the connection is not open. */
    public void send(byte[] data) {
        connection.sendBinary(Objects.requireNonNull(data, "data"));
    }

    /** Each text message the client sends, whole (fragments reassembled, UTF-8 checked). */
    public WebSocket onMessage(Consumer<String> listener) {
        this.onMessage = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Each binary message the client sends, whole. */
    public WebSocket onBinary(Consumer<byte[]> listener) {
        this.onBinary = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Each pong the client sends (the answer to {@link #ping}), with its payload. */
    public WebSocket onPong(Consumer<byte[]> listener) {
        this.onPong = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Once, last: the connection has closed. As ws's {@code 'close'} event: the client's close code and reason, 1005
     * when its close frame had no code, 1006 when the connection ended without a close frame from it.
     */
    public WebSocket onClose(BiConsumer<Integer, String> listener) {
        this.onClose = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Starts the closing handshake with {@code code} and {@code reason}; the connection closes when the client
     * answers, or after the close timeout. As ws, the code must be 1000–1014 except 1004–1006, or 3000–4999, and the
     * reason at most 123 bytes of UTF-8. Nothing happens once a close frame has been sent.
     */
    public void close(int code, String reason) {
        String text = reason == null ? "" : reason;
        if (!validCloseCode(code))
            throw new IllegalArgumentException("First argument must be a valid error code number");
        if (text.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("The message must not be greater than 123 bytes");
        }
        connection.close(code, text);
    }

    /** As ws's {@code close()} without arguments: a close frame with no code (the client sees 1005). */
    public void close() {
        connection.close(1005, "");
    }

    /** Drops the connection at once, without the closing handshake (ws's {@code terminate()}). */
    public void terminate() {
        connection.terminate();
    }

    /** Sends a ping with a payload of at most 125 bytes. */
    public void ping(byte[] payload) {
        connection.ping(Objects.requireNonNull(payload, "payload"));
    }

    public void ping() {
        connection.ping(new byte[0]);
    }

    /** Whether messages can still be sent (connected, and no close frame sent). */
    public boolean isOpen() {
        return connection.isOpen();
    }

    /** The subprotocol agreed in the handshake; empty when none (ws's {@code ws.protocol}). */
    public String protocol() {
        return protocol;
    }

    /** After the handler returned: from now on the client's messages reach the callbacks. */
    void start() {
        connection.start(new WebSocketEvents() {
            @Override
            public void onText(String message) {
                onMessage.accept(message);
            }

            @Override
            public void onBinary(byte[] message) {
                onBinary.accept(message);
            }

            @Override
            public void onPong(byte[] payload) {
                onPong.accept(payload);
            }

            @Override
            public void onClose(int code, String reason) {
                onClose.accept(code, reason);
            }
        });
    }

    /** ws's {@code isValidStatusCode}: the codes an endpoint may send. */
    static boolean validCloseCode(int code) {
        return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006
                || code >= 3000 && code <= 4999;
    }
}
