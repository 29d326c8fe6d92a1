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
        long minResponseRateGraceMillis) {

    public ServerConfig {
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
                8 * 1024, 16 * 1024, 100, 5_000, 20_000, 300_000, 0, 0, 0, 128, 64 * 1024, 10_000, 240, 5_000, 240,
                5_000);
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
