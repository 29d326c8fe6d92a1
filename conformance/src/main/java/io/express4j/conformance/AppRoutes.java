package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Handler;
import io.express4j.Request;
import io.express4j.Router;
import io.express4j.RouterOptions;
import java.util.Map;
import java.util.function.Function;

/**
 * Twin of {@code express/routes/app.js}: settings and their inheritance by mounted apps, locals, what req says,
 * custom methods, sub-apps and routers passing errors and misses on, mount paths, a custom query parser.
 */
final class AppRoutes {
    private AppRoutes() {}

    /** The settings a handler can read, in the same order as the Node twin's {@code settingsOf}. */
    private static Map<String, Object> settingsOf(App app) {
        return obj(
                "jsonSpaces", app.get("json spaces"),
                "etag", app.get("etag"),
                "queryParser", app.get("query parser"),
                "poweredBy", app.enabled("x-powered-by"),
                "caseSensitive", app.enabled("case sensitive routing"),
                "strictOff", app.disabled("strict routing"),
                "subdomainOffset", app.get("subdomain offset"),
                "jsonpCallback", app.get("jsonp callback name"),
                "custom", app.get("custom setting"),
                "childOnly", app.get("child only"));
    }

    private static Map<String, Object> urls(Request req) {
        return obj("baseUrl", req.baseUrl(), "url", req.url(), "originalUrl", req.originalUrl());
    }

    static void install(App app) {
        // --- settings
        App parent = Express.app();
        parent.set("json spaces", 2);
        parent.set("etag", "strong");
        parent.set("query parser", false);
        parent.set("custom setting", "from parent");
        parent.get("/", (req, res) -> res.json(settingsOf(req.app())));
        parent.get("/query", (req, res) -> res.json(req.query()));
        parent.get("/etag", (req, res) -> res.send("tagged"));
        App child = Express.app();
        child.set("child only", "yes");
        child.get("/", (req, res) -> res.json(settingsOf(req.app())));
        child.get("/query", (req, res) -> res.json(req.query()));
        child.get("/etag", (req, res) -> res.send("tagged"));
        child.get(
                "/mount",
                (req, res) ->
                        res.json(obj("mountpath", child.mountpath(), "path", child.path(), "baseUrl", req.baseUrl())));
        parent.use("/child", child);
        parent.get("/child/none", (req, res) -> res.json(settingsOf(req.app())));
        app.use("/inherit", parent);
        app.get("/settings", (req, res) -> res.json(settingsOf(req.app())));

        // --- locals
        app.locals().put("title", "conformance");
        app.use("/locals", (req, res, next) -> {
            res.locals().put("user", "tobi");
            res.locals().put("count", 1);
            next.run();
        });
        app.get(
                "/locals",
                (req, res) -> res.json(
                        obj("res", res.locals(), "title", req.app().locals().get("title"))));
        app.get("/locals/fresh", (req, res) -> res.json(res.locals()));

        // --- what req says
        app.all(
                "/info",
                (req, res) -> res.json(obj(
                        "method", req.method(),
                        "protocol", req.protocol(),
                        "secure", req.secure(),
                        "ip", req.ip(),
                        "path", req.path(),
                        "hostname", req.hostname(),
                        "fresh", req.fresh(),
                        "stale", req.stale())));
        app.get("/all-headers", (req, res) -> res.json(req.headers()));
        app.get(
                "/route-path/:id",
                (req, res) -> res.json(obj("route", req.route().path(), "params", req.params())));
        app.all(
                "/route-path-all/*rest",
                (req, res) -> res.json(obj("route", req.route().path(), "method", req.method())));

        // --- methods Node knows beyond the usual ones
        app.method("PROPFIND", "/dav", (Handler) (req, res) -> res.status(207).send("propfind"));
        app.method("PURGE", "/dav", (Handler) (req, res) -> res.send("purged"));
        app.method("MKCOL", "/dav", (Handler) (req, res) -> res.sendStatus(201));
        app.get("/dav", (req, res) -> res.send("get dav"));

        // --- a sub-app's errors and misses go on to the parent
        App failing = Express.app();
        failing.get("/throw", (req, res) -> {
            throw new RuntimeException("from the sub-app");
        });
        failing.get("/next", (req, res, next) -> next.fail(new RuntimeException("passed on by the sub-app")));
        app.use("/subapp", failing);
        app.get(
                "/subapp/miss",
                (req, res) -> res.json(obj("after", "the sub-app", "url", req.url(), "baseUrl", req.baseUrl())));
        app.use(
                "/subapp",
                (err, req, res, next) -> res.status(500)
                        .json(obj(
                                "caught",
                                err.getMessage(),
                                "url",
                                req.url(),
                                "baseUrl",
                                req.baseUrl(),
                                "parent",
                                req.app() == app)));

        App unhandled = Express.app();
        unhandled.get("/throw", (req, res) -> {
            throw new RuntimeException("nobody catches this");
        });
        app.use("/subapp-unhandled", unhandled);

        // --- a router's own error middleware, and next('router') from a route handler
        Router guarded = Express.router();
        guarded.get("/throw", (req, res) -> {
            throw new RuntimeException("router error");
        });
        guarded.get("/exit", (req, res, next) -> next.skipRouter());
        guarded.get("/exit", (req, res) -> res.send("never"));
        guarded.use((err, req, res, next) -> res.status(500).send("router caught: " + err.getMessage()));
        app.use("/guarded", guarded);
        app.get("/guarded/exit", (req, res) -> res.send("after next(router) from a route"));
        app.get("/guarded/throw", (req, res) -> res.send("never: the router answered"));

        // --- several middleware in one use(), a mount path with a trailing slash, params at two levels
        app.use(
                "/multi",
                (req, res, next) -> {
                    res.set("X-Multi", "a");
                    next.run();
                },
                (req, res, next) -> {
                    res.append("X-Multi", "b");
                    next.run();
                });
        app.get("/multi", (req, res) -> res.send("two middleware ran"));

        Router trail = Express.router();
        trail.get("/", (req, res) -> res.json(urls(req)));
        trail.get("/x", (req, res) -> res.json(urls(req)));
        app.use("/trail/", trail);

        Router shadow = Express.router(new RouterOptions().mergeParams(true));
        shadow.get("/:id", (req, res) -> res.json(req.params()));
        shadow.get("/:other/deeper", (req, res) -> res.json(req.params()));
        app.use("/shadow/:id", shadow);

        // --- a custom query parser
        App customQuery = Express.app();
        Function<String, Map<String, Object>> rawQuery = str -> obj("raw", str);
        customQuery.set("query parser", rawQuery);
        customQuery.get("/", (req, res) -> res.json(req.query()));
        app.use("/custom-query", customQuery);
    }
}
