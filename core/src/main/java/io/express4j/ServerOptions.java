package io.express4j;

import io.express4j.server.ServerConfig;
import java.time.Duration;

/**
 * Limits and timeouts of the HTTP server, for {@code app.listen(port, options)}. The names and defaults follow
 * Node's {@code http.Server} where Node has the setting; {@code 0} (or {@link Duration#ZERO}) means no limit.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>{@code maxHeaderSize}</td><td>16 KiB (Node's)</td><td>431, close</td></tr>
 *   <tr><td>{@code maxRequestLineLength}</td><td>8 KiB (Node folds it into maxHeaderSize)</td><td>414, close</td></tr>
 *   <tr><td>{@code maxHeadersCount}</td><td>100 (Apache httpd's and Tomcat's; Node's 2000 silently drops the
 *       rest instead of refusing)</td><td>431, close</td></tr>
 *   <tr><td>{@code keepAliveTimeout}</td><td>5 s (Node's)</td><td>idle connection closed</td></tr>
 *   <tr><td>{@code headersTimeout}</td><td>60 s (Node's)</td><td>408, close</td></tr>
 *   <tr><td>{@code requestTimeout}</td><td>300 s (Node's)</td><td>408 (or close once the response started)</td></tr>
 *   <tr><td>{@code idleTimeout}</td><td>none (Node's {@code server.timeout})</td><td>connection closed</td></tr>
 *   <tr><td>{@code maxRequestsPerSocket}</td><td>none (Node's)</td><td>last response says
 *       {@code Connection: close}</td></tr>
 *   <tr><td>{@code maxConnections}</td><td>none (Node's)</td><td>new connections closed on accept</td></tr>
 *   <tr><td>{@code maxPipelinedRequests}</td><td>128 (Netty's pipeline depth)</td><td>connection closed after
 *       the current response</td></tr>
 *   <tr><td>{@code shutdownTimeout}</td><td>10 s</td><td>{@code server.close()} closes what is left</td></tr>
 * </table>
 */
public final class ServerOptions {
    private static final ServerConfig DEFAULTS = ServerConfig.defaults();

    private int maxHeaderSize = DEFAULTS.maxHeaderSize();
    private int maxRequestLineLength = DEFAULTS.maxRequestLineLength();
    private int maxHeadersCount = DEFAULTS.maxHeaderCount();
    private Duration keepAliveTimeout = Duration.ofMillis(DEFAULTS.keepAliveTimeoutMillis());
    private Duration headersTimeout = Duration.ofMillis(DEFAULTS.headersTimeoutMillis());
    private Duration requestTimeout = Duration.ofMillis(DEFAULTS.requestTimeoutMillis());
    private Duration idleTimeout = Duration.ofMillis(DEFAULTS.idleTimeoutMillis());
    private int maxRequestsPerSocket = DEFAULTS.maxRequestsPerConnection();
    private int maxConnections = DEFAULTS.maxConnections();
    private int maxPipelinedRequests = DEFAULTS.maxPipelinedRequests();
    private Duration shutdownTimeout = Duration.ofMillis(DEFAULTS.shutdownTimeoutMillis());

    /** Largest request header block in bytes (request line excluded); more gets 431. */
    public ServerOptions maxHeaderSize(int bytes) {
        this.maxHeaderSize = positive(bytes, "maxHeaderSize");
        return this;
    }

    /** Longest request line in bytes; longer gets 414. */
    public ServerOptions maxRequestLineLength(int bytes) {
        this.maxRequestLineLength = positive(bytes, "maxRequestLineLength");
        return this;
    }

    /** Most header lines in a request; more gets 431. */
    public ServerOptions maxHeadersCount(int count) {
        this.maxHeadersCount = positive(count, "maxHeadersCount");
        return this;
    }

    /** How long an idle keep-alive connection stays open; announced as {@code Keep-Alive: timeout=N}. */
    public ServerOptions keepAliveTimeout(Duration timeout) {
        this.keepAliveTimeout = notNegative(timeout, "keepAliveTimeout");
        return this;
    }

    /** Time for a request head to arrive once the connection is ready for it; late gets 408. */
    public ServerOptions headersTimeout(Duration timeout) {
        this.headersTimeout = notNegative(timeout, "headersTimeout");
        return this;
    }

    /** Time for a whole request (head and body) to arrive; late gets 408. */
    public ServerOptions requestTimeout(Duration timeout) {
        this.requestTimeout = notNegative(timeout, "requestTimeout");
        return this;
    }

    /** A connection with no traffic in either direction for this long is closed (Node's {@code server.timeout}). */
    public ServerOptions idleTimeout(Duration timeout) {
        this.idleTimeout = notNegative(timeout, "idleTimeout");
        return this;
    }

    /**
     * Requests served on one connection before it closes; the last response says {@code Connection: close} and
     * every keep-alive response announces {@code Keep-Alive: timeout=N, max=M} (Node's
     * {@code server.maxRequestsPerSocket}).
     */
    public ServerOptions maxRequestsPerSocket(int count) {
        this.maxRequestsPerSocket = notNegative(count, "maxRequestsPerSocket");
        return this;
    }

    /** Open connections at once; further ones are closed as soon as they are accepted. */
    public ServerOptions maxConnections(int count) {
        this.maxConnections = notNegative(count, "maxConnections");
        return this;
    }

    /** Requests a client may send ahead of the one being answered; more close the connection. */
    public ServerOptions maxPipelinedRequests(int count) {
        this.maxPipelinedRequests = notNegative(count, "maxPipelinedRequests");
        return this;
    }

    /** How long {@code server.close()} waits for in-flight requests before closing what is left. */
    public ServerOptions shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = notNegative(timeout, "shutdownTimeout");
        return this;
    }

    ServerConfig toConfig() {
        return new ServerConfig(
                maxRequestLineLength,
                maxHeaderSize,
                maxHeadersCount,
                keepAliveTimeout.toMillis(),
                headersTimeout.toMillis(),
                requestTimeout.toMillis(),
                idleTimeout.toMillis(),
                maxRequestsPerSocket,
                maxConnections,
                maxPipelinedRequests,
                DEFAULTS.bodyHighWaterMark(),
                shutdownTimeout.toMillis());
    }

    private static int positive(int value, String name) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive: " + value);
        return value;
    }

    private static int notNegative(int value, String name) {
        if (value < 0) throw new IllegalArgumentException(name + " must not be negative: " + value);
        return value;
    }

    private static Duration notNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more: " + value);
        }
        return value;
    }
}
