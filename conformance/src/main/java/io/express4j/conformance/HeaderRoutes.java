package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.Express;
import java.util.List;

/** Twin of {@code express/routes/headers.js}: set / append / get, casing, order, multi-value, invalid values. */
final class HeaderRoutes {
    private HeaderRoutes() {}

    static void install(App app) {
        app.get("/set/single", (req, res) -> res.set("X-Custom", "value").send("ok"));
        app.get("/set/lower", (req, res) -> res.set("x-lower-case", "v").send("ok"));
        app.get("/set/mixed", (req, res) -> res.set("X-MiXeD-CaSe", "v").send("ok"));
        app.get("/set/recase", (req, res) -> {
            res.set("x-recase", "a");
            res.set("X-ReCase", "b");
            res.send("ok");
        });
        app.get("/set/order", (req, res) -> {
            res.set("X-C", "3");
            res.set("X-A", "1");
            res.set("X-B", "2");
            res.set("X-C", "again");
            res.send("ok");
        });
        app.get(
                "/set/array",
                (req, res) -> res.set("X-Multi", List.of("a", "b", "c")).send("ok"));
        app.get(
                "/set/object",
                (req, res) -> res.set(obj("X-One", "1", "X-Two", "2", "Content-Type", "text/plain"))
                        .send("ok"));
        app.get("/set/header-alias", (req, res) -> res.header("X-Alias", "yes").send("ok"));
        app.get("/set/ct-ext", (req, res) -> res.set("Content-Type", "html").end("<b>"));
        app.get(
                "/set/ct-json",
                (req, res) -> res.set("Content-Type", "application/json").end("{}"));
        app.get(
                "/set/ct-octet",
                (req, res) ->
                        res.set("Content-Type", "application/octet-stream").end("x"));
        app.get(
                "/set/ct-charset-kept",
                (req, res) ->
                        res.set("Content-Type", "text/html; charset=utf-16").end("x"));
        app.get(
                "/set/ct-array",
                (req, res) -> res.set("Content-Type", List.of("text/plain", "text/html"))
                        .send("never"));
        app.get("/set/empty-value", (req, res) -> res.set("X-Empty", "").send("ok"));
        app.get(
                "/set/spaces-value",
                (req, res) -> res.set("X-Spaces", "  padded  ").send("ok"));
        app.get(
                "/set/latin1-value",
                (req, res) -> res.set("X-Latin", "caf\u00e9").send("ok"));
        app.get("/set/invalid-value", (req, res) -> res.set("X-Bad", "a\nb").send("never"));
        app.get("/set/invalid-name", (req, res) -> res.set("X Bad", "v").send("never"));
        app.get(
                "/set/override-powered-by",
                (req, res) -> res.set("X-Powered-By", "custom").send("ok"));
        app.get(
                "/set/date",
                (req, res) -> res.set("Date", "Tue, 02 Jan 2024 03:04:05 GMT").send("ok"));
        app.get(
                "/set/content-length-wrong",
                (req, res) -> res.set("Content-Length", "100").send("short"));
        app.get(
                "/set/cache-control",
                (req, res) -> res.set("Cache-Control", "public, max-age=60").send("cached"));
        app.get("/set/headers-listed", (req, res) -> {
            res.set("X-A", "1");
            res.append("X-B", "2");
            res.send(String.join(",", res.getHeaderNames()));
        });
        app.get("/set/remove", (req, res) -> {
            res.set("X-Gone", "1");
            res.removeHeader("x-gone");
            res.send("ok");
        });

        app.get("/append/new", (req, res) -> res.append("X-App", "one").send("ok"));
        app.get("/append/existing", (req, res) -> {
            res.set("X-App", "one");
            res.append("X-App", "two");
            res.send("ok");
        });
        app.get("/append/array", (req, res) -> {
            res.append("X-App", List.of("a", "b"));
            res.append("X-App", "c");
            res.send("ok");
        });
        app.get("/append/set-cookie", (req, res) -> {
            res.append("Set-Cookie", "a=1; Path=/");
            res.append("Set-Cookie", "b=2; HttpOnly");
            res.send("ok");
        });
        app.get("/append/link", (req, res) -> {
            res.append("Link", "<http://localhost/>");
            res.append("Link", "<http://localhost:80/>");
            res.send("ok");
        });
        app.get("/append/then-set", (req, res) -> {
            res.append("X-App", "a");
            res.append("X-App", "b");
            res.set("X-App", "c");
            res.send("ok");
        });

        app.get("/get/set", (req, res) -> {
            res.set("X-Thing", "thing");
            res.send("got:" + res.get("x-thing"));
        });
        app.get("/get/missing", (req, res) -> res.send("got:" + (res.get("X-Missing") == null ? "undefined" : "?")));
        app.get("/get/content-type", (req, res) -> {
            res.type("json");
            res.send("type:" + res.get("Content-Type"));
        });

        app.get(
                "/req/headers",
                (req, res) -> res.json(obj(
                        "accept", req.get("Accept"),
                        "referer", req.get("Referrer"),
                        "custom", req.get("x-custom"),
                        "host", req.get("host"))));
        app.get("/req/host", (req, res) -> res.json(obj("host", req.host(), "hostname", req.hostname())));
        app.get("/req/http-version", (req, res) -> res.send(req.httpVersion()));
        app.all("/req/method", (req, res) -> res.send(req.method()));

        App quiet = Express.app();
        quiet.disable("x-powered-by");
        quiet.get("/", (req, res) -> res.send("no powered-by here"));
        app.use("/quiet", quiet);
    }
}
