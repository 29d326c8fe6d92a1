package io.express4j.redis;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.Express;
import io.express4j.RateLimitOptions;
import io.express4j.Session;
import io.express4j.SessionOptions;
import io.express4j.test.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's "Redis: sessions and rate limits shared between instances" snippet as written (only the Redis URI
 * is the test's own redis-server), run: the counter goes up, the limit answers.
 */
class ReadmeRedisTest {
    @Test
    void theReadmeSnippetRuns() throws Exception {
        try (LocalRedis redis = LocalRedis.start();
                RedisSessionStore sessions = new RedisSessionStore(redis.uri());
                RedisRateLimitStore limits = new RedisRateLimitStore(redis.uri())) {
            // ---- README ----
            App app = Express.app();
            app.set("trust proxy", "loopback"); // behind nginx on the same host, below
            app.use(Express.session(new SessionOptions()
                    .secret("keyboard cat")
                    .resave(false)
                    .saveUninitialized(false)
                    .cookie(new CookieOptions().maxAge(Duration.ofDays(1)))
                    .store(sessions))); // connect-redis: sess:<id>, TTL from the cookie
            app.use(
                    "/api",
                    Express.rateLimit(new RateLimitOptions()
                            .windowMs(60_000)
                            .limit(100)
                            .store(limits))); // rate-limit-redis: rl:<key>, one limit for all
            app.get("/count", (req, res) -> {
                Session s = req.session();
                s.put("views", ((Number) s.getOrDefault("views", 0)).intValue() + 1);
                res.json(Map.of("views", s.get("views")));
            });
            // ---- end ----
            app.get("/api/x", (req, res) -> res.send("x"));

            TestClient agent = TestClient.agent(app);
            agent.get("/count").expect(200, "{\"views\":1}");
            agent.get("/count").expect(200, "{\"views\":2}");
            agent.get("/api/x").expect(200, "x").expect("X-RateLimit-Remaining", "99");
            agent.get("/api/x").expect(200, "x").expect("X-RateLimit-Remaining", "98");
        }
    }
}
