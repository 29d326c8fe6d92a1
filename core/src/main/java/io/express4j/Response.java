package io.express4j;

import io.express4j.http.MediaType;
import io.express4j.http.MimeTypes;
import io.express4j.http.StatusCodes;
import io.express4j.server.HttpExchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Express's {@code res}: the methods of Express 5.3's response on top of Node's {@link ServerResponse}. They decide
 * headers and body bytes and then end through the Node layer, in exactly Express's order of steps — which is
 * observable (the ETag survives a 204, the 304 decision uses the ETag just computed).
 */
public final class Response extends ServerResponse {
    private final Map<String, Object> locals = new LinkedHashMap<>();
    Request req;
    App app;
    private volatile boolean async;

    Response(HttpExchange exchange, String requestMethod) {
        super(exchange, requestMethod);
    }

    public Request req() {
        return req;
    }

    public App app() {
        return app;
    }

    /** {@code res.locals}: values for this request's views and later middleware. */
    public Map<String, Object> locals() {
        return locals;
    }

    /**
     * Declares that this response will be ended later, from another thread; without it a handler chain that
     * returns with the response unfinished is ended by the framework (a 500, with a warning).
     */
    public Response async() {
        async = true;
        return this;
    }

    boolean isAsync() {
        return async;
    }

    // ---- status ----

    /** Sets the status; Express 5 rejects codes outside 100–999. */
    public Response status(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("Invalid status code: " + code
                    + ". Status code must be greater than 99 and less than 1000.");
        }
        statusCode(code);
        return this;
    }

    /** Status, its reason phrase as a {@code text/plain} body (the code itself where there is none). */
    public Response sendStatus(int code) {
        String reason = StatusCodes.reason(code);
        status(code);
        type("txt");
        return send(reason == null ? Integer.toString(code) : reason);
    }

    // ---- headers ----

    /**
     * {@code res.set(field, value)}: a {@code Content-Type} value goes through mime's content-type expansion (an
     * extension is looked up; the default charset is appended) — an unknown extension stores the literal
     * {@code false}, as Express does.
     */
    public Response set(String field, String value) {
        if (field.equalsIgnoreCase("Content-Type")) {
            String ct = MimeTypes.contentType(value);
            value = ct == null ? "false" : ct;
        }
        setHeader(field, value);
        return this;
    }

    public Response set(String field, List<String> values) {
        if (field.equalsIgnoreCase("Content-Type")) {
            throw new IllegalArgumentException("Content-Type cannot be set to an Array");
        }
        setHeader(field, values);
        return this;
    }

    /**
     * Express's object form: each entry set as by {@link #set(String, String)}; values are stringified, a list
     * becoming a multi-value header of its elements' strings.
     */
    public Response set(Map<String, ?> fields) {
        fields.forEach((k, v) -> {
            if (v instanceof List<?> list) set(k, list.stream().map(String::valueOf).toList());
            else set(k, String.valueOf(v));
        });
        return this;
    }

    public Response header(String field, String value) {
        return set(field, value);
    }

    public Response header(String field, List<String> values) {
        return set(field, values);
    }

    /** The header's value; several values are joined with {@code ", "}; null when absent. */
    public String get(String field) {
        return headerMap().getString(field);
    }

    /** Adds to a header, keeping what is there (used for {@code Set-Cookie}, {@code Link}, …). */
    public Response append(String field, String value) {
        Object prev = getHeader(field);
        if (prev == null || "".equals(prev)) return set(field, value);
        return append(field, List.of(value));
    }

    /** Adds several values; with no previous value (or an empty one, falsy in Express) it is {@code set}. */
    public Response append(String field, List<String> values) {
        Object prev = getHeader(field);
        if (prev == null || "".equals(prev)) return set(field, values);
        List<String> all = new ArrayList<>(headerMap().getAll(field));
        all.addAll(values);
        return set(field, all);
    }

    /** {@code res.type}: an extension is looked up (unknown → {@code application/octet-stream}). */
    public Response type(String type) {
        String ct = type.indexOf('/') < 0 ? MimeTypes.contentType(type) : type;
        return set("Content-Type", ct == null ? "application/octet-stream" : ct);
    }

    public Response contentType(String type) {
        return type(type);
    }

    private boolean hasContentType() {
        Object ct = getHeader("Content-Type");
        return ct != null && !"false".equals(ct);
    }

    // ---- send ----

    /** {@code res.send()} with no body: no Content-Type, no ETag; Node adds {@code Content-Length: 0}. */
    public Response send() {
        return finish(null);
    }

    /** A string body: {@code text/html} unless a type is set, whose charset becomes utf-8. */
    public Response send(String body) {
        if (body == null) return finish(new byte[0]);
        if (!hasContentType()) type("html");
        Object ct = getHeader("Content-Type");
        if (ct instanceof String s) setHeader("Content-Type", MediaType.withCharset(s, "utf-8"));
        return finish(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Binary: {@code application/octet-stream} unless a type is set, which is kept as it is. */
    public Response send(byte[] body) {
        if (body == null) return finish(new byte[0]);
        if (!hasContentType()) type("bin");
        return finish(body);
    }

    public Response send(ByteBuffer body) {
        if (body == null) return finish(new byte[0]);
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        return send(bytes);
    }

    /**
     * Dispatch by runtime type as Express does: strings and bytes as above, {@code null} is an empty body with no
     * Content-Type, {@link Express#UNDEFINED} is {@link #send()}, anything else (numbers, booleans, maps, lists,
     * records, beans) goes through {@link #json}.
     */
    public Response send(Object body) {
        if (body == null) return finish(new byte[0]);
        if (body == Express.UNDEFINED) return send();
        if (body instanceof CharSequence s) return send(s.toString());
        if (body instanceof byte[] b) return send(b);
        if (body instanceof ByteBuffer b) return send(b);
        return json(body);
    }

    /** Steps 2–7 of Express's {@code res.send}; {@code chunk} null means "no body" (JavaScript's undefined). */
    private Response finish(byte[] chunk) {
        if (headersSent()) throw new IllegalStateException("Cannot set headers after they are sent to the client");
        Function<byte[], String> etagFn = app.etagFunction();
        boolean generateETag = !hasHeader("ETag") && etagFn != null;
        if (chunk != null && !hasHeader("Transfer-Encoding")) {
            setHeader("Content-Length", Integer.toString(chunk.length));
        }
        if (generateETag && chunk != null) {
            String etag = etagFn.apply(chunk);
            if (etag != null && !etag.isEmpty()) setHeader("ETag", etag);
        }
        if (req.fresh()) status(304);
        int status = statusCode();
        if (status == 204 || status == 304) {
            removeHeader("Content-Type");
            removeHeader("Content-Length");
            removeHeader("Transfer-Encoding");
            chunk = new byte[0];
        }
        if (status == 205) {
            setHeader("Content-Length", "0");
            removeHeader("Transfer-Encoding");
            chunk = new byte[0];
        }
        if ("HEAD".equals(requestMethod) || chunk == null) end();
        else end(chunk);
        return this;
    }

    // ---- files ----

    /**
     * {@code res.sendFile(path)}: an absolute path (or one relative to the {@code root} option), with conditional
     * GET, Range and zero-copy transfer; errors go to {@code next(err)}, a directory to {@code next()}.
     */
    public void sendFile(String path) {
        sendFile(path, (SendFileOptions) null);
    }

    public void sendFile(String path, SendFileOptions options) {
        unchecked(() -> FileResponses.sendFile(this, path, options, null));
    }

    /** With a callback, called when the transfer is over, nothing goes to {@code next}: see {@link SendFileCallback}. */
    public void sendFile(String path, SendFileCallback callback) throws Exception {
        FileResponses.sendFile(this, path, null, callback);
    }

    public void sendFile(String path, SendFileOptions options, SendFileCallback callback) throws Exception {
        FileResponses.sendFile(this, path, options, callback);
    }

    /**
     * {@code res.download(path)}: sendFile with {@code Content-Disposition: attachment; filename=…} named after the
     * file (or {@code filename}); a relative path without {@code root} is taken from the working directory.
     */
    public void download(String path) {
        download(path, null, (SendFileOptions) null);
    }

    public void download(String path, String filename) {
        download(path, filename, (SendFileOptions) null);
    }

    public void download(String path, SendFileOptions options) {
        download(path, null, options);
    }

    public void download(String path, String filename, SendFileOptions options) {
        unchecked(() -> FileResponses.download(this, path, filename, options, null));
    }

    public void download(String path, SendFileCallback callback) throws Exception {
        FileResponses.download(this, path, null, null, callback);
    }

    public void download(String path, String filename, SendFileCallback callback) throws Exception {
        FileResponses.download(this, path, filename, null, callback);
    }

    public void download(String path, SendFileOptions options, SendFileCallback callback) throws Exception {
        FileResponses.download(this, path, null, options, callback);
    }

    public void download(String path, String filename, SendFileOptions options, SendFileCallback callback)
            throws Exception {
        FileResponses.download(this, path, filename, options, callback);
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Without a callback nothing checked can come out of a file response; unwrap the declaration. */
    private static void unchecked(Action action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- json ----

    /**
     * {@code res.json(value)} with the app's {@code json spaces}, {@code json replacer} and {@code json escape}. A
     * value that serialises to nothing ({@link Express#UNDEFINED}, or a replacer dropping the root) gets the JSON
     * Content-Type and an empty body, as {@code res.json(undefined)} does.
     */
    public Response json(Object value) {
        String body = app.stringify(value);
        if (!hasContentType()) set("Content-Type", "application/json");
        return body == null ? send() : send(body);
    }

    /** {@code res.json(undefined)}: a JSON Content-Type and an empty body. */
    public Response json() {
        return json(Express.UNDEFINED);
    }
}
