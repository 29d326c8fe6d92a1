package io.express4j.conformance;

import io.express4j.App;
import io.express4j.CompressionOptions;
import io.express4j.Express;
import io.express4j.Middleware;
import io.express4j.SendFileOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twin of {@code express/routes/compression.js}: compression 1.8 in front of send, json, write, flush and
 * sendFile; the corpus is {@code 17-compression.txt}, compared after decoding the bodies.
 */
final class CompressionRoutes {
    private CompressionRoutes() {}

    /** 2,200 bytes: over the 1 KiB threshold. */
    private static final String BIG = "the quick brown fox jumps over the lazy dog\n".repeat(50);

    static void install(App app, Path fixtures) {
        Middleware gz = Express.compression();
        app.get("/gz/send", gz, (req, res) -> res.send(BIG));
        app.get("/gz/small", gz, (req, res) -> res.send("hello, world"));
        app.get("/gz/json", gz, (req, res) -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", i);
                item.put("name", "item " + i);
                items.add(item);
            }
            res.json(Map.of("items", items));
        });
        app.get("/gz/write", gz, (req, res) -> {
            res.type("text");
            for (int i = 0; i < 40; i++) res.write("line " + i + " of a streamed body\n");
            res.end();
        });
        app.get("/gz/flush", gz, (req, res) -> {
            res.type("text/event-stream");
            res.write("data: 1\n\n");
            res.flush();
            res.write("data: 2\n\n");
            res.flush();
            res.end();
        });
        app.get("/gz/length", gz, (req, res) -> {
            res.type("text");
            res.set("Content-Length", Integer.toString(BIG.getBytes(StandardCharsets.UTF_8).length));
            res.end(BIG);
        });
        app.get("/gz/no-transform", gz, (req, res) -> {
            res.set("Cache-Control", "no-transform");
            res.send(BIG);
        });
        app.get("/gz/image", gz, (req, res) -> {
            res.type("png");
            res.send(BIG.getBytes(StandardCharsets.UTF_8));
        });
        app.get("/gz/encoded", gz, (req, res) -> {
            res.set("Content-Encoding", "x-custom");
            res.send(BIG);
        });
        app.get("/gz/etag", gz, (req, res) -> {
            res.set("ETag", "\"v1\"");
            res.send(BIG);
        });
        app.get("/gz/empty", gz, (req, res) -> res.status(204).end());
        app.get(
                "/gz/file",
                gz,
                (req, res) -> res.sendFile("lorem.txt", new SendFileOptions().root(fixtures.toString())));
        app.get(
                "/gz/threshold0",
                Express.compression(new CompressionOptions().threshold(0)),
                (req, res) -> res.send("tiny"));
        app.get(
                "/gz/threshold0/204",
                Express.compression(new CompressionOptions().threshold(0)),
                (req, res) -> res.type("text").status(204).end());
        app.get(
                "/gz/threshold0/etag",
                Express.compression(new CompressionOptions().threshold(0)),
                (req, res) -> res.set("ETag", "\"v1\"").send("tiny"));
        app.get(
                "/gz/threshold-string",
                Express.compression(new CompressionOptions().threshold("4kb")),
                (req, res) -> res.send(BIG));
        app.get("/gz/level", Express.compression(new CompressionOptions().level(1)), (req, res) -> res.send(BIG));
        app.get(
                "/gz/filter",
                Express.compression(new CompressionOptions().filter((req, res) -> "1".equals(req.query("z")))),
                (req, res) -> res.send(BIG));
        app.get(
                "/gz/enforce",
                Express.compression(new CompressionOptions().enforceEncoding("gzip")),
                (req, res) -> res.send(BIG));
    }
}
