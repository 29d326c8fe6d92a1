package io.express4j.conformance;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import java.nio.file.Path;

/**
 * The express4j twin of the conformance app in {@code conformance/express/app.js}: the same routes, area by area
 * ({@code routes/send.js} ~ {@link SendRoutes}), built twice — env {@code development} and env
 * {@code production} — so error pages can be compared with and without stack traces.
 *
 * <p>{@code main} starts both on ephemeral loopback ports and prints {@code {"dev":<port>,"prod":<port>}} like
 * the Node app, for poking at a difference by hand.
 */
public final class TwinApp {
    private TwinApp() {}

    /** The whole app for one env, serving files and views from {@code fixtures} (a copy of conformance/fixtures). */
    public static App build(String env, Path fixtures) {
        App app = Express.app();
        app.set("env", env);
        SendRoutes.install(app);
        StreamRoutes.install(app);
        HeaderRoutes.install(app);
        ConditionalRoutes.install(app);
        RoutingRoutes.install(app);
        AppRoutes.install(app);
        ApiRoutes.install(app);
        BodyRoutes.install(app);
        FilesRoutes.install(app, fixtures);
        ViewRoutes.install(app, fixtures);
        ErrorRoutes.install(app);
        MiddlewareRoutes.install(app);
        HelmetRoutes.install(app);
        SessionRoutes.install(app);
        CompressionRoutes.install(app, fixtures);
        return app;
    }

    /** Both instances, listening on loopback: index 0 is development, 1 production. */
    public static Server[] start(Path fixtures) {
        Server dev = build("development", fixtures).listen(0, "127.0.0.1");
        try {
            return new Server[] {dev, build("production", fixtures).listen(0, "127.0.0.1")};
        } catch (RuntimeException e) {
            dev.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // by hand, from the module folder, like `node app.js` from express/
        Server[] servers = start(Path.of("fixtures").toAbsolutePath());
        System.out.println("{\"dev\":" + servers[0].port() + ",\"prod\":" + servers[1].port() + "}");
        Thread.currentThread().join();
    }
}
