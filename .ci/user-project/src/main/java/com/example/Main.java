package com.example;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.HttpError;
import io.express4j.Server;
import java.util.Map;

/** The app a new user writes first: a route, a JSON route, an error; PORT from the environment, else 3000. */
public final class Main {
    private Main() {}

    public static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/users/:id", (req, res) -> res.json(Map.of("id", req.params("id"))));
        app.get("/missing", (req, res) -> {
            throw HttpError.of(404);
        });
        return app;
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "3000");
        Server server = app().listen(Integer.parseInt(port));
        System.out.println("listening on " + server.port());
    }
}
