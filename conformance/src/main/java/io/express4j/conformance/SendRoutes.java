package io.express4j.conformance;

import static io.express4j.conformance.Js.arr;
import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.Express;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/** Twin of {@code express/routes/send.js}: res.send with every body type, res.json and its settings, status, type. */
final class SendRoutes {
    private SendRoutes() {}

    /** Serialised like the object literal of the Node twin: components in declaration order. */
    record Pet(String name, int age, List<String> tags, Object owner) {}

    record Owner(String name) {}

    static void install(App app) {
        // --- res.send: strings
        app.get("/send/string", (req, res) -> res.send("Hello World"));
        app.get("/send/empty-string", (req, res) -> res.send(""));
        app.get("/send/html", (req, res) -> res.send("<p>hey</p>"));
        app.get("/send/unicode", (req, res) -> res.send("héllo wörld ☃ 😀"));
        app.get("/send/dashes", (req, res) -> res.send("-".repeat(999)));
        app.get("/send/large", (req, res) -> res.send("0123456789abcdef".repeat(8192)));
        app.get("/send/crlf", (req, res) -> res.send("line1\r\nline2\n"));

        // --- res.send: a string under a Content-Type already set
        app.get(
                "/send/ct/text-plain",
                (req, res) -> res.set("Content-Type", "text/plain").send("hey"));
        app.get(
                "/send/ct/latin1",
                (req, res) -> res.set("Content-Type", "text/plain; charset=iso-8859-1")
                        .send("latin"));
        app.get(
                "/send/ct/param",
                (req, res) -> res.set("Content-Type", "text/plain; foo=bar").send("hey"));
        app.get(
                "/send/ct/malformed-param",
                (req, res) -> res.set("Content-Type", "text/plain; foo").send("hey"));
        app.get(
                "/send/ct/upper",
                (req, res) -> res.set("Content-Type", "TEXT/Plain; Foo=Bar").send("hey"));
        app.get(
                "/send/ct/xml",
                (req, res) -> res.set("Content-Type", "application/xml").send("<a/>"));
        app.get(
                "/send/ct/unknown-ext",
                (req, res) -> res.set("Content-Type", "nope").send("hey"));
        app.get("/send/ct/garbage", (req, res) -> {
            res.setHeader("Content-Type", "garbage");
            res.send("hey");
        });
        app.get(
                "/send/ct/header-lower",
                (req, res) -> res.set("content-type", "text/plain").send("hey"));

        // --- res.send: bytes
        app.get("/send/buffer", (req, res) -> res.send("Hello Buffer".getBytes(StandardCharsets.UTF_8)));
        app.get("/send/buffer/empty", (req, res) -> res.send(new byte[0]));
        app.get("/send/buffer/binary", (req, res) -> res.send(new byte[] {0, 1, 2, (byte) 254, (byte) 255, 10, 13}));
        app.get("/send/buffer/typed", (req, res) -> res.send(new byte[] {104, 105}));
        app.get(
                "/send/buffer/ct-kept",
                (req, res) -> res.set("Content-Type", "text/plain; charset=iso-8859-1")
                        .send("hi".getBytes(StandardCharsets.UTF_8)));
        app.get(
                "/send/buffer/ct-text",
                (req, res) -> res.type("txt").send("plain bytes".getBytes(StandardCharsets.UTF_8)));
        app.get("/send/buffer/ct-png", (req, res) -> res.type("png").send(new byte[] {(byte) 137, 80, 78, 71}));

        // --- res.send: no body, null, and values that go through res.json
        app.get("/send/none", (req, res) -> res.send());
        app.get("/send/null", (req, res) -> res.send((Object) null));
        app.get("/send/object", (req, res) -> res.send(obj("hello", "world", "n", arr(1, 2))));
        app.get("/send/array", (req, res) -> res.send(arr(1, "a", null, true)));
        app.get("/send/empty-object", (req, res) -> res.send(obj()));
        app.get("/send/number", (req, res) -> res.send(42));
        app.get("/send/number-1000", (req, res) -> res.send(1000));
        app.get("/send/true", (req, res) -> res.send(true));
        app.get("/send/false", (req, res) -> res.send(false));
        app.get("/send/nested", (req, res) -> res.send(obj("a", obj("b", obj("c", arr(1, obj("d", "e")))), "z", null)));

        // --- the Java body types with a JavaScript twin
        app.get(
                "/send/bytebuffer",
                (req, res) -> res.send(ByteBuffer.wrap("from a buffer".getBytes(StandardCharsets.UTF_8))));
        app.get("/send/record", (req, res) -> res.send(new Pet("tobi", 3, List.of("ferret"), null)));
        app.get("/send/double", (req, res) -> res.send(1.5));
        app.get("/send/whole-double", (req, res) -> res.send(2.0));
        app.get("/send/long", (req, res) -> res.send(9007199254740991L));
        app.get("/send/list", (req, res) -> res.send(List.of("a", "b")));
        app.get(
                "/json/undefined-inside",
                (req, res) -> res.json(obj("a", Express.UNDEFINED, "b", arr(Express.UNDEFINED, 1), "c", "kept")));
        app.get("/json/record", (req, res) -> res.json(new Pet("loki", 1, List.of(), new Owner("tj"))));

        // --- res.send: what the status does to the body
        app.get("/send/status/201", (req, res) -> res.status(201).send("created"));
        app.get("/send/status/204", (req, res) -> res.status(204).send("gone"));
        app.get("/send/status/205", (req, res) -> res.status(205).send("reset"));
        app.get("/send/status/304", (req, res) -> res.status(304).send("not modified"));
        app.get("/send/status/404", (req, res) -> res.status(404).send("missing"));
        app.get("/send/status/500", (req, res) -> res.status(500).send("broken"));
        app.get("/send/status/299", (req, res) -> res.status(299).send("odd"));
        app.get("/send/status/999", (req, res) -> res.status(999).send("very odd"));
        app.get("/send/status/invalid-99", (req, res) -> res.status(99).send("never"));
        app.get("/send/status/invalid-1000", (req, res) -> res.status(1000).send("never"));

        // --- res.send twice: the first response stands
        app.get("/send/twice", (req, res) -> {
            res.send("first");
            try {
                res.send("second");
            } catch (IllegalStateException e) {
                // Express throws ERR_HTTP_HEADERS_SENT here; the app catches it the same way
            }
        });

        app.get(
                "/send/transfer-encoding",
                (req, res) -> res.set("Transfer-Encoding", "chunked").send("chunky"));

        // --- res.sendStatus
        for (int code : new int[] {200, 201, 202, 204, 205, 299, 304, 400, 404, 418, 500, 503, 599, 999}) {
            app.get("/status/" + code, (req, res) -> res.sendStatus(code));
        }
        app.all("/status-any/418", (req, res) -> res.sendStatus(418));

        // --- res.json
        app.get("/json/object", (req, res) -> res.json(obj("a", 1, "b", arr(true, null), "s", "<tag>")));
        app.get("/json/array", (req, res) -> res.json(arr(1, 2, 3)));
        app.get("/json/string", (req, res) -> res.json("str"));
        app.get("/json/number", (req, res) -> res.json(300));
        app.get("/json/null", (req, res) -> res.json(null));
        app.get("/json/undefined", (req, res) -> res.json());
        app.get("/json/true", (req, res) -> res.json(true));
        app.get(
                "/json/unicode",
                (req, res) -> res.json(obj("text", "héllo ☃ 😀", "ctl", "\u0001\t\n\"\\", "sep", "\u2028\u2029")));
        // doubles as a Java app holds them: a whole double is still JavaScript's 100
        app.get(
                "/json/doubles",
                (req, res) -> res.json(obj("half", 1.5, "whole", 100.0, "small", 0.1 + 0.2, "neg", -2.25)));
        app.get("/json/big-doubles", (req, res) -> res.json(obj("big", 1e21, "tiny", 1e-7, "max", Double.MAX_VALUE)));
        app.get("/json/long", (req, res) -> res.json(obj("long", 9007199254740991L)));
        app.get("/json/empty", (req, res) -> res.json(obj("o", obj(), "a", arr())));
        app.get(
                "/json/vnd-type",
                (req, res) -> res.type("application/vnd.api+json").json(obj("data", null)));
        app.get("/json/status", (req, res) -> res.status(201).json(obj("created", true)));

        App spaces = Express.app();
        spaces.set("json spaces", 2);
        spaces.get("/", (req, res) -> res.json(obj("a", 1, "b", arr(1, 2, obj("c", "d")), "e", obj(), "f", arr())));
        spaces.get("/array", (req, res) -> res.json(arr(1, arr(2, 3))));
        spaces.get("/string", (req, res) -> res.json("s"));
        app.use("/json-spaces", spaces);

        App tabs = Express.app();
        tabs.set("json spaces", "\t");
        tabs.get("/", (req, res) -> res.json(obj("a", 1, "b", arr(1, 2))));
        app.use("/json-tabs", tabs);

        App many = Express.app();
        many.set("json spaces", 20);
        many.get("/", (req, res) -> res.json(obj("a", arr(1))));
        app.use("/json-spaces-20", many);

        App escape = Express.app();
        escape.set("json escape", true);
        escape.get("/", (req, res) -> res.json(obj("html", "<script>alert(\"x\") && 1</script>")));
        escape.get("/send", (req, res) -> res.send(obj("amp", "&")));
        app.use("/json-escape", escape);

        App replacer = Express.app();
        BiFunction<String, Object, Object> dropSecret =
                (key, value) -> "secret".equals(key) ? Express.UNDEFINED : value;
        replacer.set("json replacer", dropSecret);
        replacer.get(
                "/",
                (req, res) -> res.json(obj(
                        "name",
                        "tobi",
                        "secret",
                        "x",
                        "nested",
                        obj("secret", 1, "keep", 2),
                        "list",
                        arr(obj("secret", 3)))));
        app.use("/json-replacer", replacer);

        // --- res.type
        app.get("/type/json", (req, res) -> res.type("json").end("{}"));
        app.get("/type/html", (req, res) -> res.type("html").end("<p>"));
        app.get("/type/dot-txt", (req, res) -> res.type(".txt").end("t"));
        app.get("/type/mime", (req, res) -> res.type("application/json").end("{}"));
        app.get("/type/mime-text", (req, res) -> res.type("text/plain").end("t"));
        app.get(
                "/type/mime-charset",
                (req, res) -> res.type("text/plain; charset=iso-8859-1").end("t"));
        app.get("/type/unknown", (req, res) -> res.type("nope").end("?"));
        app.get("/type/png", (req, res) -> res.type("png").end("p"));
        app.get("/type/js", (req, res) -> res.type("js").end("x"));
        app.get("/type/svg", (req, res) -> res.type("svg").end("<svg/>"));
        app.get("/type/content-type", (req, res) -> res.contentType("css").end("a{}"));
        app.get("/type/then-send", (req, res) -> res.type("xml").send("<x/>"));
    }
}
