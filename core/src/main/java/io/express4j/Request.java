package io.express4j;

import io.express4j.http.Freshness;
import io.express4j.http.Urls;
import io.express4j.server.HttpExchange;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Express's {@code req}. {@link #url()} is rewritten while the request passes through mounted routers and apps
 * ({@link #baseUrl()} holds the part taken off); {@link #originalUrl()} never changes.
 */
public final class Request {
    /** Node keeps only the first of these when a client repeats them; other headers are joined with ", ". */
    private static final Set<String> SINGLE_VALUED = Set.of("age", "authorization", "content-length",
            "content-type", "etag", "expires", "from", "host", "if-modified-since", "if-unmodified-since",
            "last-modified", "location", "max-forwards", "proxy-authorization", "referer", "retry-after", "server",
            "user-agent");

    private final HttpExchange exchange;
    private final String originalUrl;
    final Response res;
    private String method;
    App app;
    String url;
    String baseUrl = "";
    Map<String, Object> params = Map.of();
    Route route;
    Object body;
    private List<UploadedFile> files = List.of();
    /** The current router's {@code next} (Express's {@code req.next}): where res.sendFile sends its outcome. */
    Next next;
    private Map<String, Object> attrs;
    private String queryString;
    private Map<String, Object> query;
    private App queryApp;

    Request(HttpExchange exchange, Response res) {
        this.exchange = exchange;
        this.method = exchange.method();
        this.originalUrl = exchange.uri();
        this.url = originalUrl;
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

    /** The URL relative to the current mount point, with its query string. */
    public String url() {
        return url;
    }

    /**
     * Express's {@code req.url = …}: later layers route by the rewritten URL; a mounted router puts its mount path
     * back in front when the request leaves it.
     */
    public Request url(String url) {
        if (url == null) throw new IllegalArgumentException("url is required");
        this.url = url;
        return this;
    }

    /** The request target as the client sent it. */
    public String originalUrl() {
        return originalUrl;
    }

    /** The path the current router or app is mounted at, as actually matched. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The pathname of {@link #url()}. */
    public String path() {
        return Urls.pathname(url);
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
        if (!(params instanceof LinkedHashMap)) params = new LinkedHashMap<>(params);
        return params;
    }

    /** One parameter as a string; a splat's segments are joined with {@code /}; null when absent. */
    public String params(String name) {
        Object v = params.get(name);
        if (v instanceof List<?> list) return String.join("/", list.stream().map(String::valueOf).toList());
        return v == null ? null : v.toString();
    }

    /**
     * {@code req.query}, parsed by the current app's {@code query parser} setting (Express 5: "simple"); parsed
     * again when the URL or the app (a mounted sub-app with its own setting) changed.
     */
    public Map<String, Object> query() {
        String qs = Urls.query(url);
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
        return Freshness.isFresh(exchange.header("if-none-match"), exchange.header("if-modified-since"),
                exchange.header("cache-control"), res.get("ETag"), res.get("Last-Modified"));
    }

    public boolean stale() {
        return !fresh();
    }

    // ---- connection ----

    /** {@code http} (TLS and trusted proxies come with the request API issue). */
    public String protocol() {
        return "http";
    }

    public boolean secure() {
        return "https".equals(protocol());
    }

    /** The Host header, port included (Express 5's {@code req.host}). */
    public String host() {
        return get("host");
    }

    /** The host without its port; a bracketed IPv6 literal is kept with its brackets. */
    public String hostname() {
        String host = host();
        if (host == null || host.isEmpty()) return null;
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : 0;
        int colon = host.indexOf(':', end);
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The client's address (the socket peer; proxies are not trusted by default). */
    public String ip() {
        InetSocketAddress remote = exchange.remoteAddress();
        return remote == null ? null : remote.getAddress().getHostAddress();
    }

    // ---- the rest ----

    public App app() {
        return app;
    }

    public Response res() {
        return res;
    }

    /** The route that matched, when inside a route handler. */
    public Route route() {
        return route;
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

    /** Sets {@link #files()} (what the multipart parser does). */
    public Request files(List<UploadedFile> uploaded) {
        this.files = List.copyOf(uploaded);
        return this;
    }

    /** {@code req.body}: what a body parser produced, or null when none ran. */
    public Object body() {
        return body;
    }

    /** {@code req.body} converted to a type with the app's JSON mapper. */
    public <T> T bodyAs(Class<T> type) {
        if (body == null || type.isInstance(body)) return type.cast(body);
        JsonMapper mapper = app.jsonMapper();
        return mapper.parse(mapper.stringify(body, ""), type);
    }

    /** Sets {@code req.body} (what body parsers do). */
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
