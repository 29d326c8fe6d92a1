package io.express4j;

/**
 * A WebSocket route's handler, {@code app.ws(path, (ws, req) -> …)}: called once the handshake succeeded (the app's
 * middleware ran before it, and the {@code 101 Switching Protocols} is on its way), on the request's virtual thread.
 * It registers callbacks on {@code ws} and may send at once; messages the client sends are delivered after it
 * returns. What it throws is logged and closes the connection with 1011.
 */
@FunctionalInterface
public interface WsHandler {
    void handle(WebSocket ws, Request req) throws Exception;
}
