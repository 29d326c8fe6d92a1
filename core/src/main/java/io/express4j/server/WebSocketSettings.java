package io.express4j.server;

/**
 * Limits of one WebSocket connection (public face: {@code io.express4j.WsOptions}, which documents the defaults).
 *
 * @param maxPayload         largest message (and frame) accepted, in bytes; a bigger one closes with 1009
 * @param idleTimeoutMillis  no frame either way for this long closes with 1001; 0 means never
 * @param closeTimeoutMillis how long a close frame waits for the peer's before the connection is dropped
 * @param queuedBytesLimit   received bytes waiting for the handler before the socket stops being read
 */
public record WebSocketSettings(int maxPayload, long idleTimeoutMillis, long closeTimeoutMillis, int queuedBytesLimit) {
    public WebSocketSettings {
        if (maxPayload <= 0 || queuedBytesLimit <= 0) throw new IllegalArgumentException("limits must be positive");
        if (idleTimeoutMillis < 0 || closeTimeoutMillis < 0) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }
}
