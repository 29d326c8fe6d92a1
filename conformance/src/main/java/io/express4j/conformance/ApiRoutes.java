package io.express4j.conformance;

import static io.express4j.conformance.Js.arr;
import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.Express;
import io.express4j.Formats;
import io.express4j.Handler;
import io.express4j.Request;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twin of {@code express/routes/api.js}: jsonp, vary, links, location, redirect, attachment, cookies, format /
 * accepts / is, where the request came from (with and without trust proxy), the extended query parser.
 */
final class ApiRoutes {
    private ApiRoutes() {}

    /** What req says about where the request came from, in the same order as the Node twin's {@code origin}. */
    private static Map<String, Object> origin(Request req) {
        return obj(
                "ip",
                req.ip(),
                "ips",
                req.ips(),
                "protocol",
                req.protocol(),
                "secure",
                req.secure(),
                "host",
                req.host(),
                "hostname",
                req.hostname(),
                "subdomains",
                req.subdomains(),
                "xhr",
                req.xhr());
    }

    private static Object orFalse(Object value) {
        return value == null ? false : value;
    }

    static void install(App app) {
        // --- jsonp
        app.get("/rr/jsonp", (req, res) -> res.jsonp(obj("user", "tobi", "sep", "\u2028\u2029")));
        app.get("/rr/jsonp/status", (req, res) -> res.status(201).jsonp("text"));
        app.get("/rr/jsonp/typed", (req, res) -> res.type("text/plain").jsonp(null));
        App named = Express.app();
        named.set("jsonp callback name", "cb");
        named.get("/", (req, res) -> res.jsonp(arr(1, 2)));
        app.use("/rr/jsonp-name", named);

        // --- vary, links, location, redirect
        app.get(
                "/rr/vary",
                (req, res) -> res.vary("Accept").vary("accept, Origin").send("varied"));
        app.get(
                "/rr/vary/star",
                (req, res) -> res.vary("Accept").vary("*").vary("Origin").send("star"));
        app.get(
                "/rr/vary/preset",
                (req, res) -> res.set("Vary", "User-Agent").vary("Accept").send("preset"));
        app.get(
                "/rr/links",
                (req, res) -> res.links(obj("next", "/p?page=2", "last", "/p?page=5"))
                        .links(obj("prev", "/p?page=1"))
                        .send("linked"));
        app.get("/rr/location", (req, res) -> res.location("/target path?q=ä").end());
        app.get("/rr/location/back", (req, res) -> res.location("back").end());
        app.get(
                "/rr/location/absolute",
                (req, res) -> res.location("https://example.com/a b/%zz").end());
        app.get("/rr/redirect", (req, res) -> res.redirect("/target path?q=ä"));
        app.get("/rr/redirect/301", (req, res) -> res.redirect(301, "http://example.com/"));
        app.get("/rr/redirect/escape", (req, res) -> res.redirect("/<script>&\"'"));
        app.all("/rr/redirect/any", (req, res) -> res.redirect(303, "/see-other"));

        // --- attachment
        app.get(
                "/rr/attachment",
                (req, res) -> res.attachment("report 2024.pdf").send("pdf"));
        app.get("/rr/attachment/none", (req, res) -> res.attachment().send("bytes"));
        app.get(
                "/rr/attachment/unicode",
                (req, res) -> res.attachment("résumé €.txt").send("text"));
        app.get(
                "/rr/attachment/path",
                (req, res) -> res.attachment("/some/dir/data.json").send(obj("a", 1)));

        // --- cookies
        app.get("/rr/cookie", (req, res) -> {
            res.cookie(
                    "name",
                    "tobi",
                    new CookieOptions().httpOnly(true).sameSite("lax").expires(Instant.parse("2030-01-02T03:04:05Z")));
            res.cookie("obj", obj("a", 1, "b", arr(true)));
            res.cookie(
                    "enc",
                    "a b;c",
                    new CookieOptions()
                            .path("/rr")
                            .domain("example.com")
                            .secure(true)
                            .priority("high")
                            .partitioned(true));
            res.cookie("strict", "x", new CookieOptions().sameSite(true));
            res.clearCookie("old");
            res.clearCookie("scoped", new CookieOptions().path("/rr"));
            res.send("cookies");
        });
        app.use("/rr/cookies", Express.cookieParser("keyboard cat"));
        app.get("/rr/cookies", (req, res) -> res.json(obj("cookies", req.cookies(), "signed", req.signedCookies())));
        app.get(
                "/rr/cookies/sign",
                (req, res) -> res.cookie("s", "tobi", new CookieOptions().signed(true))
                        .cookie("j", obj("x", 1), new CookieOptions().signed(true))
                        .send("signed"));

        // --- negotiation
        app.get("/rr/format", (req, res) -> {
            Map<String, Handler> handlers = new LinkedHashMap<>();
            handlers.put("text/plain", (rq, rs) -> rs.send("plain"));
            handlers.put("application/json", (rq, rs) -> rs.send(obj("fmt", "json")));
            res.format(handlers);
        });
        app.get( // the builder form, as api.js writes it: zero-argument handlers
                "/rr/format/default",
                (req, res) -> res.format(Formats.of()
                        .on("html", () -> res.send("<p>html</p>"))
                        .otherwise(() -> res.status(406).send("default"))));
        app.get(
                "/rr/accepts",
                (req, res) -> res.json(obj(
                        "best", orFalse(req.accepts(List.of("html", "json"))),
                        "all", req.accepts(),
                        "language", orFalse(req.acceptsLanguages("en", "de")),
                        "encoding", orFalse(req.acceptsEncodings("gzip", "identity")),
                        "charset", orFalse(req.acceptsCharsets("utf-8", "iso-8859-1")))));
        app.post(
                "/rr/is",
                (req, res) -> res.json(obj("json", req.is("json"), "html", req.is("html"), "any", req.is("*/*"))));

        // --- where the request came from
        app.get("/rr/origin", (req, res) -> res.json(origin(req)));
        App trustAll = Express.app();
        trustAll.set("trust proxy", true);
        trustAll.get("/", (req, res) -> res.json(origin(req)));
        app.use("/rr/trust-all", trustAll);
        App trustOne = Express.app();
        trustOne.set("trust proxy", 1);
        trustOne.get("/", (req, res) -> res.json(origin(req)));
        app.use("/rr/trust-one", trustOne);
        App trustLoopback = Express.app();
        trustLoopback.set("trust proxy", "loopback");
        trustLoopback.get("/", (req, res) -> res.json(origin(req)));
        App innerApp = Express.app();
        innerApp.get("/", (req, res) -> res.json(origin(req)));
        trustLoopback.use("/inner", innerApp);
        app.use("/rr/trust-loopback", trustLoopback);

        // --- the extended query parser
        App extended = Express.app();
        extended.set("query parser", "extended");
        extended.get("/", (req, res) -> res.json(req.query()));
        app.use("/rr/query-extended", extended);
    }
}
