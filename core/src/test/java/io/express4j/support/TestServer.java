package io.express4j.support;

import io.express4j.App;
import io.express4j.Server;

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
        try (TestServer server = serve(app); RawClient client = server.connect()) {
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
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port());
        all.putAll(headers);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (bytes != null && all.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-length")
                || k.equalsIgnoreCase("transfer-encoding"))) {
            all.put("Content-Length", Integer.toString(bytes.length));
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try (RawClient client = new RawClient(port())) {
            client.send(head.toString().getBytes(StandardCharsets.UTF_8));
            if (bytes != null) client.send(bytes);
            return client.read(method);
        }
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
