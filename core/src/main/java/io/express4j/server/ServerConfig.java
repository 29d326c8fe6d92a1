package io.express4j.server;

/**
 * Limits and timeouts of the HTTP/1.1 server (public face: {@code io.express4j.ServerOptions}, which documents each
 * default). A timeout or count of 0 means "no limit".
 *
 * @param maxRequestLineLength      longest request line accepted (longer → 414)
 * @param maxHeaderSize             largest header block accepted, request line excluded (larger → 431)
 * @param maxHeaderCount            most header lines accepted (more → 431)
 * @param keepAliveTimeoutMillis    how long an idle keep-alive connection is kept open; also announced in
 *                                  {@code Keep-Alive: timeout=N}
 * @param headersTimeoutMillis      time allowed for a request head to arrive, from when the connection became ready
 *                                  for it (→ 408 and close)
 * @param requestTimeoutMillis      time allowed for a whole request (head and body) to arrive (→ 408 and close)
 * @param idleTimeoutMillis         a connection with no traffic either way for this long is closed
 * @param maxRequestsPerConnection  requests served on one connection before it is closed
 * @param maxConnections            open connections at once; more are closed as soon as they are accepted
 * @param maxPipelinedRequests      requests received ahead of the one being answered; more close the connection
 * @param bodyHighWaterMark         request body bytes queued for a handler before the socket stops being read
 * @param shutdownTimeoutMillis     how long {@code close()} waits for in-flight responses before closing anyway
 * @param minRequestBodyBytesPerSecond  request body bytes per second the client must send, measured over each
 *                                  grace period while the server reads it (too slow → 408, or close once the
 *                                  response started); 0 disables
 * @param minRequestBodyRateGraceMillis the window of that measure
 * @param minResponseBytesPerSecond response bytes per second the client must take while the server waits on it
 *                                  (too slow → close); 0 disables
 * @param minResponseRateGraceMillis the window of that measure
 * @param http2                     clear-text connections may speak HTTP/2 (h2c: prior knowledge and
 *                                  {@code Upgrade: h2c}), besides HTTP/1.1
 * @param http2MaxConcurrentStreams streams a client may have open at once on one HTTP/2 connection
 *                                  ({@code SETTINGS_MAX_CONCURRENT_STREAMS}); more are refused
 * @param http2MaxResetsPerWindow   RST_STREAM frames a client may send in 30 s before the connection is closed
 *                                  (rapid reset, CVE-2023-44487)
 */
public record ServerConfig(
        int maxRequestLineLength,
        int maxHeaderSize,
        int maxHeaderCount,
        long keepAliveTimeoutMillis,
        long headersTimeoutMillis,
        long requestTimeoutMillis,
        long idleTimeoutMillis,
        int maxRequestsPerConnection,
        int maxConnections,
        int maxPipelinedRequests,
        int bodyHighWaterMark,
        long shutdownTimeoutMillis,
        long minRequestBodyBytesPerSecond,
        long minRequestBodyRateGraceMillis,
        long minResponseBytesPerSecond,
        long minResponseRateGraceMillis,
        boolean http2,
        int http2MaxConcurrentStreams,
        int http2MaxResetsPerWindow) {

    /** HTTP/2 streams open at once on one connection by default: nginx's and Jetty's default, Node's is unbounded. */
    public static final int DEFAULT_HTTP2_MAX_CONCURRENT_STREAMS = 128;

    /** Resets allowed per 30 s by default: Netty's server default since the rapid-reset fix. */
    public static final int DEFAULT_HTTP2_MAX_RESETS_PER_WINDOW = 200;

    public ServerConfig {
        if (http2MaxConcurrentStreams <= 0 || http2MaxResetsPerWindow <= 0) {
            throw new IllegalArgumentException("HTTP/2 stream and reset limits must be positive");
        }
        if (maxRequestLineLength <= 0 || maxHeaderSize <= 0 || maxHeaderCount <= 0 || bodyHighWaterMark <= 0) {
            throw new IllegalArgumentException("request line, header and body limits must be positive");
        }
        if (keepAliveTimeoutMillis < 0
                || headersTimeoutMillis < 0
                || requestTimeoutMillis < 0
                || idleTimeoutMillis < 0
                || shutdownTimeoutMillis < 0
                || maxRequestsPerConnection < 0
                || maxConnections < 0
                || maxPipelinedRequests < 0
                || minRequestBodyBytesPerSecond < 0
                || minResponseBytesPerSecond < 0) {
            throw new IllegalArgumentException("timeouts and counts must not be negative");
        }
        if (minRequestBodyBytesPerSecond > 0 && minRequestBodyRateGraceMillis <= 0
                || minResponseBytesPerSecond > 0 && minResponseRateGraceMillis <= 0) {
            throw new IllegalArgumentException("a minimum data rate needs a grace period");
        }
    }

    /**
     * Node's limits, except for slow clients: a 20 s headers timeout (Node: 60 s; Tomcat's connection timeout) and
     * Kestrel's minimum data rates, 240 bytes/s over 5 s windows (Node has none), so that a client trickling its
     * head or body, or one that sends nothing, is cut well within 30 s.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(
                8 * 1024,
                16 * 1024,
                100,
                5_000,
                20_000,
                300_000,
                0,
                0,
                0,
                128,
                64 * 1024,
                10_000,
                240,
                5_000,
                240,
                5_000,
                false,
                DEFAULT_HTTP2_MAX_CONCURRENT_STREAMS,
                DEFAULT_HTTP2_MAX_RESETS_PER_WINDOW);
    }

    /**
     * The {@code Keep-Alive} response header: {@code timeout=5}, with {@code , max=N} when requests are capped; null
     * (no header) without a keep-alive timeout, as in Node.
     */
    String keepAliveHeader() {
        if (keepAliveTimeoutMillis == 0) return null;
        String timeout = "timeout=" + keepAliveTimeoutMillis / 1000;
        return maxRequestsPerConnection > 0 ? timeout + ", max=" + maxRequestsPerConnection : timeout;
    }
}
