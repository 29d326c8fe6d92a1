package io.express4j.example;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.Express;
import io.express4j.HttpError;
import io.express4j.Router;
import io.express4j.Server;
import io.express4j.StaticOptions;
import io.express4j.mustache.MustacheEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        app.use("/static", Express.staticFiles(folder("public"), new StaticOptions().maxAge("1h")));
        app.get("/download", (req, res) -> res.download(folder("public") + "/hello.txt", "greeting.txt"));

        // One body sent five ways, the heads shown side by side in the browser (README: "The seed's question").
        app.use("/seed", SeedQuestion.router(folder("public")));

        // Cookies: a signed visit counter (a tampered cookie reads as false and starts again at 1).
        app.use(Express.cookieParser("express4j example secret"));
        app.get("/cookies", (req, res) -> {
            int visits = visits(req.signedCookies().get("visits")) + 1;
            res.cookie(
                    "visits",
                    Integer.toString(visits),
                    new CookieOptions().signed(true).httpOnly(true).maxAge(Duration.ofDays(1)));
            res.json(Map.of("visits", visits, "cookies", req.cookies()));
        });
        app.get("/cookies/forget", (req, res) -> {
            res.clearCookie("visits");
            res.redirect("/cookies");
        });

        // Views: example/views/*.mustache rendered with res.render.
        app.engine("mustache", new MustacheEngine());
        app.set("view engine", "mustache");
        app.set("views", folder("views"));
        app.locals().put("appName", "express4j example");
        app.get(
                "/page",
                (req, res) -> res.render(
                        "index",
                        Map.of(
                                "title", "A rendered page",
                                "users",
                                        List.of(
                                                Map.of("name", "Tobi", "role", "admin"),
                                                Map.of("name", "Loki", "role", "user")),
                                "ip", req.ip(),
                                "visits", visits(req.signedCookies().get("visits")))));

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
        api.route("/items/:id").get((req, res) -> res.send(req.params("id"))).delete((req, res) -> res.sendStatus(204));
        api.get(
                "/files/*path",
                (req, res) -> res.json(Map.of("segments", req.params().get("path"))));
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

    private static int visits(Object signedCookie) {
        try {
            return signedCookie instanceof String s ? Integer.parseInt(s) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A folder of the example module ({@code public}, {@code views}), whether the app runs in the module's directory
     * ({@code exec:exec}) or from the repository root.
     */
    static String folder(String name) {
        Path here = Path.of(name);
        return (Files.isDirectory(here) ? here : Path.of("example", name))
                .toAbsolutePath()
                .toString();
    }

    /** Stands for some work done before answering, e.g. kicking off a job. */
    private static void startService() throws InterruptedException {
        Thread.sleep(5);
    }

    public static void main(String[] args) {
        Server server = create().listen(port());
        // SIGTERM / Ctrl-C: stop accepting, let in-flight requests finish (up to 10 s), then exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close(Duration.ofSeconds(10))));
        System.out.println("express4j example listening on http://localhost:" + server.port()
                + "  (try /, /json, /stream, /users/42?x=1, /api/items/7, /cookies, /page, /static/, /download, /fail,"
                + " POST /echo, POST /form, /seed in a browser)");
    }

    private static int port() {
        for (String value :
                List.of(System.getProperty("port", ""), System.getenv().getOrDefault("PORT", ""))) {
            if (!value.isBlank()) return Integer.parseInt(value.trim());
        }
        return 3000;
    }
}
