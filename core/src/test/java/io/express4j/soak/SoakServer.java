package io.express4j.soak;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.express4j.ServerOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app the reliability scripts (scripts/soak.sh, slowloris.sh, drain.sh) load: plain text, JSON, and a route that
 * sleeps, on 127.0.0.1. SIGTERM closes it gracefully (in-flight requests finish); it then prints how many requests
 * it completed. Not part of the test suite.
 *
 * <p>{@code java … io.express4j.soak.SoakServer <port> [headersTimeoutMillis]}
 */
public final class SoakServer {
    private SoakServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        ServerOptions options = new ServerOptions().shutdownTimeout(Duration.ofSeconds(30));
        if (args.length > 1) options.headersTimeout(Duration.ofMillis(Long.parseLong(args[1])));
        AtomicLong completed = new AtomicLong();
        App app = Express.app();
        app.set("env", "production");
        app.get("/", (req, res) -> {
            res.send("Hello World");
            completed.incrementAndGet();
        });
        app.get("/json", (req, res) -> {
            res.json(Map.of("message", "Hello, World!"));
            completed.incrementAndGet();
        });
        app.get("/sleep", (req, res) -> {
            String ms = req.query("ms");
            Thread.sleep(ms == null ? 100 : Long.parseLong(ms));
            res.send("slept " + req.query("id"));
            completed.incrementAndGet();
        });
        Server server = app.listen(port, "127.0.0.1", options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long start = System.nanoTime();
            server.close();
            System.out.printf(
                    "CLOSED after %d ms, %d requests completed%n",
                    (System.nanoTime() - start) / 1_000_000, completed.get());
        }));
        System.out.println(
                "READY " + server.port() + " " + ProcessHandle.current().pid());
    }
}
