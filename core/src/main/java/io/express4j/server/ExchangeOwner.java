package io.express4j.server;

import io.express4j.log.Logs;
import org.slf4j.Logger;

/**
 * What an {@link HttpExchange} needs from the connection (HTTP/1.1) or stream (HTTP/2) that carries it: its
 * keep-alive state, the hand-over of listener work to virtual threads, and the news that the response is done. One
 * exchange, two transports, so that everything above the wire (Express's semantics) has one code path.
 */
interface ExchangeOwner {
    Logger LOG = Logs.get(ExchangeOwner.class);

    /** Any thread: whether the response being prepared must close the connection (it says so in its head). */
    boolean isClosing();

    /** Whether responses are framed by the HTTP/1.1 codec (chunked bodies), rather than as HTTP/2 frames. */
    boolean http1();

    long keepAliveTimeoutMillis();

    String keepAliveHeader();

    /** Any thread: the rest of an exchange's work, moved off the event loop. */
    void continueOnVirtualThread(HttpExchange exchange, Runnable rest);

    /** Any thread: the exchange sent its 100 Continue, so the body is now owed. */
    void bodyWanted(HttpExchange exchange);

    /** Any thread: the response's last write completed (or failed; then {@code close} is true). */
    void responseFinished(HttpExchange exchange, boolean close);

    /**
     * Event loop, once the 101 is encoded: the connection carries WebSocket frames from now on. Only HTTP/1.1
     * connections get here: an HTTP/2 request carries no {@code Upgrade} (RFC 9113 §8.2.2), and RFC 8441's
     * extended CONNECT is not offered.
     */
    default void switchToWebSocket(WebSocketConnection webSocket) {
        throw new IllegalStateException("WebSocket upgrade on an HTTP/2 stream");
    }

    /** Runs listener code; what it lets escape is logged and drops the exchange unless the response is done. */
    static void run(HttpExchange exchange, Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            // A write to a connection the client (or a timeout, or shutdown) already closed is not a server error.
            if (exchange.isOpen()) LOG.error("request listener failed", t);
            else LOG.debug("request listener failed after the connection closed", t);
            if (!exchange.isFinished()) exchange.abort();
        }
    }

    /** Starts a request's listener on a virtual thread, or on the event loop when the listener asks for it. */
    static void dispatch(RequestListener listener, HttpExchange exchange) {
        if (listener.dispatchOnEventLoop()) run(exchange, () -> listener.onRequest(exchange));
        else Thread.ofVirtual().start(() -> run(exchange, () -> listener.onRequest(exchange)));
    }
}
