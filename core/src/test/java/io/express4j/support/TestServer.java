package io.express4j.support;

import io.express4j.App;
import io.express4j.Server;
import io.express4j.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app listening on an ephemeral port for one test, with supertest-like helpers: each request goes on a fresh
 * connection as {@code METHOD path HTTP/1.1} with a {@code Host} header plus the given ones.
 */
public final class TestServer implements AutoCloseable {
    private final Server server;

    private TestServer(Server server) {
        this.server = server;
    }

    public static TestServer serve(App app) {
        return new TestServer(app.listen(0, "127.0.0.1"));
    }

    /** With server limits and timeouts other than the defaults. */
    public static TestServer serve(App app, ServerOptions options) {
        return new TestServer(app.listen(0, "127.0.0.1", options));
    }

    public Server server() {
        return server;
    }

    /** Serves {@code app} for one request on a fresh connection and stops it again. */
    public static RawResponse once(App app, String method, String path) {
        return once(app, method, path, Map.of(), null);
    }

    public static RawResponse once(App app, String method, String path, Map<String, String> headers) {
        return once(app, method, path, headers, null);
    }

    public static RawResponse once(App app, String method, String path, Map<String, String> headers, String body) {
        try (TestServer server = serve(app)) {
            return server.request(method, path, headers, body);
        }
    }

    /** Serves {@code app} for the given raw request bytes and returns everything sent until the server closes. */
    public static byte[] rawToClose(App app, String rawRequest) {
        try (TestServer server = serve(app);
                RawClient client = server.connect()) {
            return client.send(rawRequest).readToClose();
        }
    }

    public int port() {
        return server.port();
    }

    public RawResponse get(String path) {
        return request("GET", path);
    }

    public RawResponse head(String path) {
        return request("HEAD", path);
    }

    public RawResponse request(String method, String path) {
        return request(method, path, Map.of(), null);
    }

    public RawResponse request(String method, String path, Map<String, String> headers) {
        return request(method, path, headers, null);
    }

    /** A request with headers and an optional body (sent with its Content-Length unless one is given). */
    public RawResponse request(String method, String path, Map<String, String> headers, String body) {
        return requestBytes(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A request with a binary body, sent with its Content-Length unless a Content-Length or Transfer-Encoding
     * header is given (then the bytes go out exactly as given).
     */
    public RawResponse requestBytes(String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port());
        all.putAll(headers);
        if (body != null
                && all.keySet().stream()
                        .noneMatch(
                                k -> k.equalsIgnoreCase("content-length") || k.equalsIgnoreCase("transfer-encoding"))) {
            all.put("Content-Length", Integer.toString(body.length));
        }
        try (RawClient client = new RawClient(port())) {
            client.send(head(method, path, all));
            if (body != null) client.send(body);
            return client.read(method);
        }
    }

    /** A request whose body goes out with {@code Transfer-Encoding: chunked}, one chunk per piece. */
    public RawResponse chunked(String method, String path, Map<String, String> headers, byte[]... pieces) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port());
        all.putAll(headers);
        all.put("Transfer-Encoding", "chunked");
        try (RawClient client = new RawClient(port())) {
            client.send(head(method, path, all));
            for (byte[] piece : pieces) {
                if (piece.length == 0) continue;
                client.send((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                client.send(piece);
                client.send("\r\n");
            }
            client.send("0\r\n\r\n");
            return client.read(method);
        }
    }

    private static byte[] head(String method, String path, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends raw bytes on a new connection and reads one response to the given method. */
    public RawResponse raw(String method, String raw) {
        try (RawClient client = new RawClient(port())) {
            return client.send(raw).read(method);
        }
    }

    public RawClient connect() {
        return new RawClient(port());
    }

    @Override
    public void close() {
        server.close();
    }
}
