package io.express4j;

import io.express4j.body.BodyParsers;
import io.express4j.body.MultipartParser;
import io.express4j.http.Html;
import io.express4j.middleware.Cors;
import io.express4j.middleware.MethodOverride;
import io.express4j.middleware.Morgan;
import io.express4j.middleware.MorganTokens;
import io.express4j.middleware.RateLimit;
import io.express4j.routing.KnownMethods;
import io.express4j.routing.NonBlocking;
import io.express4j.send.StaticFiles;
import io.express4j.server.NettyMultipartDecoder;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** The entry point, Express's {@code express} export: {@code Express.app()}, {@code Express.router()}, … */
public final class Express {
    /**
     * JavaScript's {@code undefined} where Java needs a value for it: a {@code json replacer} returns it to leave a
     * key out.
     */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private Express() {}

    /**
     * npm {@code escape-html}: {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;}, for text an app puts into
     * HTML it builds itself (Express's own pages escape this way).
     *
     * @param text the text to escape
     * @return the escaped text ({@code text} itself when nothing needed escaping)
     */
    public static String escapeHtml(String text) {
        return Html.escape(text);
    }

    /** A new application ({@code express()}). */
    public static App app() {
        return new App();
    }

    /** A new router ({@code express.Router()}). */
    public static Router router() {
        return new Router(new RouterOptions());
    }

    public static Router router(RouterOptions options) {
        return new Router(options);
    }

    // ---- the event loop (an express4j extension) ----

    /**
     * Marks a handler that never blocks, so that it runs on the Netty event loop without the hop to a virtual
     * thread that every request otherwise pays: {@code app.get("/", Express.nonBlocking((req, res) -> res.send("hi")))}.
     *
     * <p>The contract: the handler must never block — no request body reads (they throw
     * {@link IllegalStateException}), no sleeps, locks held by others, blocking I/O or waiting on futures. What it
     * does with {@code res} is fine: {@code send}, {@code json}, {@code end}, {@code redirect}, and {@code write}
     * (which then queues instead of waiting for a slow client). {@code res.sendFile} and {@code res.download}
     * move the request to a virtual thread for the file work; {@code res.render} reads templates where it runs.
     *
     * <p>An app whose stacks hold a marked function dispatches each request on the event loop: path matching and
     * the marked functions run there, and the first unmarked middleware, handler, error handler or
     * {@code app.param} callback the request reaches moves it to a virtual thread, for that function and all that
     * follows. Code after {@code next.run()} in a marked middleware may then run while the rest of the stack runs
     * on that virtual thread. A mounted router or app needs no mark (its own functions decide); marking one
     * returns it unchanged.
     */
    public static Handler nonBlocking(Handler fn) {
        Route.requireHandler(fn);
        return fn instanceof NonBlocking ? fn : new NonBlocking.OfHandler(fn);
    }

    /** A middleware that never blocks, run on the event loop: see {@link #nonBlocking(Handler)}. */
    public static Middleware nonBlocking(Middleware fn) {
        Route.requireHandler(fn);
        if (fn instanceof NonBlocking || fn instanceof Router || fn instanceof App) return fn;
        return fn instanceof Handler handler ? new NonBlocking.OfHandler(handler) : new NonBlocking.OfMiddleware(fn);
    }

    /** An error handler that never blocks, run on the event loop: see {@link #nonBlocking(Handler)}. */
    public static ErrorHandler nonBlocking(ErrorHandler fn) {
        Route.requireHandler(fn);
        return fn instanceof NonBlocking ? fn : new NonBlocking.OfErrorHandler(fn);
    }

    /**
     * Marks an on-finished listener that never blocks: {@code res.onFinished(Express.nonBlocking(err -> …))} runs it
     * on the thread that finishes the response (usually the event loop) as soon as it is finished, before the
     * unmarked listeners, instead of on a virtual thread started for them — a thread hop per request that metrics
     * and tracing middleware save. The contract of {@link #nonBlocking(Handler)} applies: never block.
     */
    public static Consumer<Throwable> nonBlocking(Consumer<Throwable> listener) {
        Objects.requireNonNull(listener, "listener");
        return listener instanceof NonBlocking ? listener : new NonBlocking.OfListener(listener);
    }

    // ---- body parsers (body-parser 2.4.0) ----

    /** {@code express.json()}: parses {@code application/json} bodies into {@code req.body()}. */
    public static Middleware json() {
        return json(new BodyParserOptions());
    }

    public static Middleware json(BodyParserOptions options) {
        return BodyParsers.json(options);
    }

    /** {@code express.urlencoded()}: parses form posts (flat keys; nested with {@code extended(true)}). */
    public static Middleware urlencoded() {
        return urlencoded(new BodyParserOptions());
    }

    public static Middleware urlencoded(BodyParserOptions options) {
        return BodyParsers.urlencoded(options);
    }

    /** {@code express.text()}: {@code text/plain} bodies as a String. */
    public static Middleware text() {
        return text(new BodyParserOptions());
    }

    public static Middleware text(BodyParserOptions options) {
        return BodyParsers.text(options);
    }

    /** {@code express.raw()}: {@code application/octet-stream} bodies as a {@code byte[]}. */
    public static Middleware raw() {
        return raw(new BodyParserOptions());
    }

    public static Middleware raw(BodyParserOptions options) {
        return BodyParsers.raw(options);
    }

    /**
     * Beyond Express: {@code multipart/form-data} (file uploads). Fields go to {@code req.body()}, files to
     * {@code req.files()}; large files are streamed to temporary files, deleted when the response is done.
     */
    public static Middleware multipart() {
        return multipart(new MultipartOptions());
    }

    public static Middleware multipart(MultipartOptions options) {
        return new MultipartParser(options, new NettyMultipartDecoder());
    }

    /**
     * {@code express.static(root)}: middleware serving the files under {@code root} (relative to the working
     * directory) at the request's mount-relative path, with send's validators, conditional GET, Range, index files
     * and directory redirects.
     */
    public static Middleware staticFiles(String root) {
        return new StaticFiles(root, new StaticOptions());
    }

    public static Middleware staticFiles(String root, StaticOptions options) {
        return new StaticFiles(root, options);
    }

    // ---- cookies (cookie-parser 1.4) ----

    /**
     * cookie-parser: fills {@code req.cookies()} and {@code req.signedCookies()}; the first secret signs
     * {@code res.cookie(…, new CookieOptions().signed(true))}, all of them verify.
     */
    public static Middleware cookieParser(String... secrets) {
        return new CookieParser(List.of(secrets));
    }

    public static Middleware cookieParser(List<String> secrets) {
        return new CookieParser(secrets);
    }

    // ---- security headers (helmet 8) ----

    /**
     * helmet 8 with its defaults: Content-Security-Policy, Cross-Origin-Opener-Policy, Cross-Origin-Resource-Policy,
     * Origin-Agent-Cluster, Referrer-Policy, Strict-Transport-Security, X-Content-Type-Options,
     * X-DNS-Prefetch-Control, X-Download-Options, X-Frame-Options, X-Permitted-Cross-Domain-Policies,
     * X-XSS-Protection, and no X-Powered-By.
     */
    public static Middleware helmet() {
        return helmet(new HelmetOptions());
    }

    /** helmet with options; a bad value throws {@link IllegalArgumentException} here, with helmet's message. */
    public static Middleware helmet(HelmetOptions options) {
        return options.build();
    }

    // ---- request logging (morgan 1.10) ----

    /**
     * morgan: one line per request, written when the response is done (or its connection closed first). The format
     * is a name — {@code combined}, {@code common}, {@code dev}, {@code short}, {@code tiny}, {@code default}, or one
     * named with {@link #morganFormat} — or a format string such as {@code ":method :url :status :response-time ms"}.
     * Lines go to standard output.
     */
    public static Middleware morgan(String format) {
        return morgan(format, new MorganOptions());
    }

    public static Middleware morgan(String format, MorganOptions options) {
        return new Morgan(MorganTokens.format(format), options);
    }

    /** morgan with a format function that builds each line (null logs nothing). */
    public static Middleware morgan(MorganFormat format, MorganOptions options) {
        return new Morgan(format, options);
    }

    /** {@code morgan.token(name, fn)}: a token for every morgan format in this JVM, built-in names included. */
    public static void morganToken(String name, MorganToken token) {
        MorganTokens.define(name, token);
    }

    /** {@code morgan.format(name, format)}: names a format string for {@link #morgan(String)}. */
    public static void morganFormat(String name, String format) {
        MorganTokens.defineFormat(name, format);
    }

    // ---- sessions (express-session 1.18, cookie-session 2) ----

    /**
     * express-session: a session per client, its id in the signed cookie {@code connect.sid}, its data in the
     * options' store (a {@link MemoryStore} by default), as {@code req.session()}.
     */
    public static Middleware session(SessionOptions options) {
        return new ExpressSession(options);
    }

    /** cookie-session: the whole session, as JSON in base64, in a cookie signed with keygrip ({@code session.sig}). */
    public static Middleware cookieSession(CookieSessionOptions options) {
        return new CookieSession(options);
    }

    // ---- compression 1.8 ----

    /**
     * compression with its defaults: bodies of 1 KiB or more whose type mime-db calls compressible are sent as
     * br, gzip or deflate, as the request's Accept-Encoding prefers; {@code res.flush()} sends what the compressor
     * holds.
     */
    public static Middleware compression() {
        return compression(new CompressionOptions());
    }

    /** compression with options: threshold, zlib level, filter, enforceEncoding. */
    public static Middleware compression(CompressionOptions options) {
        return new Compression(Objects.requireNonNull(options, "options"));
    }

    // ---- cors 2.8, method-override 3.0, express-rate-limit 8 ----

    /** cors with its defaults: {@code Access-Control-Allow-Origin: *}, preflight answered 204. */
    public static Middleware cors() {
        return cors(new CorsOptions());
    }

    /** cors: CORS headers from {@code options}; preflight ({@code OPTIONS}) requests answered here. */
    public static Middleware cors(CorsOptions options) {
        Objects.requireNonNull(options, "options");
        return new Cors(req -> options);
    }

    /**
     * cors with options decided per request (cors's options delegate); a null answer means the defaults, and what
     * the function throws goes to {@code next(err)}.
     */
    public static Middleware cors(Function<Request, CorsOptions> options) {
        return new Cors(Objects.requireNonNull(options, "options"));
    }

    /** method-override reading the {@code X-HTTP-Method-Override} header of POST requests. */
    public static Middleware methodOverride() {
        return methodOverride("X-HTTP-Method-Override");
    }

    /**
     * method-override: a name starting with {@code X-} is a request header (the first of a comma-separated list),
     * any other a query-string key ({@code _method} for {@code POST /resource?_method=DELETE}).
     */
    public static Middleware methodOverride(String getter) {
        return methodOverride(getter, new MethodOverrideOptions());
    }

    public static Middleware methodOverride(String getter, MethodOverrideOptions options) {
        return methodOverride(MethodOverride.getter(Objects.requireNonNull(getter, "getter")), options);
    }

    /** method-override with a getter of your own; a value that is not a method is ignored. */
    public static Middleware methodOverride(Function<Request, String> getter) {
        return methodOverride(getter, new MethodOverrideOptions());
    }

    public static Middleware methodOverride(Function<Request, String> getter, MethodOverrideOptions options) {
        return new MethodOverride(
                Objects.requireNonNull(getter, "getter"), options.methods(), KnownMethods::isStandard);
    }

    /** express-rate-limit with its defaults: 5 requests a minute per client IP. */
    public static Middleware rateLimit() {
        return rateLimit(new RateLimitOptions());
    }

    /** express-rate-limit: a fixed window per key; requests past the limit are refused (429). */
    public static Middleware rateLimit(RateLimitOptions options) {
        return new RateLimit(options, options.store() != null ? options.store() : new RateLimitMemoryStore());
    }
}
