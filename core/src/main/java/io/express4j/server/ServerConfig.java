package io.express4j.server;

/**
 * Limits and timeouts of the HTTP/1.1 server, with defaults close to Node's.
 *
 * @param maxRequestLineLength longest request line accepted (longer → 414)
 * @param maxHeaderSize        largest header block accepted (larger → 431)
 * @param keepAliveTimeoutMillis how long an idle keep-alive connection is kept open (Node: 5 s); it is also
 *                             announced in the {@code Keep-Alive: timeout=N} response header
 * @param bodyHighWaterMark    request body bytes queued for a handler before the socket stops being read
 * @param shutdownTimeoutMillis how long {@code close()} waits for in-flight responses before closing anyway
 */
public record ServerConfig(int maxRequestLineLength, int maxHeaderSize, long keepAliveTimeoutMillis,
                           int bodyHighWaterMark, long shutdownTimeoutMillis) {

    public static ServerConfig defaults() {
        return new ServerConfig(8 * 1024, 16 * 1024, 5_000, 64 * 1024, 10_000);
    }
}
