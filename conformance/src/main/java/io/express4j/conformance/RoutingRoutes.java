package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.ErrorHandler;
import io.express4j.Express;
import io.express4j.Handler;
import io.express4j.Request;
import io.express4j.Router;
import io.express4j.RouterOptions;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Twin of {@code express/routes/routing.js}: path syntax, RegExp paths, case and strict settings, mounting,
 * next() variants, app.param, route(), all(), HEAD and OPTIONS, req.query.
 */
final class RoutingRoutes {
    private RoutingRoutes() {}

    /** What the handler sees of the URL, in the same key order as the Node twin's {@code echo}. */
    private static Map<String, Object> echo(Request req) {
        return obj(
                "baseUrl",
                req.baseUrl(),
                "originalUrl",
                req.originalUrl(),
                "path",
                req.path(),
                "url",
                req.url(),
                "params",
                req.params());
    }

    private static final Handler SEND = (req, res) -> res.json(echo(req));

    static void install(App app) {
        // --- path syntax
        app.get("/users/:id", SEND);
        app.get("/users/:uid/books/:bid", SEND);
        app.get("/opt/:id{/:format}", SEND);
        app.get("/file{.:ext}", SEND);
        app.get("/range/:from-:to", SEND);
        app.get("/dots/:name.:ext", SEND);
        app.get("/files/*path", SEND);
        app.get("/mixed/:a/*rest", SEND);
        app.get("/optsplat{/*rest}", SEND);
        app.get("/quoted/:\"with space\"", SEND);
        app.get("/escaped/\\(literal\\)", SEND);
        app.get("/esc-colon/\\:id", SEND);
        app.get("/unicode/ä/:x", SEND);
        app.get("/multi-opt{/:a{/:b}}", SEND);

        // --- RegExp paths
        app.get(Pattern.compile("^/re/(\\d+)$"), SEND);
        app.get(Pattern.compile("^/re-two/(\\w+)-(\\w+)$"), SEND);
        app.get(Pattern.compile("^/re-named/(?<year>\\d{4})/(?<month>\\d{2})$"), SEND);
        app.get(Pattern.compile("/re-partial"), SEND);

        // --- case sensitivity and strict routing
        Router cs = Express.router(new RouterOptions().caseSensitive(true));
        cs.get("/Upper", (req, res) -> res.send("Upper"));
        cs.get("/lower", (req, res) -> res.send("lower"));
        app.use("/cs", cs);

        Router ci = Express.router();
        ci.get("/Upper", (req, res) -> res.send("Upper, any case"));
        app.use("/ci", ci);

        Router strict = Express.router(new RouterOptions().strict(true));
        strict.get("/slash/", (req, res) -> res.send("with slash"));
        strict.get("/noslash", (req, res) -> res.send("without slash"));
        app.use("/strict", strict);

        Router loose = Express.router();
        loose.get("/slash/", (req, res) -> res.send("with slash, loose"));
        loose.get("/noslash", (req, res) -> res.send("without slash, loose"));
        app.use("/loose", loose);

        App settings = Express.app();
        settings.set("case sensitive routing", true);
        settings.set("strict routing", true);
        settings.get("/Case/", (req, res) -> res.send("case and slash"));
        app.use("/settings-app", settings);

        // --- mounting
        Router api = Express.router();
        api.get("/", SEND);
        api.get("/items/:id", SEND);
        Router v1 = Express.router();
        v1.get("/things/:thing", SEND);
        v1.use(SEND);
        api.use("/v1", v1);
        app.use("/api", api);

        Router org = Express.router(new RouterOptions().mergeParams(true));
        org.get("/repos/:repo", SEND);
        app.use("/org/:org", org);

        Router noMerge = Express.router();
        noMerge.get("/repos/:repo", SEND);
        app.use("/nomerge/:org", noMerge);

        App blog = Express.app();
        blog.get("/", (req, res) -> res.json(withApp(blog, req)));
        blog.get("/posts/:slug", SEND);
        App admin = Express.app();
        admin.get("/", (req, res) -> res.json(withApp(admin, req)));
        blog.use("/admin", admin);
        app.use("/blog", blog);

        app.use("/mw", (req, res, next) -> {
            res.set("X-Mw", req.baseUrl() + "|" + req.url());
            next.run();
        });
        app.get("/mw", SEND);
        app.get("/mw/deeper", SEND);
        app.get("/mwx", SEND);
        app.use(Pattern.compile("^/re-mount"), SEND);

        // --- next() variants
        app.get(
                "/next/chain",
                (req, res, next) -> {
                    res.set("X-Step", "1");
                    next.run();
                },
                (req, res, next) -> {
                    res.append("X-Step", "2");
                    next.run();
                },
                (Handler) (req, res) -> res.send("chained"));
        app.get(
                "/next/route",
                (req, res, next) -> {
                    res.set("X-Skipped", "yes");
                    next.skipRoute();
                },
                (Handler) (req, res) -> res.send("never"));
        app.get("/next/route", (req, res) -> res.send("second route"));
        app.get("/next/fallthrough", (req, res, next) -> next.run());
        app.get("/next/fallthrough", (req, res) -> res.send("second handler for the same path"));
        Router leaving = Express.router();
        leaving.use((req, res, next) -> {
            res.set("X-Left", "router");
            next.skipRouter();
        });
        leaving.get("/", (req, res) -> res.send("never"));
        app.use("/next/router", leaving);
        app.get("/next/router", (req, res) -> res.send("after the router"));
        app.get("/next/error", (req, res, next) -> next.fail(new RuntimeException("passed to next")), (Handler)
                (req, res) -> res.send("never"));
        app.get("/next/recover", (req, res, next) -> next.fail(new RuntimeException("recoverable")));
        app.use("/next/recover", (err, req, res, next) -> {
            res.set("X-Recovered", err.getMessage());
            next.run();
        });
        app.use("/next/recover", (req, res) -> res.send("recovered"));
        app.get("/next/rethrow", (req, res) -> {
            throw new RuntimeException("first");
        });
        app.use(
                "/next/rethrow",
                (err, req, res, next) -> next.fail(new RuntimeException("second, after " + err.getMessage())));
        app.use("/next/rethrow", (err, req, res, next) -> res.status(500).send(err.getMessage()));

        // --- app.param
        app.param("user", (req, res, next, value, name) -> {
            res.append("X-Param-Calls", name + "=" + value);
            if ("bad".equals(value)) {
                next.fail(new RuntimeException("bad user"));
                return;
            }
            if ("skip".equals(value)) {
                next.skipRoute();
                return;
            }
            req.attr("user", ((String) value).toUpperCase(Locale.ROOT));
            next.run();
        });
        app.get("/p/:user", (req, res, next) -> next.run());
        app.get("/p/:user", (req, res) -> res.json(obj("user", req.attr("user"), "params", req.params())));
        app.get("/p/:user", (req, res) -> res.send("after skip"));
        app.get("/p/:user/twice/:other", (req, res) -> res.json(obj("user", req.attr("user"), "params", req.params())));
        Router paramRouter = Express.router();
        paramRouter.param("id", (req, res, next, id, name) -> {
            res.set("X-Router-Param", (String) id);
            next.run();
        });
        paramRouter.get("/:id", (req, res) -> res.send("router param " + req.params("id")));
        app.use("/param-router", paramRouter);
        app.get(
                "/param-outside/:id",
                (req, res) -> res.send("no router param here: "
                        + (res.get("X-Router-Param") == null ? "none" : res.get("X-Router-Param"))));

        // --- error middleware inside a route
        app.route("/route-error")
                .get((req, res, next) -> next.fail(new RuntimeException("in route")))
                .get((ErrorHandler)
                        (err, req, res, next) -> res.status(502).send("route error handler: " + err.getMessage()));
        app.route("/route-error/recover")
                .get((req, res, next) -> next.fail(new RuntimeException("recovered in route")))
                .get((ErrorHandler) (err, req, res, next) -> {
                    res.set("X-Recovered", err.getMessage());
                    next.run();
                })
                .get((Handler) (req, res) -> res.send("after the route error handler"));
        app.route("/route-error/skipped")
                .get((ErrorHandler) (err, req, res, next) -> res.send("never: no error"))
                .get((Handler) (req, res) -> res.send("error handlers are skipped without an error"));

        // --- route(), all(), explicit head and options handlers
        app.route("/book")
                .get((req, res) -> res.send("get book"))
                .post((req, res) -> res.send("post book"))
                .put((req, res) -> res.send("put book"));
        app.route("/book/:id")
                .all((req, res, next) -> {
                    res.set("X-All", req.method());
                    next.run();
                })
                .get((req, res) -> res.send("book " + req.params("id")))
                .delete((req, res) -> res.sendStatus(204));
        app.all("/everything", (req, res) -> res.send("all " + req.method()));
        app.head("/explicit-head", (req, res) -> res.set("X-Head", "own").end());
        app.get("/explicit-head", (req, res) -> res.send("get body"));
        app.options("/explicit-options", (req, res) -> res.set("Allow", "NONE").send("own options"));
        app.get("/explicit-options", (req, res) -> res.send("get"));
        app.get("/allow/a", (req, res) -> res.send("a"));
        app.post("/allow/a", (req, res) -> res.send("a"));
        app.patch("/allow/a", (req, res) -> res.send("a"));
        app.put("/allow/:any", (req, res) -> res.send("any"));
        app.delete("/allow/delete-only", (req, res) -> res.send("d"));
        app.post("/post-only", (req, res) -> res.send("posted"));
        app.put("/put-only", (req, res) -> res.send("put"));
        app.delete("/delete-only", (req, res) -> res.send("deleted"));
        app.patch("/patch-only", (req, res) -> res.send("patched"));

        // --- req.query
        app.get("/query", (req, res) -> res.json(req.query()));
        app.get("/query/path", (req, res) -> res.json(obj("path", req.path(), "url", req.url(), "query", req.query())));
        App noQuery = Express.app();
        noQuery.set("query parser", false);
        noQuery.get("/", (req, res) -> res.json(req.query()));
        app.use("/query-off", noQuery);
    }

    private static Map<String, Object> withApp(App sub, Request req) {
        Map<String, Object> out = obj("mountpath", sub.mountpath(), "appPath", sub.path());
        out.putAll(echo(req));
        return out;
    }
}
