package io.express4j;

import io.express4j.server.ServerConfig;
import io.express4j.server.TlsConfig;
import java.time.Duration;

/**
 * Limits and timeouts of the HTTP server, for {@code app.listen(port, options)}. The names and defaults follow
 * Node's {@code http.Server} where Node has the setting, except where Node leaves slow clients connected for
 * minutes: the headers timeout is shorter and there are minimum data rates (Kestrel's), so a client that trickles
 * its head or body, sends nothing, or stops reading a response is cut within 30 s. {@code 0} (or
 * {@link Duration#ZERO}) means no limit; Node's behaviour is {@code headersTimeout(Duration.ofSeconds(60))},
 * {@code minRequestBodyDataRate(0, Duration.ZERO)} and {@code minResponseDataRate(0, Duration.ZERO)}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>{@code maxHeaderSize}</td><td>16 KiB (Node's)</td><td>431, close</td></tr>
 *   <tr><td>{@code maxRequestLineLength}</td><td>8 KiB (Node folds it into maxHeaderSize)</td><td>414, close</td></tr>
 *   <tr><td>{@code maxHeadersCount}</td><td>100 (Apache httpd's and Tomcat's; Node's 2000 silently drops the
 *       rest instead of refusing)</td><td>431, close</td></tr>
 *   <tr><td>{@code keepAliveTimeout}</td><td>5 s (Node's)</td><td>idle connection closed</td></tr>
 *   <tr><td>{@code headersTimeout}</td><td>20 s (Tomcat's connection timeout; Node: 60 s)</td><td>408,
 *       close</td></tr>
 *   <tr><td>{@code minRequestBodyDataRate}</td><td>240 bytes/s over each 5 s window (Kestrel's; Node: none)</td>
 *       <td>408 (or close once the response started)</td></tr>
 *   <tr><td>{@code minResponseDataRate}</td><td>240 bytes/s over each 5 s window (Kestrel's; Node: none)</td>
 *       <td>connection closed; a blocked {@code res.write} throws</td></tr>
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
    private long minRequestBodyBytesPerSecond = DEFAULTS.minRequestBodyBytesPerSecond();
    private Duration minRequestBodyRateGrace = Duration.ofMillis(DEFAULTS.minRequestBodyRateGraceMillis());
    private long minResponseBytesPerSecond = DEFAULTS.minResponseBytesPerSecond();
    private Duration minResponseRateGrace = Duration.ofMillis(DEFAULTS.minResponseRateGraceMillis());
    private TlsOptions tls;

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

    /**
     * While the server reads a request body, the client must send at least {@code bytesPerSecond} on average over
     * each {@code gracePeriod} (time the server pauses reading, because the handler has not read what came, does
     * not count); else 408, or a close once the response has started, and the handler's read fails. 0 disables.
     */
    public ServerOptions minRequestBodyDataRate(long bytesPerSecond, Duration gracePeriod) {
        this.minRequestBodyBytesPerSecond = notNegative(bytesPerSecond, "minRequestBodyDataRate");
        this.minRequestBodyRateGrace = rateGrace(bytesPerSecond, gracePeriod);
        return this;
    }

    /**
     * While a response waits on the client (more than the socket's buffers hold), the client must take at least
     * {@code bytesPerSecond} on average over each {@code gracePeriod}; else the connection is closed and a
     * {@code res.write} blocked on it throws. 0 disables.
     */
    public ServerOptions minResponseDataRate(long bytesPerSecond, Duration gracePeriod) {
        this.minResponseBytesPerSecond = notNegative(bytesPerSecond, "minResponseDataRate");
        this.minResponseRateGrace = rateGrace(bytesPerSecond, gracePeriod);
        return this;
    }

    /**
     * Serves HTTPS with this certificate and key (Node's {@code https.createServer}): TLS 1.3 and 1.2, ALPN,
     * {@code req.protocol()} {@code "https"} and {@code req.secure()} true. Every other option applies as over
     * clear text. Null (the default) serves clear-text HTTP.
     */
    public ServerOptions tls(TlsOptions tls) {
        this.tls = tls;
        return this;
    }

    /** The TLS settings, or null in clear text. */
    TlsConfig toTlsConfig() {
        return tls == null ? null : tls.toConfig();
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
                shutdownTimeout.toMillis(),
                minRequestBodyBytesPerSecond,
                minRequestBodyRateGrace.toMillis(),
                minResponseBytesPerSecond,
                minResponseRateGrace.toMillis());
    }

    private static int positive(int value, String name) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive: " + value);
        return value;
    }

    private static int notNegative(int value, String name) {
        if (value < 0) throw new IllegalArgumentException(name + " must not be negative: " + value);
        return value;
    }

    private static long notNegative(long value, String name) {
        if (value < 0) throw new IllegalArgumentException(name + " must not be negative: " + value);
        return value;
    }

    private static Duration rateGrace(long bytesPerSecond, Duration gracePeriod) {
        Duration grace = notNegative(gracePeriod, "gracePeriod");
        if (bytesPerSecond > 0 && grace.toMillis() <= 0) {
            throw new IllegalArgumentException("a minimum data rate needs a grace period: " + gracePeriod);
        }
        return grace;
    }

    private static Duration notNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more: " + value);
        }
        return value;
    }
}
