package io.express4j.server;

/**
 * What a {@link WebSocketConnection} tells its owner, one call at a time and in arrival order, on a virtual thread
 * (so a callback may block; the next message waits for it).
 */
public interface WebSocketEvents {
    void onText(String message);

    void onBinary(byte[] message);

    void onPong(byte[] payload);

    /**
     * The connection is closed: {@code code} is the peer's close code (1005 when its close frame had none, 1006
     * when the connection ended without one), {@code reason} its reason (empty when none). Called once, last.
     */
    void onClose(int code, String reason);
}
