package io.express4j.example;

import io.express4j.Express;
import io.express4j.Router;
import io.express4j.SendFileOptions;
import java.util.Map;

/**
 * The question express4j started from, answered on one page: the same 17 bytes sent five ways get five different
 * heads. {@code GET /seed} is the page; its script fetches {@code /seed/send}, {@code /seed/end}, {@code /seed/write},
 * {@code /seed/json} and {@code /seed/sendFile}, then each again with {@code If-None-Match}, and tabulates the real
 * response headers.
 */
final class SeedQuestion {
    /** The body every endpoint sends; {@code public/seed/hello.json} holds the same bytes for res.sendFile. */
    static final String BODY = "{\"hello\":\"world\"}";

    private SeedQuestion() {}

    static Router router(String publicFolder) {
        Router seed = Express.router();
        seed.get("/", (req, res) -> res.sendFile("seed.html", new SendFileOptions().root(publicFolder)));
        seed.get("/send", (req, res) -> res.send(BODY));
        seed.get("/end", (req, res) -> res.end(BODY));
        seed.get("/write", (req, res) -> {
            res.write(BODY);
            res.end();
        });
        seed.get("/json", (req, res) -> res.json(Map.of("hello", "world")));
        seed.get("/sendFile", (req, res) -> res.sendFile("seed/hello.json", new SendFileOptions().root(publicFolder)));
        return seed;
    }
}
