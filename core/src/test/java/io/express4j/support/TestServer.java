package io.express4j.support;

import io.express4j.App;
import io.express4j.Server;
import io.express4j.ServerOptions;
import io.express4j.TlsOptions;
import io.express4j.server.HttpServerEngine;
import io.express4j.server.TestAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An app listening on an ephemeral port for one test, or served in process (the same pipeline, no port: what
 * express4j-test's TestClient uses), with supertest-like helpers: each request goes on a fresh connection as
 * {@code METHOD path HTTP/1.1} with a {@code Host} header plus the given ones.
 */
public final class TestServer implements AutoCloseable {
    /** Null in process. */
    private final Server server;
    /** Null on a socket. */
    private final HttpServerEngine engine;

    /** The client side of TLS; null in clear text. */
    private final SSLContext tls;

    private TestServer(Server server, HttpServerEngine engine) {
        this(server, engine, null);
    }

    private TestServer(Server server, HttpServerEngine engine, SSLContext tls) {
        this.server = server;
        this.engine = engine;
        this.tls = tls;
    }

    /**
     * Over TLS with the test certificate ({@link TestCertificates}, PEM) unless {@code options} already has TLS
     * settings; requests go over TLS connections that trust the test CA and check the host name.
     */
    public static TestServer serveTls(App app, ServerOptions options) {
        return new TestServer(
                app.listen(0, "127.0.0.1", options),
                null,
                TestCertificates.get().clientContext());
    }

    /** Over TLS with the test certificate and the default options. */
    public static TestServer serveTls(App app) {
        TestCertificates.Identity id = TestCertificates.get().first;
        return serveTls(app, new ServerOptions().tls(TlsOptions.pem(id.chainPem(), id.keyPem())));
    }

    private TestServer(Server server) {
        this(server, null);
    }

    public static TestServer serve(App app) {
        return new TestServer(app.listen(0, "127.0.0.1"));
    }

    /** Served in process, for tests where the socket does not matter; {@link #port()} and {@link #server()} fail. */
    public static TestServer inProcess(App app) {
        TestAccess.Served served = TestAccess.serve(app, null);
        return new TestServer(null, HttpServerEngine.startInProcess(served.listener(), served.config()));
    }

    /** With server limits and timeouts other than the defaults. */
    public static TestServer serve(App app, ServerOptions options) {
        return new TestServer(app.listen(0, "127.0.0.1", options));
    }

    public Server server() {
        if (server == null) throw new IllegalStateException("served in process: no server");
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
        try (TestServer server = inProcess(app)) {
            return server.request(method, path, headers, body);
        }
    }

    /** Serves {@code app} for the given raw request bytes and returns everything sent until the server closes. */
    public static byte[] rawToClose(App app, String rawRequest) {
        try (TestServer server = inProcess(app);
                RawClient client = server.connect()) {
            return client.send(rawRequest).readToClose();
        }
    }

    public int port() {
        if (server == null) throw new IllegalStateException("served in process: no port");
        return server.port();
    }

    /** The Host header requests carry: {@code 127.0.0.1:port}, or {@code 127.0.0.1} in process. */
    private String host() {
        return server == null ? "127.0.0.1" : "127.0.0.1:" + server.port();
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
        all.put("Host", host());
        all.putAll(headers);
        if (body != null
                && all.keySet().stream()
                        .noneMatch(
                                k -> k.equalsIgnoreCase("content-length") || k.equalsIgnoreCase("transfer-encoding"))) {
            all.put("Content-Length", Integer.toString(body.length));
        }
        try (RawClient client = connect()) {
            client.send(head(method, path, all));
            if (body != null) client.send(body);
            return client.read(method);
        }
    }

    /** A request whose body goes out with {@code Transfer-Encoding: chunked}, one chunk per piece. */
    public RawResponse chunked(String method, String path, Map<String, String> headers, byte[]... pieces) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", host());
        all.putAll(headers);
        all.put("Transfer-Encoding", "chunked");
        try (RawClient client = connect()) {
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
        try (RawClient client = connect()) {
            return client.send(raw).read(method);
        }
    }

    public RawClient connect() {
        if (tls != null) return new RawClient(tlsSocket(tls, port()));
        return server != null ? new RawClient(server.port()) : new RawClient(engine.connect());
    }

    /** A TLS connection to 127.0.0.1, handshake done, the server's certificate checked for that address. */
    public static SSLSocket tlsSocket(SSLContext context, int port, String... alpn) {
        try {
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (alpn.length > 0) params.setApplicationProtocols(alpn);
            socket.setSSLParameters(params);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) server.close();
        else engine.close(Duration.ZERO); // in process nothing waits in a kernel queue
    }
}
