package io.express4j.server;

/**
 * What the server calls for every request, like the callback of Node's {@code http.createServer}. It runs on a
 * virtual thread of its own, so it may block — unless {@link #dispatchOnEventLoop} asks for the event loop; the
 * connection does not dispatch its next (pipelined) request until this exchange's response has been finished.
 */
@FunctionalInterface
public interface RequestListener {
    void onRequest(HttpExchange exchange);

    /**
     * Whether a request with this method (upper case as sent) may reach {@link #onRequest}; others get a bare 501
     * from the server. Every method by default.
     */
    default boolean knowsMethod(String method) {
        return true;
    }

    /**
     * Asked per request: whether {@link #onRequest} runs on the connection's event loop instead of a new virtual
     * thread. It then must not block: the exchange refuses body reads there, and it may move the rest of its work
     * to a virtual thread with {@link HttpExchange#continueOnVirtualThread}. False by default.
     */
    default boolean dispatchOnEventLoop() {
        return false;
    }
}
