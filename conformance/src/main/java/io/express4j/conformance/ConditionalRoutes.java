package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Router;
import io.express4j.RouterVerbs;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Twin of {@code express/routes/conditional.js}: ETag settings, manual validators, req.fresh and 304. */
final class ConditionalRoutes {
    private static final String LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:05 GMT";

    private ConditionalRoutes() {}

    private static void validators(RouterVerbs<?> app) {
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/json", (req, res) -> res.json(obj("hello", "world")));
        app.get("/buffer", (req, res) -> res.send("bytes".getBytes(StandardCharsets.UTF_8)));
        app.get("/empty", (req, res) -> res.send(""));
        app.get("/none", (req, res) -> res.send());
        app.get("/status", (req, res) -> res.sendStatus(204));
        app.get("/end", (req, res) -> res.end("no etag from end"));
    }

    static void install(App app) {
        Router cond = Express.router();
        validators(cond);
        cond.get("/manual", (req, res) -> res.set("ETag", "\"manual\"").send("manual tag"));
        cond.get("/manual-weak", (req, res) -> res.set("ETag", "W/\"manual\"").send("manual tag"));
        cond.get(
                "/last-modified",
                (req, res) -> res.set("Last-Modified", LAST_MODIFIED).send("dated"));
        cond.get("/both", (req, res) -> res.set("Last-Modified", LAST_MODIFIED).send("dated and tagged"));
        cond.get("/status/201", (req, res) -> res.status(201).send("created"));
        cond.get("/status/404", (req, res) -> res.status(404).send("missing"));
        cond.get("/status/304", (req, res) -> res.status(304).send("already"));
        cond.all("/any", (req, res) -> res.send("any method"));
        cond.get("/fresh", (req, res) -> {
            res.set("ETag", "\"f\"");
            res.json(obj("fresh", req.fresh(), "stale", req.stale()));
        });
        app.use("/cond", cond);

        App strong = Express.app();
        strong.set("etag", "strong");
        validators(strong);
        app.use("/etag-strong", strong);

        App off = Express.app();
        off.set("etag", false);
        validators(off);
        off.get("/manual", (req, res) -> res.set("ETag", "\"kept\"").send("manual tag"));
        app.use("/etag-off", off);

        App on = Express.app();
        on.set("etag", true);
        validators(on);
        app.use("/etag-true", on);

        App custom = Express.app();
        Function<byte[], String> lengthTag = body -> "\"custom-" + body.length + "\"";
        custom.set("etag", lengthTag);
        validators(custom);
        app.use("/etag-custom", custom);

        App falsy = Express.app();
        Function<byte[], String> none = body -> null;
        falsy.set("etag", none);
        validators(falsy);
        app.use("/etag-falsy", falsy);
    }
}
