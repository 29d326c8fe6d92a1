package io.express4j;

import io.express4j.http.ContentDisposition;
import io.express4j.http.EncodeUrl;
import io.express4j.http.ExpressCookies;
import io.express4j.http.MediaType;
import io.express4j.http.MimeTypes;
import io.express4j.http.NodePath;
import io.express4j.http.StatusCodes;
import io.express4j.http.Vary;
import io.express4j.server.HttpExchange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
public final class Response extends ServerResponse<Response> {
    private static final String HTML_UTF8 = "text/html; charset=utf-8";
    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    private Map<String, Object> locals;
    Request req;
    private volatile boolean async;

    Response(HttpExchange exchange, String requestMethod) {
        super(exchange, requestMethod);
    }

    public Request req() {
        return req;
    }

    /** {@code res.app}: always the same app as {@code req.app}. */
    public App app() {
        return req.routing.app;
    }

    /** {@code res.locals}: values for this request's views and later middleware. */
    public Map<String, Object> locals() {
        if (locals == null) locals = new LinkedHashMap<>(); // most responses never use it
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
            throw new IllegalArgumentException(
                    "Invalid status code: " + code + ". Status code must be greater than 99 and less than 1000.");
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
            if (v instanceof List<?> list)
                set(k, list.stream().map(String::valueOf).toList());
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

    boolean hasContentType() {
        Object ct = getHeader("Content-Type");
        return ct != null && !"false".equals(ct);
    }

    // ---- server-sent events ----

    /**
     * Starts a server-sent event stream: {@code Content-Type: text/event-stream}, {@code Cache-Control: no-cache}
     * (unless set), the head sent at once and the body chunked; a heartbeat comment after every
     * {@link SseStream#DEFAULT_HEARTBEAT} of quiet. The response stays open after the handler returns (as with
     * {@link #async()}) until the stream is closed or the client leaves.
     */
    public SseStream sse() {
        return sse(SseStream.DEFAULT_HEARTBEAT);
    }

    /** {@link #sse()} with another heartbeat interval; {@link Duration#ZERO} sends none. */
    public SseStream sse(Duration heartbeat) {
        return SseStream.open(this, heartbeat);
    }

    // ---- send ----

    /** {@code res.send()} with no body: no Content-Type, no ETag; Node adds {@code Content-Length: 0}. */
    public Response send() {
        return finish(null);
    }

    /** A string body: {@code text/html} unless a type is set, whose charset becomes utf-8. */
    public Response send(String body) {
        if (body == null) return finish(new byte[0]);
        if (!hasContentType()) {
            setComputedHeader("Content-Type", HTML_UTF8); // what type("html") then the charset rewrite yields
        } else if (getHeader("Content-Type") instanceof String s) {
            setHeader("Content-Type", MediaType.withCharset(s, "utf-8"));
        }
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
        Function<byte[], String> etagFn = app().etagFunction();
        boolean generateETag = !hasHeader("ETag") && etagFn != null;
        if (chunk != null && !hasHeader("Transfer-Encoding")) {
            setComputedHeader("Content-Length", Integer.toString(chunk.length));
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
        String body = app().stringify(value);
        if (!hasContentType()) setComputedHeader("Content-Type", JSON_UTF8); // set("Content-Type", "application/json")
        return body == null ? send() : send(body);
    }

    /** {@code res.json(undefined)}: a JSON Content-Type and an empty body. */
    public Response json() {
        return json(Express.UNDEFINED);
    }

    /** {@code res.jsonp(value)}: JSON, or a JavaScript call when the request names a callback (see {@link Jsonp}). */
    public Response jsonp(Object value) {
        String body = Jsonp.body(req, this, app().stringify(value));
        return send(body);
    }

    /** {@code res.jsonp(undefined)}: an empty body, or a callback called with no argument. */
    public Response jsonp() {
        String body = Jsonp.body(req, this, null);
        return body == null ? send() : send(body);
    }

    // ---- negotiation, links, redirects ----

    /**
     * {@code res.format(handlers)}: runs the handler of the best-accepted key (MIME types or extensions, in the
     * map's iteration order for ties — use a {@link LinkedHashMap}, or {@link #format(Formats)}) after setting its
     * Content-Type; the {@code "default"} entry runs when none is acceptable, else {@code next} gets a 406
     * {@link NotAcceptableError}. Always adds {@code Vary: Accept}.
     */
    public Response format(Map<String, ? extends Middleware> handlers) throws Exception {
        ContentNegotiation.format(req, this, handlers);
        return this;
    }

    /**
     * {@code res.format(handlers)} with the handlers in the order they were registered, each of any arity:
     * {@code res.format(Formats.of().on("text", () -> res.send("hey")).on("json", …).otherwise(…))}.
     */
    public Response format(Formats handlers) throws Exception {
        return format(handlers.handlers());
    }

    /**
     * {@code res.vary(field)}: adds names to {@code Vary} unless present (one argument may be a comma-separated
     * list); {@code *} absorbs all. Names must be header tokens.
     */
    public Response vary(String... fields) {
        if (fields.length == 0) throw new IllegalArgumentException("field argument is required");
        return varyWith(
                fields.length == 1
                        ? Vary.append(currentVary(), fields[0])
                        : Vary.append(currentVary(), List.of(fields)));
    }

    /** {@code res.vary(array)}: the names as given; an empty list changes nothing. */
    public Response vary(List<String> fields) {
        return varyWith(Vary.append(currentVary(), fields));
    }

    private String currentVary() {
        String v = get("Vary");
        return v == null ? "" : v;
    }

    private Response varyWith(String value) {
        if (!value.isEmpty()) setHeader("Vary", value);
        return this;
    }

    /** {@code res.links({rel: url | [urls]})}: appends {@code <url>; rel="rel"} entries to {@code Link}. */
    public Response links(Map<String, ?> links) {
        String link = get("Link");
        StringBuilder out = new StringBuilder(link == null || link.isEmpty() ? "" : link + ", ");
        String sep = "";
        for (Map.Entry<String, ?> e : links.entrySet()) {
            List<?> urls = e.getValue() instanceof List<?> list ? list : List.of(String.valueOf(e.getValue()));
            for (Object url : urls) {
                out.append(sep)
                        .append('<')
                        .append(url)
                        .append(">; rel=\"")
                        .append(e.getKey())
                        .append('"');
                sep = ", ";
            }
        }
        return set("Link", out.toString());
    }

    /** {@code res.location(url)}: sets {@code Location}, URL-encoded (Express 5 has no {@code "back"} magic). */
    public Response location(String url) {
        return set("Location", EncodeUrl.encode(url));
    }

    /** {@code res.redirect(url)}: a 302 to the encoded URL, with a body the client accepts. */
    public Response redirect(String url) {
        return redirect(302, url);
    }

    /** {@code res.redirect(status, url)}; the body is {@code <Reason>. Redirecting to <url>} as text or HTML. */
    public Response redirect(int status, String url) {
        String address = location(url).get("Location");
        byte[] body = Redirects.body(req, this, status, address).getBytes(StandardCharsets.UTF_8);
        status(status);
        set("Content-Length", Integer.toString(body.length));
        if ("HEAD".equals(requestMethod)) end();
        else end(body);
        return this;
    }

    // ---- attachments ----

    /** {@code res.attachment()}: {@code Content-Disposition: attachment}. */
    public Response attachment() {
        return set("Content-Disposition", ContentDisposition.format(null, null));
    }

    /**
     * {@code res.attachment(filename)}: {@code Content-Disposition} with the file's base name (an ASCII fallback
     * plus {@code filename*} when needed) and the Content-Type of its extension.
     */
    public Response attachment(String filename) {
        String name = ContentDisposition.basename(filename);
        if (!name.isEmpty()) type(NodePath.extname(name));
        return set("Content-Disposition", ContentDisposition.format(name, null));
    }

    // ---- cookies ----

    /** {@code res.cookie(name, value)}: {@code Set-Cookie} with {@code Path=/}; non-strings as {@code j:} JSON. */
    public Response cookie(String name, Object value) {
        return cookie(name, value, null);
    }

    /**
     * {@code res.cookie(name, value, options)}; a signed cookie needs {@code Express.cookieParser(secret)}.
     *
     * @throws IllegalArgumentException for an invalid name, value or option (Express's TypeError)
     * @throws IllegalStateException {@code cookieParser("secret") required for signed cookies}
     */
    public Response cookie(String name, Object value, CookieOptions options) {
        ExpressCookies.Options opts = options == null ? null : options.toExpress();
        return append("Set-Cookie", ExpressCookies.cookie(name, value, opts, req.secret, System.currentTimeMillis()));
    }

    /** {@code res.clearCookie(name)}: an empty cookie that expired at the epoch, {@code Path=/}. */
    public Response clearCookie(String name) {
        return clearCookie(name, null);
    }

    /** {@code res.clearCookie(name, options)}: {@code maxAge} and {@code expires} are ignored (Express 5). */
    public Response clearCookie(String name, CookieOptions options) {
        ExpressCookies.Options opts = options == null ? null : options.toExpressIgnoringMaxAge();
        return append("Set-Cookie", ExpressCookies.clearCookie(name, opts, req.secret));
    }

    // ---- views ----

    /** {@code res.render(view)}: renders with {@code app.locals} and {@link #locals()}, and sends the HTML. */
    public void render(String view) throws Exception {
        render(view, Map.of());
    }

    /**
     * {@code res.render(view, model)}: the model overlays {@code res.locals}, which overlays {@code app.locals}. A
     * lookup or engine error goes to {@code next(err)}.
     */
    public void render(String view, Map<String, ?> model) throws Exception {
        render(view, model, (err, html) -> {
            if (err == null) send(html);
            else if (req.routing.next != null) req.routing.next.fail(err);
            else throw err instanceof Exception e ? e : new RuntimeException(err);
        });
    }

    /** {@code res.render(view, callback)}: the callback gets the error or the HTML; nothing is sent. */
    public void render(String view, RenderCallback callback) throws Exception {
        render(view, Map.of(), callback);
    }

    public void render(String view, Map<String, ?> model, RenderCallback callback) throws Exception {
        App current = req.app();
        current.views().render(view, current.views().options(locals(), model), callback);
    }
}
