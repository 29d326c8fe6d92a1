package io.express4j;

import io.express4j.http.ETags;
import io.express4j.http.ProxyAddr;
import io.express4j.http.Qs;
import io.express4j.http.QueryStrings;
import io.express4j.http.TrustPredicate;
import io.express4j.log.Logs;
import io.express4j.routing.Done;
import io.express4j.routing.EventLoopDispatch;
import io.express4j.routing.JsPaths;
import io.express4j.routing.KnownMethods;
import io.express4j.routing.RouterStack;
import io.express4j.server.HttpExchange;
import io.express4j.server.HttpServerEngine;
import io.express4j.server.RequestListener;
import io.express4j.server.TestAccess;
import io.express4j.spi.JsonMapper;
import io.express4j.spi.TemplateEngine;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * An Express application: settings, locals, a router, and {@link #listen}. An app is middleware too, so it can be
 * mounted in another ({@code parent.use("/blog", blog)}); a mounted app reads the settings it did not set itself
 * from its parent.
 */
public final class App implements Middleware, RouterVerbs<App> {
    private static final Logger log = Logs.get("io.express4j");
    private static final Function<byte[], String> WEAK = body -> ETags.generate(body, true);
    private static final Function<byte[], String> STRONG = body -> ETags.generate(body, false);

    static {
        // express4j-test's in-process client serves an app without listen(): see TestAccess for why this way
        TestAccess.install((app, options) -> new TestAccess.Served(
                ((App) app).requestListener(),
                (options == null ? new ServerOptions() : (ServerOptions) options).toConfig()));
    }

    private final Map<String, Object> settings = new HashMap<>();
    private final Map<String, Object> locals = new LinkedHashMap<>();
    private App parent;
    private String mountpath = "/";
    private Router router;
    /**
     * Whether this app's stacks hold a {@link Express#nonBlocking} function, as of {@link RouterStack#version} (in
     * the high bits; bit 0 is the answer); -1 before the first look.
     */
    private volatile long nonBlockingLookup = -1;
    /** Whether "trust proxy" still holds the constructor's default, which a mounted app drops to inherit. */
    private boolean trustProxyDefault;

    private final Views views = new Views(this);

    App() {
        String env = System.getenv("EXPRESS_ENV");
        if (env == null || env.isEmpty()) env = System.getenv("NODE_ENV");
        set("x-powered-by", true);
        set("etag", "weak");
        set("env", env == null || env.isEmpty() ? "development" : env);
        set("query parser", "simple");
        set("subdomain offset", 2);
        set("trust proxy", false);
        trustProxyDefault = true;
        set("jsonp callback name", "callback");
        set("views", System.getProperty("user.dir") + "/views");
        if ("production".equals(get("env"))) enable("view cache");
        locals.put("settings", settings);
    }

    // ---- settings ----

    /**
     * {@code app.set(name, value)}, by Express's setting names ({@code "etag"}, {@code "json spaces"}, …). As in
     * Express, {@code "etag"} and {@code "query parser"} are also compiled into {@code "etag fn"} and
     * {@code "query parser fn"}; an unknown value for them throws and changes nothing.
     */
    public App set(String name, Object value) {
        switch (name) {
            case "etag" -> settings.put("etag fn", compileETag(value));
            case "query parser" -> settings.put("query parser fn", compileQueryParser(value));
            case "trust proxy" -> {
                settings.put("trust proxy fn", ProxyAddr.compile(value));
                trustProxyDefault = false;
            }
            default -> {}
        }
        settings.put(name, value);
        return this;
    }

    /** {@code app.get(name)}: a setting's value, inherited from the parent app when not set here. */
    public Object get(String name) {
        if (settings.containsKey(name)) return settings.get(name);
        return parent == null ? null : parent.get(name);
    }

    public App enable(String name) {
        return set(name, true);
    }

    public App disable(String name) {
        return set(name, false);
    }

    public boolean enabled(String name) {
        Object v = get(name);
        return v != null
                && !Boolean.FALSE.equals(v)
                && !"".equals(v)
                && !Integer.valueOf(0).equals(v);
    }

    public boolean disabled(String name) {
        return !enabled(name);
    }

    // Typed forms of the settings whose value is a function, so a lambda needs no cast to pass through set(String,
    // Object); each writes the same setting its Express name does (app.get("etag") returns the function).

    /** {@code app.set("etag", fn)}: the ETag of a body, or null or "" for none (then no ETag is sent). */
    public App etag(Function<byte[], String> fn) {
        return set("etag", fn);
    }

    /** {@code app.set("query parser", fn)}: {@code req.query} from the raw query string (without the {@code ?}). */
    public App queryParser(Function<String, Map<String, Object>> fn) {
        return set("query parser", fn);
    }

    /**
     * {@code app.set("json replacer", fn)}: JSON.stringify's replacer for {@code res.json}; it gets each key with the
     * value as JSON sees it and returns what to write, or {@link Express#UNDEFINED} to leave the key out.
     */
    public App jsonReplacer(BiFunction<String, Object, Object> fn) {
        return set("json replacer", fn);
    }

    /** {@code app.locals}: values for every view; holds {@code settings}. */
    public Map<String, Object> locals() {
        return locals;
    }

    /**
     * {@code app.mountpath}: the path this app is mounted at ({@code "/"} for a top-level app); a regular
     * expression or several paths read as JavaScript prints them ({@code /source/}, comma-joined).
     */
    public String mountpath() {
        return mountpath;
    }

    /** {@code app.parent}: the app this one is mounted in, or null. */
    public App parent() {
        return parent;
    }

    /** {@code app.path()}: the mount paths from the top app down to this one. */
    public String path() {
        return parent == null ? "" : parent.path() + mountpath;
    }

    private static Function<byte[], String> compileETag(Object value) {
        if (Boolean.TRUE.equals(value) || "weak".equals(value)) return WEAK;
        if ("strong".equals(value)) return STRONG;
        if (Boolean.FALSE.equals(value)) return null;
        if (value instanceof Function<?, ?> fn) {
            @SuppressWarnings("unchecked")
            Function<byte[], String> f = (Function<byte[], String>) fn;
            return f;
        }
        throw new IllegalArgumentException("unknown value for etag function: " + value);
    }

    @SuppressWarnings("unchecked")
    private static Function<String, Map<String, Object>> compileQueryParser(Object value) {
        if (Boolean.TRUE.equals(value) || "simple".equals(value)) return QueryStrings::parse;
        if ("extended".equals(value)) return App::parseExtendedQuery;
        if (Boolean.FALSE.equals(value)) return null;
        if (value instanceof Function<?, ?> fn) return (Function<String, Map<String, Object>>) fn;
        throw new IllegalArgumentException("unknown value for query parser function: " + value);
    }

    @SuppressWarnings("unchecked")
    Function<byte[], String> etagFunction() {
        return (Function<byte[], String>) get("etag fn");
    }

    /** Express's {@code "extended"} query parser: {@code qs.parse(str, {allowPrototypes: true})}. */
    private static Map<String, Object> parseExtendedQuery(String queryString) {
        return Qs.parse(queryString, new Qs.Options().allowPrototypes(true));
    }

    /** The compiled {@code trust proxy} setting ({@code "trust proxy fn"}), the parent's when not set here. */
    TrustPredicate trustProxy() {
        return (TrustPredicate) get("trust proxy fn");
    }

    /** {@code req.query} by the {@code "query parser fn"} in force; an empty map when parsing is off. */
    @SuppressWarnings("unchecked")
    Map<String, Object> parseQuery(String queryString) {
        Object parser = get("query parser fn");
        if (parser == null) return new LinkedHashMap<>();
        return ((Function<String, Map<String, Object>>) parser).apply(queryString);
    }

    /** The app's JSON mapper: the {@code "json mapper"} setting, else Jackson. */
    public JsonMapper jsonMapper() {
        return get("json mapper") instanceof JsonMapper m ? m : DefaultMapper.INSTANCE;
    }

    /**
     * The shared Jackson mapper, built on first use (class-holder idiom): setting Jackson up loads ≈ 450 classes
     * (≈ 0.4 s on one CPU), which an app that never writes or reads JSON should not pay before its first response.
     */
    private static final class DefaultMapper {
        static final JsonMapper INSTANCE = new JacksonJsonMapper();
    }

    /**
     * JSON text for {@code res.json}, honouring {@code json replacer}, {@code json spaces}, {@code json escape}; null
     * when there is nothing to write (JavaScript's undefined).
     */
    String stringify(Object value) {
        return JsonText.stringify(
                jsonMapper(), value, get("json replacer"), get("json spaces"), enabled("json escape"));
    }

    // ---- views ----

    /**
     * {@code app.engine(ext, engine)}: renders the views whose file name ends in {@code ext} (leading dot
     * optional). A mounted app falls back to its parent's engines.
     */
    public App engine(String ext, TemplateEngine engine) {
        views.engine(ext, engine);
        return this;
    }

    TemplateEngine engineFor(String ext) {
        TemplateEngine own = views.engine(ext);
        return own != null || parent == null ? own : parent.engineFor(ext);
    }

    /** {@code app.render(view)}: the view rendered with {@link #locals()}. */
    public String render(String view) throws Exception {
        return render(view, Map.of());
    }

    /**
     * {@code app.render(view, locals)}: finds the view in the {@code views} directories (its extension, or the
     * {@code view engine} setting's), and renders it with {@code app.locals} overlaid by {@code model}.
     *
     * @throws IllegalStateException {@code Failed to lookup view "x" in views directory "/…"}, or when the view
     *     has no extension and there is no {@code view engine}
     */
    public String render(String view, Map<String, ?> model) throws Exception {
        return views.render(view, views.options(null, model));
    }

    /** Express's callback form: {@code done} receives the error or the HTML. */
    public void render(String view, Map<String, ?> model, RenderCallback done) throws Exception {
        views.render(view, views.options(null, model), done);
    }

    Views views() {
        return views;
    }

    // ---- routing ----

    /** The app's router, made on first use with the routing settings in force then (as Express does). */
    Router router() {
        if (router == null) {
            router = new Router(new RouterOptions()
                    .caseSensitive(enabled("case sensitive routing"))
                    .strict(enabled("strict routing")));
        }
        return router;
    }

    /** The stack behind the app's router; null while the app has none. */
    RouterStack stack() {
        return router == null ? null : router.stack();
    }

    /** Middleware, routers or sub-apps for every path. */
    public App use(Middleware... fns) {
        if (fns == null || fns.length == 0)
            throw new IllegalArgumentException("app.use() requires a middleware function");
        return use("/", fns);
    }

    public App use(Handler fn) {
        return use("/", new Middleware[] {fn});
    }

    public App use(ErrorHandler fn) {
        router().use(fn);
        return this;
    }

    /** Middleware, routers or sub-apps at a path prefix; a sub-app learns its parent and mount path. */
    public App use(String path, Middleware... fns) {
        router().use(path, mountApps(path, fns));
        return this;
    }

    public App use(String path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    public App use(String path, ErrorHandler fn) {
        router().use(path, fn);
        return this;
    }

    public App use(Pattern path, Middleware... fns) {
        router().use(path, mountApps(path, fns));
        return this;
    }

    public App use(Pattern path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    /** At several path prefixes (Strings and Patterns), Express's array path. */
    public App use(List<?> paths, Middleware... fns) {
        router().use(paths, mountApps(paths, fns));
        return this;
    }

    public App use(List<?> paths, Handler fn) {
        return use(paths, new Middleware[] {fn});
    }

    /** The sub-apps among {@code fns} are mounted here: each learns its parent and mount path. */
    private Middleware[] mountApps(Object path, Middleware[] fns) {
        if (fns == null || fns.length == 0)
            throw new IllegalArgumentException("app.use() requires a middleware function");
        for (Middleware fn : fns) {
            if (fn instanceof App sub) mount(JsPaths.toString(path), sub);
        }
        return fns;
    }

    private void mount(String path, App sub) {
        sub.parent = this;
        sub.mountpath = path;
        if (sub.trustProxyDefault) {
            sub.settings.remove("trust proxy");
            sub.settings.remove("trust proxy fn");
        }
    }

    public Route route(String path) {
        return router().route(path);
    }

    public Route route(Pattern path) {
        return router().route(path);
    }

    /** A route for several paths (Strings and Patterns). */
    public Route route(List<?> paths) {
        return router().route(paths);
    }

    @Override
    public App method(String method, Object path, Middleware... chain) {
        router().method(method, path, chain);
        return this;
    }

    @Override
    public App all(Object path, Middleware... chain) {
        router().all(path, chain);
        return this;
    }

    /**
     * A WebSocket route, {@code app.ws("/chat/:room", (ws, req) -> …)}: routed like {@code app.get} (params,
     * mounting), after the middleware before it; a WebSocket upgrade request for the path runs {@code handler} once
     * the handshake succeeded, any other request goes on to the next layers (a plain GET of the path is as if the
     * route were not there).
     */
    public App ws(Object path, WsHandler handler) {
        router().ws(path, handler);
        return this;
    }

    /** A WebSocket route with limits other than the defaults (see {@link WsOptions}). */
    public App ws(Object path, WsOptions options, WsHandler handler) {
        router().ws(path, options, handler);
        return this;
    }

    public App param(String name, ParamHandler fn) {
        router().param(name, fn);
        return this;
    }

    public App param(Iterable<String> names, ParamHandler fn) {
        for (String name : names) param(name, fn);
        return this;
    }

    // ---- serving ----

    /**
     * As middleware (mounted in an app or a router), an app runs its stack with {@code req.app} switched to it,
     * and switches back before continuing in the caller's. Dispatch code, so it may run on the event loop; the
     * app's own layers decide whether they can.
     */
    @Override
    public void handle(Request req, Response res, Next next) {
        App outer = req.app();
        Done back = Router.continueIn(next);
        handle(req, res, err -> {
            req.routing.app = outer;
            back.done(err);
        });
    }

    void handle(Request req, Response res, Done done) {
        if (enabled("x-powered-by")) res.setHeader("X-Powered-By", "express4j");
        req.routing.app = this;
        router().stack().handle(req, res, done);
    }

    /** Binds to a port on all interfaces (0 = any free port) and returns once listening. */
    public Server listen(int port) {
        return listen(new InetSocketAddress(port), new ServerOptions());
    }

    public Server listen(int port, String host) {
        return listen(new InetSocketAddress(host, port), new ServerOptions());
    }

    /** With limits and timeouts other than the defaults (see {@link ServerOptions}). */
    public Server listen(int port, ServerOptions options) {
        return listen(new InetSocketAddress(port), options);
    }

    public Server listen(int port, String host, ServerOptions options) {
        return listen(new InetSocketAddress(host, port), options);
    }

    private Server listen(InetSocketAddress address, ServerOptions options) {
        return new Server(
                HttpServerEngine.start(requestListener(), options.toConfig(), options.toTlsConfig(), address));
    }

    /** What the server calls for each request of this app, on a socket or in process. */
    private RequestListener requestListener() {
        return new RequestListener() {
            @Override
            public void onRequest(HttpExchange exchange) {
                serve(exchange);
            }

            @Override
            public boolean knowsMethod(String method) {
                return KnownMethods.isKnown(method);
            }

            @Override
            public boolean dispatchOnEventLoop() {
                return holdsNonBlocking();
            }
        };
    }

    /**
     * Whether a function marked with {@link Express#nonBlocking} is in this app's stacks or in a router or app
     * mounted in them: then its requests start on the event loop. Looked up again only after layers were added
     * anywhere, so the per-request cost is one read; an app that never marks anything behaves as before.
     */
    boolean holdsNonBlocking() {
        long lookup = nonBlockingLookup;
        int version = RouterStack.version();
        if (lookup >= 0 && lookup >>> 1 == version) return (lookup & 1) != 0;
        boolean holds = holdsNonBlocking(Collections.newSetFromMap(new IdentityHashMap<>()));
        nonBlockingLookup = (long) version << 1 | (holds ? 1 : 0);
        return holds;
    }

    private boolean holdsNonBlocking(Set<Object> seen) {
        return router != null && router.stack().holdsNonBlocking(seen);
    }

    /**
     * One request: the stack, the final handler, then the safety net. On a virtual thread of its own, or, when the
     * app holds non-blocking functions, on the event loop until a function that may block is reached: the rest then
     * runs on a virtual thread, safety net included (see {@link EventLoopDispatch}).
     */
    private void serve(HttpExchange exchange) {
        Response res = new Response(exchange, exchange.method());
        Request req = new Request(exchange, res);
        res.req = req;
        EventLoopDispatch loop = null;
        if (exchange.onEventLoop()) {
            loop = new EventLoopDispatch(exchange::continueOnVirtualThread, () -> afterStack(req, res));
            req.routing.eventLoopDispatch = loop;
        }
        handle(req, res, err -> {
            if (err == null
                    && req.method().equals("OPTIONS")
                    && req.originalUrl().equals("*")) {
                answerServerOptions(res);
            } else {
                FinalHandler.handle(err, req, res);
            }
        });
        if (loop == null || !loop.hopped()) afterStack(req, res);
    }

    /** The safety net, once the stack has returned on the thread that finished the dispatch. */
    private void afterStack(Request req, Response res) {
        if (!res.finished() && !res.isAsync()) endAbandoned(req, res);
    }

    /**
     * {@code OPTIONS *} asks about the server rather than a resource (RFC 9110 §9.3.7); when no middleware answered
     * it, it gets an empty 200 instead of Express's {@code Cannot OPTIONS *} 404.
     */
    private static void answerServerOptions(Response res) {
        if (res.headersSent()) return;
        res.statusCode(200);
        res.setHeader("Content-Length", "0");
        res.end();
    }

    /**
     * Express would leave a response nobody ended hanging; we end it: a 500 when nothing was sent yet, else the
     * body is closed where it stands.
     */
    private void endAbandoned(Request req, Response res) {
        log.warn(
                "{} {}: the handlers returned without ending the response and without res.async(); ending it",
                req.method(),
                req.originalUrl());
        if (!res.headersSent()) {
            FinalHandler.handle(
                    new HttpError(
                            500,
                            "The handlers of " + req.method() + " " + req.originalUrl()
                                    + " returned without ending the response"),
                    req,
                    res);
        } else {
            try {
                res.end();
            } catch (RuntimeException e) {
                res.destroy();
            }
        }
    }
}
