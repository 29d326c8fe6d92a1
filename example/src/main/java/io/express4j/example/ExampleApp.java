package io.express4j.example;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.HttpError;
import io.express4j.Router;
import io.express4j.Server;
import io.express4j.StaticOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's example app: {@code mvn -q compile exec:exec} serves it on port 3000 ({@code -Dport=…} or
 * {@code PORT} to change).
 */
public final class ExampleApp {
    private ExampleApp() {}

    public static App create() {
        App app = Express.app();

        app.use((req, res, next) -> {
            res.set("X-Response-From", "express4j-example");
            next.run();
        });

        app.get("/", (req, res) -> res.send("Hello World"));

        // example/public: `mvn exec:exec` runs in the example module's directory
        app.use("/static", Express.staticFiles(publicDir(), new StaticOptions().maxAge("1h")));
        app.get("/download", (req, res) -> res.download(publicDir() + "/hello.txt", "greeting.txt"));

        app.get("/start-service", (req, res) -> {
            startService();
            res.end();
        });

        app.get("/stream", (req, res) -> {
            res.set("Content-Type", "text/plain");
            for (int i = 0; i < 10; i++) res.write("chunk " + i + "\n");
            res.end();
        });

        app.get("/json", (req, res) -> res.json(Map.of("message", "Hello, World!")));

        app.get("/users/:id", (req, res) -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", req.params("id"));
            user.put("query", req.query());
            res.json(user);
        });

        // Body parsers: a JSON echo and a form post.
        app.post("/echo", Express.json(), (req, res) -> res.json(req.body()));
        app.post("/form", Express.urlencoded(), (req, res) -> {
            Object name = req.body() instanceof Map<?, ?> form ? form.get("name") : null;
            res.type("text").send("Hello, " + (name == null ? "stranger" : name));
        });

        Router api = Express.router();
        api.route("/items/:id")
                .get((req, res) -> res.send(req.params("id")))
                .delete((req, res) -> res.sendStatus(204));
        api.get("/files/*path", (req, res) -> res.json(Map.of("segments", req.params().get("path"))));
        app.use("/api", api);

        app.get("/fail", (req, res) -> {
            throw new HttpError(418, "I'm a teapot, not a coffee machine");
        });

        app.get("/boom", (req, res) -> {
            throw new IllegalStateException("something broke");
        });

        // Error middleware: teapots get a friendly JSON answer, everything else the default error page.
        app.use((err, req, res, next) -> {
            if (err instanceof HttpError http && http.status() == 418) {
                res.status(418).json(Map.of("error", http.getMessage()));
            } else {
                next.fail(err);
            }
        });
        return app;
    }

    /**
     * The {@code public} folder beside the app: {@code exec:exec} runs in {@code example/}; from the repository root
     * (e.g. a jar started there) it is {@code example/public}.
     */
    static String publicDir() {
        return Files.isDirectory(Path.of("public")) || !Files.isDirectory(Path.of("example/public"))
                ? "public" : "example/public";
    }

    /** Stands for some work done before answering, e.g. kicking off a job. */
    private static void startService() throws InterruptedException {
        Thread.sleep(5);
    }

    public static void main(String[] args) {
        Server server = create().listen(port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("express4j example listening on http://localhost:" + server.port()
                + "  (try /, /json, /stream, /users/42?x=1, /api/items/7, /fail, POST /echo, POST /form, /static/,"
                + " /download)");
    }

    private static int port() {
        for (String value : List.of(System.getProperty("port", ""), System.getenv().getOrDefault("PORT", ""))) {
            if (!value.isBlank()) return Integer.parseInt(value.trim());
        }
        return 3000;
    }
}
