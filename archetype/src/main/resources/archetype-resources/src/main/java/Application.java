package ${package};

import ${package}.routes.IndexRoutes;
import ${package}.routes.UsersRoutes;
import io.express4j.App;
import io.express4j.Express;
import io.express4j.HttpError;
import io.express4j.Server;
import io.express4j.mustache.MustacheEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

/** The app (express-generator's app.js) and its start (bin/www). */
public final class Application {
    private Application() {}

    public static App create() {
        App app = Express.app();

        // view engine setup: views/*.mustache
        app.engine("mustache", new MustacheEngine());
        app.set("views", "views");
        app.set("view engine", "mustache");

        app.use(Express.json());
        app.use(Express.urlencoded());
        app.use(Express.cookieParser());
        app.use(Express.staticFiles("public"));

        app.use("/", IndexRoutes.router());
        app.use("/users", UsersRoutes.router());

        // nothing matched: forward a 404 to the error handler
        app.use((req, res, next) -> next.fail(HttpError.of(404)));

        // error handler: the stack trace only in development (NODE_ENV unset or "development")
        app.use((err, req, res, next) -> {
            boolean development = "development".equals(req.app().get("env"));
            int status = err instanceof HttpError http ? http.status() : 500;
            res.locals().put("message", err.getMessage());
            if (development) res.locals().put("error", Map.of("status", status, "stack", stackTrace(err)));
            res.status(status);
            res.render("error");
        });
        return app;
    }

    private static String stackTrace(Throwable err) {
        StringWriter out = new StringWriter();
        err.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "3000");
        Server server = create().listen(Integer.parseInt(port));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close(Duration.ofSeconds(10))));
        System.out.println("Listening on http://localhost:" + server.port());
    }
}
