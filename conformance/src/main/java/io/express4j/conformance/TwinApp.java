package io.express4j.conformance;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;

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

    /** The whole app for one env. */
    public static App build(String env) {
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
        FilesRoutes.install(app);
        ViewRoutes.install(app);
        ErrorRoutes.install(app);
        MiddlewareRoutes.install(app);
        return app;
    }

    /** Both instances, listening on loopback: index 0 is development, 1 production. */
    public static Server[] start() {
        Server dev = build("development").listen(0, "127.0.0.1");
        try {
            return new Server[] {dev, build("production").listen(0, "127.0.0.1")};
        } catch (RuntimeException e) {
            dev.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Server[] servers = start();
        System.out.println("{\"dev\":" + servers[0].port() + ",\"prod\":" + servers[1].port() + "}");
        Thread.currentThread().join();
    }
}
