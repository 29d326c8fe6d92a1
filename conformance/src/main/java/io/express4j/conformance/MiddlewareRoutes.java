package io.express4j.conformance;

import io.express4j.App;
import io.express4j.CorsOptions;
import io.express4j.Express;
import io.express4j.Handler;
import io.express4j.MethodOverrideOptions;
import io.express4j.RateLimitOptions;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Twin of {@code express/routes/middleware.js}: cors, method-override and rate limiting. Rate limiters key by the
 * {@code X-Key} header and send no legacy headers, as there.
 */
final class MiddlewareRoutes {
    private MiddlewareRoutes() {}

    static void install(App app) {
        Handler answer = (req, res) -> res.send(req.method() + " " + req.originalUrl());

        app.all("/mw/cors/default", Express.cors(), answer);
        app.all(
                "/mw/cors/fixed",
                Express.cors(new CorsOptions()
                        .origin("http://example.com")
                        .credentials(true)
                        .maxAge(0)
                        .exposedHeaders("X-A", "X-B")),
                answer);
        app.all(
                "/mw/cors/list",
                Express.cors(new CorsOptions()
                        .origin(List.of(Pattern.compile("foo\\.com$"), "http://example.com"))
                        .allowedHeaders("A,B")
                        .optionsSuccessStatus(200)
                        .maxAge(600)),
                answer);
        app.all(
                "/mw/cors/reflect",
                Express.cors(
                        new CorsOptions().origin(true).preflightContinue(true).methods("GET", "POST")),
                answer);
        app.all("/mw/cors/regex", Express.cors(new CorsOptions().origin(Pattern.compile("^https?://x\\."))), answer);
        app.all("/mw/cors/off", Express.cors(new CorsOptions().origin(false).credentials(true)), answer);
        app.all(
                "/mw/cors/callback",
                Express.cors(new CorsOptions().origin(origin -> "http://ok.test".equals(origin))),
                answer);
        app.all(
                "/mw/cors/vary",
                (req, res, next) -> {
                    res.set("Vary", "Accept");
                    next.run();
                },
                Express.cors(new CorsOptions().origin("http://example.com")),
                answer);

        Handler overridden = (req, res) -> res.send(req.method() + " " + req.originalMethod());
        app.use("/mw/override/header", Express.methodOverride());
        app.use("/mw/override/query", Express.methodOverride("_method"));
        app.use("/mw/override/any", Express.methodOverride("X-Method", new MethodOverrideOptions().anyMethod()));
        app.all("/mw/override/*splat", overridden);

        // one request per key, its limit in ?limit (see middleware.js)
        Supplier<RateLimitOptions> byKey = () -> new RateLimitOptions()
                .keyGenerator(req -> String.valueOf(req.get("X-Key")))
                .limit(req -> Integer.parseInt(req.query("limit")))
                .legacyHeaders(false);
        app.get("/mw/limit/default", Express.rateLimit(byKey.get()), answer);
        app.get("/mw/limit/draft6", Express.rateLimit(byKey.get().standardHeaders(true)), answer);
        app.get("/mw/limit/draft7", Express.rateLimit(byKey.get().standardHeaders("draft-7")), answer);
        app.get(
                "/mw/limit/draft8",
                Express.rateLimit(byKey.get().standardHeaders("draft-8").windowMs(5_400_000)),
                Express.rateLimit(
                        byKey.get().limit(3).standardHeaders("draft-8").identifier("second")),
                answer);
        app.get(
                "/mw/limit/json",
                Express.rateLimit(byKey.get()
                        .statusCode(503)
                        .message(Map.of("error", "slow down"))
                        .standardHeaders("draft-7")),
                answer);
        app.get("/mw/limit/skip", Express.rateLimit(byKey.get().skip(req -> "1".equals(req.query("skip")))), answer);
    }
}
