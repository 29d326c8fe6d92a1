package io.express4j.redis;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.Express;
import io.express4j.RateLimitOptions;
import io.express4j.Server;
import io.express4j.Session;
import io.express4j.SessionOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of the scale-out fleet, started as its own JVM by {@link ScaleOutTest}: sessions and rate limits in
 * Redis, {@code trust proxy} for the nginx in front. The same routes as the Express twin in
 * {@code src/test/node/app.js}, so the two can serve one user in turn.
 *
 * <p>Usage: {@code java -cp … io.express4j.redis.ScaleOutApp <redisUri> <name> <secret> <limit>}; prints
 * {@code listening <port>} once it listens on a free loopback port.
 */
public final class ScaleOutApp {
    private ScaleOutApp() {}

    static App create(String redisUri, String name, String secret, int limit) {
        App app = Express.app();
        app.set("trust proxy", "loopback");
        app.use((req, res, next) -> {
            res.set("X-Instance", name);
            next.run();
        });
        app.use(Express.session(new SessionOptions()
                .secret(secret)
                .resave(false)
                .saveUninitialized(false)
                .cookie(new CookieOptions().maxAge(600_000L))
                .store(new RedisSessionStore(redisUri))));
        app.get("/count", (req, res) -> {
            Session session = req.session();
            int views = ((Number) session.getOrDefault("views", 0)).intValue() + 1;
            session.put("views", views);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("views", views);
            body.put("instance", name);
            res.json(body);
        });
        app.get("/whoami", (req, res) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ip", req.ip());
            body.put("protocol", req.protocol());
            body.put("hostname", req.hostname());
            body.put("instance", name);
            res.json(body);
        });
        app.use(
                "/limited",
                Express.rateLimit(
                        new RateLimitOptions().windowMs(60_000).limit(limit).store(new RedisRateLimitStore(redisUri))));
        app.get("/limited", (req, res) -> res.send("ok"));
        return app;
    }

    public static void main(String[] args) {
        Server server =
                create(args[0], args[1], args[2], Integer.parseInt(args[3])).listen(0, "127.0.0.1");
        System.out.println("listening " + server.port());
        System.out.flush();
    }
}
