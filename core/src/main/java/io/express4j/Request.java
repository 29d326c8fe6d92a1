package io.express4j;

import io.express4j.access.ApiAccess;
import io.express4j.http.Freshness;
import io.express4j.http.IpLiterals;
import io.express4j.http.MimeTypes;
import io.express4j.http.Negotiator;
import io.express4j.http.ProxyAddr;
import io.express4j.http.RangeParser;
import io.express4j.http.TrustPredicate;
import io.express4j.http.TypeIs;
import io.express4j.http.Urls;
import io.express4j.routing.RouterStack;
import io.express4j.routing.RoutingAccess;
import io.express4j.routing.RoutingState;
import io.express4j.send.FileSegment;
import io.express4j.server.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Express's {@code req}. {@link #url()} is rewritten while the request passes through mounted routers and apps
 * ({@link #baseUrl()} holds the part taken off); {@link #originalUrl()} never changes.
 */
public final class Request {
    /** Node keeps only the first of these when a client repeats them; other headers are joined with ", ". */
    private static final Set<String> SINGLE_VALUED = Set.of(
            "age",
            "authorization",
            "content-length",
            "content-type",
            "etag",
            "expires",
            "from",
            "host",
            "if-modified-since",
            "if-unmodified-since",
            "last-modified",
            "location",
            "max-forwards",
            "proxy-authorization",
            "referer",
            "retry-after",
            "server",
            "user-agent");

    static {
        ApiAccess.install(new ApiAccess() {
            @Override
            public void setFiles(Request req, List<UploadedFile> files) {
                req.files(files);
            }

            @Override
            public UploadedFile uploadedFile(
                    String fieldName, String filename, String contentType, long size, Path path, byte[] content) {
                return new UploadedFile(fieldName, filename, contentType, size, path, content);
            }

            @Override
            public void endWithFile(
                    ServerResponse res, Path file, List<FileSegment> segments, byte[] trailer, Consumer<Throwable> done)
                    throws IOException {
                res.endWithFile(file, segments, trailer, done);
            }
        });
    }

    private final HttpExchange exchange;
    private final String originalUrl;
    final Response res;
    private String method;
    /** What the router rewrites as the request passes through mounted routers and apps. */
    final RoutingState routing;

    Object body;

    Map<String, Object> cookies;
    Map<String, Object> signedCookies;
    String secret;
    private List<UploadedFile> files = List.of();
    private Map<String, Object> attrs;
    private String queryString;
    private Map<String, Object> query;
    private App queryApp;

    static {
        RoutingAccess.install(new RoutingAccess.Api() {
            @Override
            public RoutingState state(Request req) {
                return req.routing;
            }

            @Override
            public RouterStack stackOf(Middleware fn) {
                if (fn instanceof Router router) return router.stack();
                if (fn instanceof App app) return app.stack();
                return null;
            }
        });
    }

    Request(HttpExchange exchange, Response res) {
        this.exchange = exchange;
        this.method = exchange.method();
        this.originalUrl = exchange.uri();
        this.routing = new RoutingState(originalUrl);
        this.res = res;
    }

    public String method() {
        return method;
    }

    /**
     * Express's {@code req.method = …}: later layers route by the new method (e.g. a method-override middleware
     * turning a POST into a DELETE).
     */
    public Request method(String method) {
        if (method == null || method.isEmpty()) throw new IllegalArgumentException("method is required");
        this.method = method;
        return this;
    }

    /**
     * The method the client sent, whatever later middleware set with {@link #method(String)} (method-override's
     * {@code req.originalMethod}).
     */
    public String originalMethod() {
        return exchange.method();
    }

    /** The URL relative to the current mount point, with its query string. */
    public String url() {
        return routing.url;
    }

    /**
     * Express's {@code req.url = …}: later layers route by the rewritten URL; a mounted router puts its mount path
     * back in front when the request leaves it.
     */
    public Request url(String url) {
        if (url == null) throw new IllegalArgumentException("url is required");
        routing.url = url;
        return this;
    }

    /** The request target as the client sent it. */
    public String originalUrl() {
        return originalUrl;
    }

    /** The path the current router or app is mounted at, as actually matched. */
    public String baseUrl() {
        return routing.baseUrl;
    }

    /** The pathname of {@link #url()}. */
    public String path() {
        return Urls.pathname(routing.url);
    }

    public String httpVersion() {
        return exchange.httpVersion();
    }

    // ---- params and query ----

    /**
     * {@code req.params}: the matched layer's parameters in JavaScript's key order; a {@code *splat} is a
     * {@code List<String>}. The map is live and mutable, as Express's object is: an {@code app.param} callback may
     * replace a value ({@code req.params().put("id", Integer.valueOf(id))}) for the handlers after it.
     */
    public Map<String, Object> params() {
        if (!(routing.params instanceof LinkedHashMap)) routing.params = new LinkedHashMap<>(routing.params);
        return routing.params;
    }

    /** One parameter as a string; a splat's segments are joined with {@code /}; null when absent. */
    public String params(String name) {
        Object v = routing.params.get(name);
        if (v instanceof List<?> list)
            return String.join("/", list.stream().map(String::valueOf).toList());
        return v == null ? null : v.toString();
    }

    /**
     * {@code req.query}, parsed by the current app's {@code query parser} setting (Express 5: "simple"); parsed
     * again when the URL or the app (a mounted sub-app with its own setting) changed.
     */
    public Map<String, Object> query() {
        String qs = Urls.query(routing.url);
        App app = routing.app;
        if (query == null || queryApp != app || !Objects.equals(qs, queryString)) {
            queryString = qs;
            queryApp = app;
            query = app.parseQuery(qs);
        }
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        Object v = query().get(name);
        if (v instanceof List<?> list) return list.isEmpty() ? null : String.valueOf(list.get(0));
        return v == null ? null : v.toString();
    }

    // ---- headers ----

    /**
     * {@code req.get(name)}: case-insensitive; {@code Referer} and {@code Referrer} are the same; a repeated header
     * reads as Node presents it (first value for single-valued fields, {@code "; "} for Cookie, else {@code ", "}).
     */
    public String get(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("name argument is required to req.get");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("referer") || lower.equals("referrer")) {
            String v = get0("referrer");
            return v != null && !v.isEmpty() ? v : get0("referer");
        }
        return get0(lower);
    }

    private String get0(String lower) {
        List<String> values = exchange.headers(lower);
        if (values.isEmpty()) return null;
        if (values.size() == 1 || SINGLE_VALUED.contains(lower)) return values.get(0);
        return String.join(lower.equals("cookie") ? "; " : ", ", values);
    }

    public String header(String name) {
        return get(name);
    }

    /** Every request header as Node's {@code req.headers}: lower-case names, repeated values combined. */
    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> line : exchange.headerLines()) {
            String lower = line.getKey().toLowerCase(Locale.ROOT);
            out.computeIfAbsent(lower, this::get0);
        }
        return out;
    }

    // ---- conditional GET ----

    /**
     * {@code req.fresh}: a GET, HEAD or QUERY whose response is 2xx or 304 and whose validators (the response's
     * ETag and Last-Modified) satisfy the request's If-None-Match / If-Modified-Since.
     */
    public boolean fresh() {
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("QUERY")) return false;
        int status = res.statusCode();
        if ((status < 200 || status >= 300) && status != 304) return false;
        return Freshness.isFresh(
                exchange.header("if-none-match"),
                exchange.header("if-modified-since"),
                exchange.header("cache-control"),
                res.get("ETag"),
                res.get("Last-Modified"));
    }

    public boolean stale() {
        return !fresh();
    }

    // ---- content negotiation (accepts 2.0.0 over negotiator 1.1.0) ----

    /** {@code req.accepts()}: every acceptable media type, best first ({@code *}/{@code *} without an Accept). */
    public List<String> accepts() {
        return Negotiator.mediaTypes(get("Accept"), null);
    }

    /**
     * {@code req.accepts(types)}: the best offer as given (types, or extensions like {@code json}), the first one
     * when there is no Accept header, null when none is acceptable.
     */
    public String accepts(String... types) {
        return accepts(List.of(types));
    }

    public String accepts(List<String> types) {
        if (types.isEmpty()) return first(accepts());
        return Negotiator.acceptsType(get("Accept"), types, MimeTypes::lookup);
    }

    /** Every acceptable encoding, best first; only {@code identity} without an Accept-Encoding header. */
    public List<String> acceptsEncodings() {
        return Negotiator.encodings(get("Accept-Encoding"), null);
    }

    public String acceptsEncodings(String... encodings) {
        return acceptsEncodings(List.of(encodings));
    }

    public String acceptsEncodings(List<String> encodings) {
        if (encodings.isEmpty()) return first(acceptsEncodings());
        return Negotiator.acceptsEncoding(get("Accept-Encoding"), encodings);
    }

    public List<String> acceptsCharsets() {
        return Negotiator.charsets(get("Accept-Charset"), null);
    }

    public String acceptsCharsets(String... charsets) {
        return acceptsCharsets(List.of(charsets));
    }

    public String acceptsCharsets(List<String> charsets) {
        if (charsets.isEmpty()) return first(acceptsCharsets());
        return Negotiator.acceptsCharset(get("Accept-Charset"), charsets);
    }

    public List<String> acceptsLanguages() {
        return Negotiator.languages(get("Accept-Language"), null);
    }

    public String acceptsLanguages(String... languages) {
        return acceptsLanguages(List.of(languages));
    }

    public String acceptsLanguages(List<String> languages) {
        if (languages.isEmpty()) return first(acceptsLanguages());
        return Negotiator.acceptsLanguage(get("Accept-Language"), languages);
    }

    private static String first(List<String> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    /**
     * {@code req.is(types)} (type-is 2.x): the matching offer ({@code json}, {@code application/json}) or, for a
     * wildcard offer, the request's own type; null when nothing matches — and also when the request has no body
     * (no Content-Length, no Transfer-Encoding), where Express returns null rather than false. With no offers, the
     * request's content type.
     */
    public String is(String... types) {
        return is(List.of(types));
    }

    public String is(List<String> types) {
        if (!TypeIs.hasBody(get("Transfer-Encoding"), get("Content-Length"))) return null;
        return TypeIs.is(get("Content-Type"), types);
    }

    /**
     * {@code req.range(size)}: null without a Range header, else the parse (range-parser 1.3): the ranges with their
     * unit, or a status of -1 (unsatisfiable) / -2 (malformed).
     */
    public Ranges range(long size) {
        return range(size, false);
    }

    /** {@code req.range(size, {combine})}: overlapping and adjacent ranges merged when {@code combine}. */
    public Ranges range(long size, boolean combine) {
        String header = get("Range");
        if (header == null || header.isEmpty()) return null;
        RangeParser.Ranges parsed = RangeParser.parse(size, header, combine);
        return new Ranges(
                parsed.status(),
                parsed.type(),
                parsed.ranges().stream()
                        .map(r -> new Ranges.Range(r.start(), r.end()))
                        .toList());
    }

    /** {@code X-Requested-With: XMLHttpRequest}, any case. */
    public boolean xhr() {
        String v = get("X-Requested-With");
        return v != null && v.toLowerCase(Locale.ROOT).equals("xmlhttprequest");
    }

    // ---- connection and trust proxy ----

    /**
     * {@code https} on a TLS connection, else {@code http}; when {@code trust proxy} trusts the socket peer, the
     * first value of {@code X-Forwarded-Proto} (trimmed) wins, as in Express.
     */
    public String protocol() {
        String proto = exchange.encrypted() ? "https" : "http";
        if (!trustsPeer()) return proto;
        String header = get("X-Forwarded-Proto");
        if (header == null || header.isEmpty()) header = proto;
        int comma = header.indexOf(',');
        return (comma >= 0 ? header.substring(0, comma) : header).strip();
    }

    public boolean secure() {
        return "https".equals(protocol());
    }

    /**
     * {@code req.host}: the first {@code X-Forwarded-Host} value when the peer is a trusted proxy, else the Host
     * header — with its port (Express 5); null when there is none.
     */
    public String host() {
        String val = get("X-Forwarded-Host");
        if (val == null || val.isEmpty() || !trustsPeer()) {
            val = get("Host");
        } else if (val.indexOf(',') >= 0) {
            val = val.substring(0, val.indexOf(',')).stripTrailing();
        }
        return val == null || val.isEmpty() ? null : val;
    }

    /** The host without its port; a bracketed IPv6 literal is kept with its brackets. */
    public String hostname() {
        String host = host();
        if (host == null || host.isEmpty()) return null;
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : 0;
        int colon = host.indexOf(':', end);
        return colon < 0 ? host : host.substring(0, colon);
    }

    /**
     * {@code req.subdomains}: the hostname's labels, right to left, without the last {@code subdomain offset}
     * (default 2) — {@code tobi.ferrets.example.com} gives {@code [ferrets, tobi]}; an IP hostname is one label.
     */
    public List<String> subdomains() {
        String hostname = hostname();
        if (hostname == null) return List.of();
        List<String> labels = new ArrayList<>();
        if (IpLiterals.isIp(hostname)) {
            labels.add(hostname);
        } else {
            labels.addAll(List.of(hostname.split("\\.", -1)));
            Collections.reverse(labels);
        }
        int offset = routing.app.get("subdomain offset") instanceof Number n ? n.intValue() : 0;
        if (offset < 0) offset = Math.max(0, labels.size() + offset);
        return offset >= labels.size() ? List.of() : List.copyOf(labels.subList(offset, labels.size()));
    }

    /**
     * {@code req.ip}: the client address — the socket peer, or with {@code trust proxy} the furthest
     * {@code X-Forwarded-For} entry reached through trusted hops. IPv4 peers read as {@code 127.0.0.1} even on a
     * dual-stack socket (Node shows {@code ::ffff:127.0.0.1} there).
     */
    public String ip() {
        return ProxyAddr.addr(socketAddress(), get("X-Forwarded-For"), trust());
    }

    /** {@code req.ips}: the trusted {@code X-Forwarded-For} chain, client first, without the socket peer. */
    public List<String> ips() {
        return ProxyAddr.ips(socketAddress(), get("X-Forwarded-For"), trust());
    }

    /** The socket peer's address as Node prints it ({@code ::1}, {@code 127.0.0.1}). */
    String socketAddress() {
        InetSocketAddress remote = exchange.remoteAddress();
        return remote == null || remote.getAddress() == null ? null : IpLiterals.format(remote.getAddress());
    }

    private TrustPredicate trust() {
        TrustPredicate trust = routing.app.trustProxy();
        return trust == null ? TrustPredicate.NONE : trust;
    }

    private boolean trustsPeer() {
        String peer = socketAddress();
        return peer != null && trust().trusts(peer, 0);
    }

    // ---- cookies (filled by Express.cookieParser) ----

    /** {@code req.cookies}: the request's cookies ({@code j:} values as JSON); empty without a cookie parser. */
    public Map<String, Object> cookies() {
        return cookies == null ? Map.of() : cookies;
    }

    /** {@code req.signedCookies}: verified signed cookies; a tampered one is {@code false}. */
    public Map<String, Object> signedCookies() {
        return signedCookies == null ? Map.of() : signedCookies;
    }

    /** {@code req.secret}: the cookie parser's first secret (what {@code res.cookie(…, signed)} signs with). */
    public String secret() {
        return secret;
    }

    // ---- sessions (filled by Express.session or Express.cookieSession) ----

    /** The session, or its loader when cookie-session reads the cookie only once the session is used. */
    Session session;

    java.util.function.Supplier<Session> sessionLoader;
    String sessionID;

    /**
     * {@code req.session}: the request's session after {@code Express.session(…)} or {@code Express.cookieSession(…)};
     * null without one, or once it was destroyed.
     */
    public Session session() {
        if (session == null && sessionLoader != null) {
            session = sessionLoader.get();
            sessionLoader = null;
        }
        return session;
    }

    /** {@code req.sessionID}: the id of {@link #session()} (express-session), null without one. */
    public String sessionID() {
        return sessionID;
    }

    /** Whether a session middleware already ran for this request (express-session's "self-awareness"). */
    boolean hasSession() {
        return session != null || sessionLoader != null;
    }

    // ---- the rest ----

    public App app() {
        return routing.app;
    }

    public Response res() {
        return res;
    }

    /** The route that matched, when inside a route handler. */
    public Route route() {
        return routing.route;
    }

    /**
     * An express4j extension: the last matched route's path after the mount paths of the routers and apps it is in,
     * all as registered ({@code /api/users/:id}, never {@code /api/users/42}); null when no route matched. It keeps
     * its value after the request leaves the router, so an {@code onFinished} listener can name the route (metrics,
     * traces).
     */
    public String routePath() {
        Route route = routing.route;
        if (route == null) return null;
        return routing.routeMount.isEmpty() ? route.path() : routing.routeMount + route.path();
    }

    /**
     * An express4j extension: the last error a middleware, handler or param callback threw or passed to
     * {@code next(err)} for this request (null when none), kept after an error handler answered it, so an
     * {@code onFinished} listener can name it (metrics, traces).
     */
    public Throwable error() {
        return routing.error;
    }

    /** The raw request body as a stream (body parsers read it; read it yourself if none ran). */
    public InputStream inputStream() {
        return exchange.body();
    }

    /**
     * Node's {@code req.readableEnded}: whether the body stream has been read to its end (by a body parser or by
     * the application); body parsers then leave the request alone.
     */
    public boolean readableEnded() {
        return exchange.bodyFinished();
    }

    /** The files {@code Express.multipart()} received, in arrival order; empty when none. */
    public List<UploadedFile> files() {
        return files;
    }

    /** Sets {@link #files()} (what the multipart parser does, through {@link ApiAccess}). */
    void files(List<UploadedFile> uploaded) {
        this.files = List.copyOf(uploaded);
    }

    /** {@code req.body}: what a body parser produced, or null when none ran. */
    public Object body() {
        return body;
    }

    /** {@code req.body} converted to a type with the app's JSON mapper. */
    public <T> T bodyAs(Class<T> type) {
        if (body == null || type.isInstance(body)) return type.cast(body);
        return routing.app.jsonMapper().convert(body, type);
    }

    /**
     * Express's {@code req.body = …}: what a body parser produced. Public because any middleware may set it in
     * Express (a custom parser, a sanitiser); express4j's own parsers call it too.
     */
    public Request body(Object value) {
        this.body = value;
        return this;
    }

    /** A per-request value, for middleware to hand things on. */
    @SuppressWarnings("unchecked")
    public <T> T attr(String name) {
        return attrs == null ? null : (T) attrs.get(name);
    }

    public Request attr(String name, Object value) {
        if (attrs == null) attrs = new HashMap<>();
        attrs.put(name, value);
        return this;
    }
}
