package io.express4j.test;

import io.express4j.App;
import io.express4j.ServerOptions;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * supertest for express4j. {@link #of} serves the app in process: every request runs through the same Netty
 * pipeline a socket's bytes would (framing, HEAD, 304, chunked, 100-continue, limits, timeouts), handlers on
 * virtual threads, and no port is opened. {@link #overSocket} serves it on an ephemeral loopback port instead,
 * with the same API; {@link #agent} keeps cookies between requests.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(app);
 * client.get("/users/1").expect(200).expect("Content-Type", "application/json; charset=utf-8");
 * }</pre>
 *
 * Each request goes on a fresh connection, as supertest's do. Close the client to stop its server (an in-process
 * client that is never closed is stopped when it is garbage collected).
 */
public final class TestClient implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Wire wire;
    private final CookieJar cookies;
    private final Cleaner.Cleanable cleanable;
    private volatile Duration timeout = Duration.ofSeconds(30);

    private TestClient(Wire wire, boolean agent) {
        this.wire = wire;
        this.cookies = agent ? new CookieJar() : null;
        this.cleanable = CLEANER.register(this, wire::close);
    }

    /**
     * The app in process: no port, the real pipeline.
     *
     * @param app the app to serve
     * @return a client whose server runs until it is closed
     */
    public static TestClient of(App app) {
        return new TestClient(new InProcessWire(app, null), false);
    }

    /**
     * In process, with server limits and timeouts other than the defaults.
     *
     * @param app the app to serve
     * @return a client whose server runs until it is closed
     * @param options the limits and timeouts, as {@code app.listen} takes them
     */
    public static TestClient of(App app, ServerOptions options) {
        return new TestClient(new InProcessWire(app, options), false);
    }

    /**
     * In process, keeping the cookies responses set and sending them back, as supertest's {@code agent(app)}.
     *
     * @param app the app to serve
     * @return a client whose server runs until it is closed
     */
    public static TestClient agent(App app) {
        return new TestClient(new InProcessWire(app, null), true);
    }

    /**
     * The app listening on an ephemeral loopback port, until the client is closed.
     *
     * @param app the app to serve
     * @return a client whose server runs until it is closed
     */
    public static TestClient overSocket(App app) {
        return new TestClient(new SocketWire(app, null), false);
    }

    /**
     * On an ephemeral loopback port, with server limits and timeouts other than the defaults.
     *
     * @param app the app to serve
     * @return a client whose server runs until it is closed
     * @param options the limits and timeouts, as {@code app.listen} takes them
     */
    public static TestClient overSocket(App app, ServerOptions options) {
        return new TestClient(new SocketWire(app, options), false);
    }

    /**
     * How long a request waits for each part of its answer (30 s by default).
     *
     * @param timeout the longest wait for a byte of the answer
     * @return this client
     */
    public TestClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * A {@code GET} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest get(String path) {
        return request("GET", path);
    }

    /**
     * A {@code POST} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest post(String path) {
        return request("POST", path);
    }

    /**
     * A {@code PUT} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest put(String path) {
        return request("PUT", path);
    }

    /**
     * A {@code PATCH} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest patch(String path) {
        return request("PATCH", path);
    }

    /**
     * A {@code DELETE} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest delete(String path) {
        return request("DELETE", path);
    }

    /**
     * A {@code HEAD} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest head(String path) {
        return request("HEAD", path);
    }

    /**
     * A {@code OPTIONS} request.
     *
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest options(String path) {
        return request("OPTIONS", path);
    }

    /**
     * A request with any method (supertest upper-cases it: so does this).
     *
     * @param method the method, such as {@code PROPFIND}
     * @param path the request target: a path, with a query string if wanted
     * @return the request, sent by its first {@code expect} or {@code response()}
     */
    public TestRequest request(String method, String path) {
        return new TestRequest(this, method.toUpperCase(Locale.ROOT), path);
    }

    /**
     * Sends the bytes on a new connection exactly as given and returns every byte of the answer: once each
     * complete request in them got its final response, or once the server closed. Bytes ending in an incomplete
     * request wait for the server's answer to it, if any, up to the timeout.
     *
     * @param request the bytes to send, as they are
     * @return every byte the server sent back
     */
    public byte[] raw(byte[] request) {
        try {
            return RawExchange.run(wire, request, timeout);
        } catch (IOException e) {
            throw TestRequest.unchecked("raw request", e);
        }
    }

    /**
     * {@link #raw(byte[])} for text (ISO-8859-1) in and out.
     *
     * @param request the request text, each char one byte
     * @return the answer, each byte one char
     */
    public String raw(String request) {
        return new String(raw(request.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    TestResponse exchange(TestRequest request) {
        try (Wire.Connection connection = wire.connect(timeout)) {
            TestResponse response = request.exchange(connection, wire.host(), cookieHeader(request));
            if (cookies != null) {
                cookies.store(response.headers().getOrDefault("set-cookie", List.of()), hostname(), request.pathOnly());
            }
            return response;
        } catch (IOException e) {
            throw TestRequest.unchecked(request.method() + " " + request.target(), e);
        }
    }

    StreamingResponse stream(TestRequest request) {
        Wire.Connection connection = null;
        try {
            connection = wire.connect(timeout);
            ResponseReader reader = ResponseReader.over(connection.input());
            ResponseHead head = request.writeAndReadHead(connection, reader, wire.host(), cookieHeader(request));
            if (cookies != null) cookies.store(head.values("set-cookie"), hostname(), request.pathOnly());
            return new StreamingResponse(head, reader.body(head, request.method()), connection, this);
        } catch (IOException e) {
            if (connection != null) connection.close();
            throw TestRequest.unchecked(request.method() + " " + request.target(), e);
        }
    }

    private String cookieHeader(TestRequest request) {
        return cookies == null ? null : cookies.header(hostname(), request.pathOnly());
    }

    private String hostname() {
        String host = wire.host();
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Stops the app's server (in process: unbinds it; over a socket: closes the port). */
    @Override
    public void close() {
        cleanable.clean();
    }
}
