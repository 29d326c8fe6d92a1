package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.BodyParserOptions;
import io.express4j.Express;
import io.express4j.Handler;
import io.express4j.HttpError;

/** Twin of {@code express/routes/body.js}: the body parsers, their options and their errors. */
final class BodyRoutes {
    private BodyRoutes() {}

    private static final Handler ECHO = (req, res) -> res.json(obj("body", req.body()));

    private static final Handler BYTES = (req, res) -> {
        byte[] b = req.body() instanceof byte[] bytes ? bytes : null;
        res.json(obj(
                "buffer",
                b != null,
                "length",
                b == null ? null : b.length,
                "first",
                b == null || b.length == 0 ? null : b[0] & 0xff));
    };

    static void install(App app) {
        app.post("/body/json", Express.json(), ECHO);
        app.put("/body/json", Express.json(), ECHO);
        app.get("/body/json", Express.json(), ECHO);
        app.post("/body/json-lax", Express.json(new BodyParserOptions().strict(false)), ECHO);
        app.post("/body/json-small", Express.json(new BodyParserOptions().limit(10)), ECHO);
        app.post("/body/json-any", Express.json(new BodyParserOptions().type("*/*")), ECHO);
        app.post("/body/json-no-inflate", Express.json(new BodyParserOptions().inflate(false)), ECHO);
        app.post(
                "/body/json-verify",
                Express.json(new BodyParserOptions().verify((req, res, buf, encoding) -> {
                    if (buf.length > 0 && buf[0] == '[') throw new IllegalStateException("no arrays here");
                })),
                ECHO);
        app.post("/body/json-handled", Express.json(), ECHO);
        app.use("/body/json-handled", (err, req, res, next) -> {
            HttpError e = (HttpError) err;
            // an error without a type (a broken gzip stream) has err.type undefined in Express
            Object type = e.type() == null ? Express.UNDEFINED : e.type();
            res.status(e.status()).json(obj("type", type, "status", e.status(), "expose", e.expose()));
        });

        app.post("/body/urlencoded", Express.urlencoded(), ECHO);
        app.post("/body/urlencoded-extended", Express.urlencoded(new BodyParserOptions().extended(true)), ECHO);
        app.post("/body/urlencoded-params", Express.urlencoded(new BodyParserOptions().parameterLimit(2)), ECHO);

        app.post("/body/text", Express.text(), ECHO);
        app.post(
                "/body/text-any",
                Express.text(new BodyParserOptions().type("*/*").defaultCharset("iso-8859-1")),
                ECHO);

        app.post("/body/raw", Express.raw(), BYTES);
        app.post("/body/raw-small", Express.raw(new BodyParserOptions().limit("4b")), BYTES);

        app.use("/body/stacked", Express.json(), Express.urlencoded(), Express.text());
        app.post("/body/stacked", ECHO);
    }
}
