package io.express4j.test;

import io.express4j.server.TestAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One request, built as supertest builds it ({@code set}, {@code type}, {@code query}, {@code send}), sent on its
 * own connection by the first {@code expect} or by {@link #response()}, then checked: each {@code expect} returns
 * this request so they chain, and a failed one throws an {@link AssertionError} with supertest's message followed
 * by the response (status line, headers, body cut at 1,000 characters).
 *
 * <p>As supertest's, a request carries {@code Host}, {@code Accept-Encoding: gzip, deflate} and {@code Connection:
 * close} unless set; a String body defaults to {@code application/x-www-form-urlencoded}, an Object body is JSON
 * ({@code application/json}), a byte[] body has no Content-Type.
 */
public final class TestRequest {
    private static final Map<String, String> TYPE_SHORTHANDS = Map.of(
            "json", "application/json",
            "form", "application/x-www-form-urlencoded",
            "urlencoded", "application/x-www-form-urlencoded",
            "form-data", "application/x-www-form-urlencoded",
            "html", "text/html",
            "text", "text/plain",
            "xml", "application/xml");

    private final TestClient client;
    private final String method;
    private final String path;
    private final StringBuilder query = new StringBuilder();
    private final List<String[]> fields = new ArrayList<>();
    private Object data;
    private TestResponse response;

    TestRequest(TestClient client, String method, String path) {
        this.client = client;
        this.method = method;
        this.path = path;
    }

    /**
     * Sets a request header, replacing one of the same name (any case).
     *
     * @param field the header's name, sent as written
     * @param value its value
     * @return this request
     */
    public TestRequest set(String field, String value) {
        unsent();
        fields.removeIf(f -> f[0].equalsIgnoreCase(field));
        fields.add(new String[] {field, value});
        return this;
    }

    /**
     * Sets several request headers, as {@link #set(String, String)} each.
     *
     * @param headers name → value
     * @return this request
     */
    public TestRequest set(Map<String, String> headers) {
        headers.forEach(this::set);
        return this;
    }

    /**
     * The Content-Type: superagent's shorthands ({@code json}, {@code form}, {@code urlencoded}, {@code html},
     * {@code text}, {@code xml}), a file extension ({@code png}), or a full type.
     *
     * @param type a shorthand, an extension or a type
     * @return this request
     */
    public TestRequest type(String type) {
        return set("Content-Type", fullType(type));
    }

    /**
     * The Accept header, with the same shorthands as {@link #type}.
     *
     * @param type a shorthand, an extension or a type
     * @return this request
     */
    public TestRequest accept(String type) {
        return set("Accept", fullType(type));
    }

    /** A shorthand's type, a file extension's, or the type as given. */
    private static String fullType(String type) {
        String full = TYPE_SHORTHANDS.get(type);
        if (full == null) full = type.contains("/") ? type : TestAccess.mimeType(type);
        return full != null ? full : type;
    }

    /**
     * Adds {@code name=value} to the query string, both percent-encoded as supertest's qs encodes them.
     *
     * @param name the parameter's name
     * @param value its value
     * @return this request
     */
    public TestRequest query(String name, String value) {
        return query(encode(name) + "=" + encode(value));
    }

    /**
     * Adds a query string as it is.
     *
     * @param queryString such as {@code "a=1&b=2"}, already encoded
     * @return this request
     */
    public TestRequest query(String queryString) {
        unsent();
        if (!queryString.isEmpty()) query.append(query.isEmpty() ? "" : "&").append(queryString);
        return this;
    }

    /**
     * A text body; without a Content-Type it is sent as {@code application/x-www-form-urlencoded}, and a second
     * form string joins the first with {@code &}, as superagent does.
     *
     * @param body the text, sent as UTF-8
     * @return this request
     */
    public TestRequest send(String body) {
        unsent();
        if (contentType() == null) type("form");
        if (data instanceof String earlier) {
            data = isForm() ? earlier + "&" + body : earlier + body;
        } else {
            data = body;
        }
        return this;
    }

    /**
     * A binary body, sent as it is (no Content-Type is added).
     *
     * @param body the bytes (copied)
     * @return this request
     */
    public TestRequest send(byte[] body) {
        unsent();
        data = body.clone();
        return this;
    }

    /**
     * An object body: JSON (maps, lists, records, values) with {@code application/json} unless another type is set;
     * with {@code type("form")} a map is sent form-encoded, as superagent does.
     *
     * @param body the object to send
     * @return this request
     */
    public TestRequest send(Object body) {
        if (body instanceof String s) return send(s);
        if (body instanceof byte[] b) return send(b);
        unsent();
        if (contentType() == null) type("json");
        data = body;
        return this;
    }

    /**
     * Expects this status.
     *
     * @param status the expected status code
     * @return this request, to chain more expectations
     * @throws AssertionError when the response does not match, showing it
     */
    public TestRequest expect(int status) {
        TestResponse r = response();
        if (r.status() != status) {
            fail("expected " + status + " \"" + TestAccess.reasonPhrase(status) + "\", got " + r.status() + " \""
                    + r.statusMessage() + "\"");
        }
        return this;
    }

    /**
     * Expects this body text, exactly.
     *
     * @param body the expected text
     * @return this request, to chain more expectations
     * @throws AssertionError when the response does not match, showing it
     */
    public TestRequest expect(String body) {
        TestResponse r = response();
        if (!r.text().equals(body)) fail("expected '" + body + "' response body, got '" + r.text() + "'");
        return this;
    }

    /**
     * Expects a body text in which this pattern is found.
     *
     * @param body the pattern to find
     * @return this request, to chain more expectations
     * @throws AssertionError when the response does not match, showing it
     */
    public TestRequest expect(Pattern body) {
        TestResponse r = response();
        if (!body.matcher(r.text()).find()) fail("expected body '" + r.text() + "' to match /" + body + "/");
        return this;
    }

    /**
     * Expects this status, then this body text.
     *
     * @param status the expected status code
     * @param body the expected text
     * @return this request, to chain more expectations
     * @throws AssertionError when the response does not match, showing it
     */
    public TestRequest expect(int status, String body) {
        return expect(status).expect(body);
    }

    /**
     * Expects a header with this value; repeated headers are compared joined with ", ".
     *
     * @param field the header's name, in any case
     * @param value the expected value
     * @return this request, to chain more expectations
     * @throws AssertionError when the response does not match, showing it
     */
    public TestRequest expect(String field, String value) {
        String actual = presentHeader(field);
        if (!actual.equals(value)) fail("expected \"" + field + "\" of \"" + value + "\", got \"" + actual + "\"");
        return this;
    }

    /**
     * Expects a header in which this pattern is found.
     *
     * @param field the header's name, in any case
     * @param value the pattern to find in its value
     * @return this request, to chain more expectations
     * @throws AssertionError when the response does not match, showing it
     */
    public TestRequest expect(String field, Pattern value) {
        String actual = presentHeader(field);
        if (!value.matcher(actual).find()) {
            fail("expected \"" + field + "\" matching /" + value + "/, got \"" + actual + "\"");
        }
        return this;
    }

    /**
     * Runs an assertion of the test's own on the response; what it throws reaches the test as it is.
     *
     * @param assertion checks the response
     * @return this request, to chain more expectations
     */
    public TestRequest expect(Consumer<TestResponse> assertion) {
        assertion.accept(response());
        return this;
    }

    /**
     * The response, sending the request first if no {@code expect} did.
     *
     * @return the whole response
     * @throws java.io.UncheckedIOException when the connection fails or the server closes it without answering
     */
    public TestResponse response() {
        if (response == null) response = client.exchange(this);
        return response;
    }

    /**
     * Sends the request and returns the response as soon as its head arrived, its body readable while it is still
     * streaming (server-sent events, long downloads). Close it to close the connection.
     *
     * @return the response, its body still arriving
     */
    public StreamingResponse stream() {
        unsent();
        response = null;
        return client.stream(this);
    }

    String method() {
        return method;
    }

    /** The request target: the path and the query string. */
    String target() {
        if (query.isEmpty()) return path;
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    /** The path without its query, for cookie scopes. */
    String pathOnly() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    boolean expectsContinue() {
        String expect = header("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    /** The head, in supertest's order: the test's headers, then Host, Accept-Encoding, Content-Length, Connection. */
    byte[] head(String host, String cookies, byte[] body) {
        StringBuilder out =
                new StringBuilder(method).append(' ').append(target()).append(" HTTP/1.1\r\n");
        for (String[] f : fields) out.append(f[0]).append(": ").append(f[1]).append("\r\n");
        if (cookies != null && header("Cookie") == null)
            out.append("Cookie: ").append(cookies).append("\r\n");
        if (header("Host") == null) out.append("Host: ").append(host).append("\r\n");
        if (header("Accept-Encoding") == null) out.append("Accept-Encoding: gzip, deflate\r\n");
        if (body != null && header("Content-Length") == null && header("Transfer-Encoding") == null) {
            out.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (header("Connection") == null) out.append("Connection: close\r\n");
        return out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The body bytes, null when nothing was sent. */
    byte[] body() {
        if (data == null) return null;
        if (data instanceof byte[] b) return b;
        if (data instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        if (isForm() && data instanceof Map<?, ?> map) return formEncode(map).getBytes(StandardCharsets.UTF_8);
        return Json.write(data);
    }

    /** Writes the head and body and reads the final response on {@code connection}. */
    TestResponse exchange(Wire.Connection connection, String host, String cookies) throws IOException {
        ResponseReader reader = ResponseReader.over(connection.input());
        ResponseHead head = writeAndReadHead(connection, reader, host, cookies);
        return TestResponse.read(head, reader.body(head, method));
    }

    /** Writes the request; with {@code Expect: 100-continue} the body waits for the server's go-ahead. */
    ResponseHead writeAndReadHead(Wire.Connection connection, ResponseReader reader, String host, String cookies)
            throws IOException {
        byte[] body = body();
        OutputStream out = connection.output();
        IOException writeFailure = null;
        try {
            out.write(head(host, cookies, body));
            out.flush();
            if (body != null && expectsContinue()) {
                ResponseHead first = reader.readHead();
                if (first == null) throw new IOException("connection closed before a response");
                if (first.status() != 100) return first; // refused (417, 413 …) or answered without the body
            }
            if (body != null && body.length > 0) {
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            writeFailure = e; // the server may have answered and closed before reading everything
        }
        ResponseHead head;
        try {
            head = reader.readFinalHead();
        } catch (IOException e) {
            if (writeFailure != null) e.addSuppressed(writeFailure);
            throw e;
        }
        if (head == null) {
            IOException closed = new IOException("connection closed before a response to " + method + " " + target());
            if (writeFailure != null) closed.addSuppressed(writeFailure);
            throw closed;
        }
        return head;
    }

    private String presentHeader(String field) {
        TestResponse r = response();
        String actual = r.header(field);
        if (actual == null) fail("expected \"" + field + "\" header field");
        return actual;
    }

    private void fail(String message) {
        throw new AssertionError(message + "\n\n" + method + " " + target() + " answered:\n" + response.describe());
    }

    private void unsent() {
        if (response != null) throw new IllegalStateException("the request was already sent");
    }

    private String header(String name) {
        for (String[] f : fields) if (f[0].equalsIgnoreCase(name)) return f[1];
        return null;
    }

    private String contentType() {
        return header("Content-Type");
    }

    private boolean isForm() {
        String type = contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String formEncode(Map<?, ?> map) {
        StringBuilder out = new StringBuilder();
        map.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(encode(String.valueOf(k)))
                .append('=')
                .append(encode(Objects.toString(v, ""))));
        return out.toString();
    }

    /** encodeURIComponent minus {@code !'()*}, as qs encodes: only RFC 3986's unreserved characters stay. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    static UncheckedIOException unchecked(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
}
