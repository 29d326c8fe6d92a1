package io.express4j;

import io.express4j.server.HttpServerEngine;

import java.net.InetSocketAddress;

/** A listening server, returned by {@link App#listen}. */
public final class Server implements AutoCloseable {
    private final HttpServerEngine engine;

    Server(HttpServerEngine engine) {
        this.engine = engine;
    }

    /** The bound port (useful after {@code listen(0)}). */
    public int port() {
        return engine.port();
    }

    public InetSocketAddress address() {
        return engine.address();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish, closes idle keep-alive connections, and returns
     * once everything is closed.
     */
    @Override
    public void close() {
        engine.close();
    }
}
