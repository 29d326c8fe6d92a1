package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import java.util.List;
import java.util.Map;

/** Twin of {@code express/routes/stream.js}: end, write, writeHead, flushHeaders and Node's framing. */
final class StreamRoutes {
    private StreamRoutes() {}

    static void install(App app) {
        // --- res.end
        app.get("/end/string", (req, res) -> res.end("raw end"));
        app.get("/end/empty", (req, res) -> res.end());
        app.get("/end/buffer", (req, res) -> res.end(new byte[] {1, 2, 3}));
        app.get("/end/unicode", (req, res) -> res.end("☃"));
        app.get("/end/status204", (req, res) -> {
            res.statusCode(204);
            res.end("ignored");
        });
        app.get("/end/status304", (req, res) -> {
            res.statusCode(304);
            res.end("ignored");
        });
        app.get("/end/status205", (req, res) -> {
            res.statusCode(205);
            res.end("kept by node");
        });
        app.get("/end/status404", (req, res) -> {
            res.statusCode(404);
            res.end("nope");
        });
        app.get(
                "/end/typed",
                (req, res) -> res.set("Content-Type", "text/plain").end("typed"));
        app.get("/end/false-type", (req, res) -> res.set("Content-Type", "nope").end("quirk"));
        app.get(
                "/end/content-length",
                (req, res) -> res.set("Content-Length", "4").end("four"));
        app.get("/end/status-message", (req, res) -> {
            res.statusMessage("Very Fine");
            res.end("ok");
        });
        app.get("/end/twice", (req, res) -> {
            res.end("once");
            res.end();
        });

        // --- res.write
        app.get("/write", (req, res) -> {
            res.write("chunk1;");
            res.write("chunk2;");
            res.end("last");
        });
        app.get("/write/typed", (req, res) -> {
            res.set("Content-Type", "text/plain");
            for (int i = 0; i < 5; i++) res.write("chunk " + i + "\n");
            res.end();
        });
        app.get("/write/with-length", (req, res) -> {
            res.setHeader("Content-Length", "6");
            res.write("abc");
            res.end("def");
        });
        app.get("/write/empty-first", (req, res) -> {
            res.write("");
            res.write("x");
            res.end();
        });
        app.get("/write/only-empty", (req, res) -> {
            res.write("");
            res.end();
        });
        app.get("/write/buffer", (req, res) -> {
            res.write(new byte[] {0, (byte) 255});
            res.end(new byte[] {1});
        });
        app.get("/write/status204", (req, res) -> {
            res.statusCode(204);
            res.write("ignored");
            res.end();
        });
        app.get("/write/status304", (req, res) -> {
            res.statusCode(304);
            res.write("ignored");
            res.end();
        });
        app.get("/write/large", (req, res) -> {
            for (int i = 0; i < 64; i++) res.write("x".repeat(1024) + "\n");
            res.end("done");
        });
        app.get("/write/unicode", (req, res) -> {
            res.write("☃");
            res.end("😀");
        });
        app.get("/write/transfer-encoding", (req, res) -> {
            res.setHeader("Transfer-Encoding", "chunked");
            res.write("a");
            res.end("b");
        });
        app.get("/write/connection-close", (req, res) -> {
            res.setHeader("Connection", "close");
            res.write("a");
            res.end("b");
        });
        app.get("/write/then-set", (req, res) -> {
            res.write("a");
            try {
                res.set("X-Late", "1");
            } catch (IllegalStateException e) {
                res.write(" refused");
            }
            res.end();
        });

        // --- res.writeHead
        app.get("/writehead", (req, res) -> {
            res.writeHead(201, Map.of("Content-Type", "text/plain"));
            res.end("created");
        });
        app.get("/writehead/status-only", (req, res) -> {
            res.writeHead(202);
            res.end();
        });
        app.get("/writehead/reason", (req, res) -> {
            res.writeHead(200, "All Good", Map.of("X-Reason", "custom"));
            res.end("ok");
        });
        app.get("/writehead/merge", (req, res) -> {
            res.set("X-First", "1");
            res.set("X-Shared", "stored");
            res.writeHead(200, obj("X-Shared", "given", "X-Second", "2"));
            res.end("merged");
        });
        app.get("/writehead/array", (req, res) -> {
            res.writeHead(200, Map.of("X-Multi", List.of("a", "b")));
            res.end();
        });
        app.get("/writehead/with-length", (req, res) -> {
            res.writeHead(200, Map.of("Content-Length", "5"));
            res.end("fixed");
        });
        app.get("/writehead/204", (req, res) -> {
            res.writeHead(204, Map.of("X-Why", "empty"));
            res.end("dropped");
        });
        app.get("/writehead/then-write", (req, res) -> {
            res.writeHead(200);
            res.write("w1");
            res.end("w2");
        });
        app.get("/writehead/then-set", (req, res) -> {
            res.writeHead(200);
            String refused = "no";
            try {
                res.setHeader("X-Late", "1");
            } catch (IllegalStateException e) {
                refused = "yes";
            }
            res.end("refused=" + refused);
        });

        // --- res.flushHeaders
        app.get("/flush", (req, res) -> {
            res.set("X-Flushed", "yes");
            res.flushHeaders();
            res.end("after flush");
        });
        app.get("/flush/empty", (req, res) -> {
            res.flushHeaders();
            res.end();
        });
        app.get("/flush/write", (req, res) -> {
            res.flushHeaders();
            res.write("a");
            res.end("b");
        });

        app.get("/headers-sent", (req, res) -> {
            boolean before = res.headersSent();
            res.write("before=" + before + ";");
            res.end("after=" + res.headersSent());
        });
    }
}
