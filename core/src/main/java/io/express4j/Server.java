package io.express4j;

import io.express4j.server.HttpServerEngine;
import java.net.InetSocketAddress;
import java.time.Duration;

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
     * Reads the certificate and key files given to {@link ServerOptions#tls} again, for a renewed certificate
     * (call it from a renewal hook or a timer): handshakes from now on use the new certificate; connections already
     * open keep the one they began with. The files are checked as at {@code listen}; if they fail, this throws and
     * the server keeps serving its current certificate.
     *
     * @throws IllegalStateException      when the server does not use TLS
     * @throws java.io.UncheckedIOException when a file cannot be read
     * @throws IllegalArgumentException   when a file holds the wrong thing or a password is wrong
     */
    public void reloadTls() {
        engine.reloadTls();
    }

    /** {@code "JDK"} or {@code "OPENSSL"}: the TLS implementation serving this server; null in clear text. */
    public String tlsProvider() {
        return engine.tlsProvider();
    }

    /**
     * Node's {@code server.setSecureContext(options)}: switches to another certificate and key (other files, another
     * provider), as {@link #reloadTls()} does.
     */
    public void setSecureContext(TlsOptions tls) {
        engine.replaceTls(tls.toConfig());
    }

    /**
     * The connections open now: Node's {@code server.getConnections()}, returning the count instead of calling back.
     * For gauges such as express4j-micrometer's {@code express4j.connections.open}.
     */
    public int connections() {
        return engine.connections();
    }

    /**
     * Bytes read from the server's connections since it started listening (request heads and bodies as they
     * arrived): Node's {@code socket.bytesRead} summed over the server's sockets, an express4j extension.
     */
    public long bytesRead() {
        return engine.bytesRead();
    }

    /**
     * Bytes written to the server's connections since it started listening (heads, bodies, files), counted as
     * they are queued for the socket as Node's {@code socket.bytesWritten} is, summed over the server's sockets.
     */
    public long bytesWritten() {
        return engine.bytesWritten();
    }

    /**
     * Graceful shutdown with the {@code shutdownTimeout} of the server's options (10 s by default): see
     * {@link #close(Duration)}.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Stops accepting connections and closes the idle ones; in-flight requests finish, and so do requests already
     * received on a connection (pipelined, or a head half way in), their responses saying {@code Connection: close};
     * then each connection closes. Returns once everything is closed, or when the timeout expires, closing what is
     * left.
     */
    public void close(Duration timeout) {
        engine.close(timeout);
    }
}
