package io.express4j.bench.servers;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Handler;
import io.express4j.Middleware;
import io.express4j.Server;
import io.express4j.ServerOptions;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;

/**
 * express4j in its default mode (every request on a virtual thread), written as an Express user would; see
 * {@link Express4jEventLoopServer} for the same app with its hot routes on the event loop. Besides
 * the load-test routes it has the scale-check routes: {@code POST|PUT /upload} reads the body and reports the heap
 * peak, {@code GET /big?mib=N} streams N MiB, {@code GET /mem} and {@code POST /mem/reset} read the heap peaks.
 */
public final class Express4jServer {
    private Express4jServer() {}

    public static void main(String[] args) {
        start(BenchPayloads.port(args, 8081), false);
    }

    /**
     * The app, listening; with {@code nonBlocking} its {@code /plaintext} and {@code /json} handlers are marked
     * {@link Express#nonBlocking} and answered on the event loop (the other routes block or do file I/O, so they
     * stay as they are).
     */
    static void start(int port, boolean nonBlocking) {
        App app = Express.app();
        for (int i = 0, n = BenchPayloads.decoyRoutes(); i < n; i++) {
            app.get(BenchPayloads.decoyPath(i), (req, res) -> res.send("decoy"));
        }
        Handler plaintext = (req, res) -> res.send(BenchPayloads.HELLO);
        Handler json = (req, res) -> res.json(Map.of(BenchPayloads.MESSAGE_KEY, BenchPayloads.HELLO));
        app.get("/plaintext", nonBlocking ? Express.nonBlocking(plaintext) : plaintext);
        app.get("/json", nonBlocking ? Express.nonBlocking(json) : json);
        app.get("/stream", (req, res) -> {
            res.set("Content-Type", "application/octet-stream");
            for (int i = 0; i < BenchPayloads.STREAM_WRITES; i++) res.write(BenchPayloads.KIB);
            res.end();
        });
        mountStatic(app, BenchPayloads.staticDir());
        TypicalStack.mount(app, BenchPayloads.staticDir());
        app.ws("/ws", (ws, req) -> ws.onMessage(ws::send)); // ws.sh: echo round trips

        app.post("/upload", (req, res) -> upload(req.inputStream(), res));
        app.put("/upload", (req, res) -> upload(req.inputStream(), res));
        app.get("/big", (req, res) -> {
            String mib = req.query("mib");
            long chunks = (mib == null ? 200 : Long.parseLong(mib)) * 16; // 64 KiB writes
            byte[] chunk = new byte[64 * 1024];
            res.set("Content-Type", "application/octet-stream");
            for (long i = 0; i < chunks; i++) res.write(chunk);
            res.end();
        });
        app.get("/mem", (req, res) -> res.type("json").send(HeapPeaks.json()));
        app.post("/mem/reset", (req, res) -> {
            HeapPeaks.reset();
            res.sendStatus(204);
        });

        // -Dhttp2=true: h2c (prior knowledge and Upgrade) besides HTTP/1.1, for benchmarks/h2.sh
        boolean http2 = Boolean.getBoolean("http2");
        Server server = app.listen(port, new ServerOptions().http2(http2));
        System.out.println("express4j" + (nonBlocking ? " (event loop)" : "") + (http2 ? " (HTTP/2 too)" : "")
                + " listening on " + server.port());
    }

    private static void upload(InputStream in, io.express4j.Response res) throws Exception {
        HeapPeaks.reset();
        long start = System.nanoTime();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) total += n;
        long millis = (System.nanoTime() - start) / 1_000_000;
        res.type("json").send("{\"bytes\":" + total + ",\"millis\":" + millis + ",\"heap\":" + HeapPeaks.json() + "}");
    }

    /**
     * {@code Express.staticFiles} (serve-static) is being built on another branch: mount it when this build has it,
     * so the 1 MiB file test turns itself on without editing this class. run.sh reports "pending" otherwise.
     */
    private static void mountStatic(App app, Path dir) {
        try {
            Method staticFiles = Express.class.getMethod("staticFiles", String.class);
            app.use("/static", (Middleware) staticFiles.invoke(null, dir.toString()));
            System.out.println("express4j static files from " + dir);
        } catch (NoSuchMethodException absent) {
            System.out.println("express4j has no Express.staticFiles yet: /static is not served");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot mount Express.staticFiles", e);
        }
    }
}
