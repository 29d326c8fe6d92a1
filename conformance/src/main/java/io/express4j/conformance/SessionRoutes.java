package io.express4j.conformance;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.CookieSessionOptions;
import io.express4j.Express;
import io.express4j.MemoryStore;
import io.express4j.Middleware;
import io.express4j.SessionOptions;
import io.express4j.spi.SessionStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Twin of {@code express/routes/session.js}: express-session 1.18 and cookie-session 2.1. */
final class SessionRoutes {
    private SessionRoutes() {}

    static void install(App app) {
        MemoryStore store = new MemoryStore();
        Map<String, Object> cookie = new LinkedHashMap<>();
        cookie.put("originalMaxAge", null);
        cookie.put("expires", null);
        cookie.put("httpOnly", true);
        cookie.put("path", "/");
        Map<String, Object> seeded = new LinkedHashMap<>();
        seeded.put("cookie", cookie);
        seeded.put("user", "tj");
        seeded.put("n", 1);
        store.set("seeded", seeded);
        Middleware sess = Express.session(new SessionOptions()
                .name("sid")
                .secret("keyboard cat", "old cat")
                .resave(false)
                .saveUninitialized(false)
                .store(store)
                .genid(req -> "conformance-id"));
        app.get("/mw/session/new", sess, (req, res) -> {
            req.session().put("views", 1);
            res.send("views " + req.session().get("views"));
        });
        app.get("/mw/session/untouched", sess, (req, res) -> res.send("nothing saved"));
        app.get("/mw/session/read", sess, (req, res) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", req.sessionID());
            out.put("user", req.session().get("user"));
            out.put("n", req.session().get("n"));
            res.json(out);
        });
        app.get("/mw/session/destroy", sess, (req, res) -> {
            req.session().destroy();
            res.send("destroyed");
        });

        Middleware everything = Express.session(new SessionOptions()
                .secret("keyboard cat")
                .resave(false)
                .saveUninitialized(true)
                .store(new MemoryStore())
                .genid(req -> "all-options")
                .proxy(true)
                .cookie(new CookieOptions()
                        .secure("auto")
                        .sameSite("lax")
                        .domain("example.com")
                        .priority("high")
                        .partitioned(true)
                        .path("/mw")));
        app.get("/mw/session/options", everything, (req, res) -> res.send("ok"));
        app.get(
                "/mw/session/no-secret",
                Express.session(new SessionOptions().resave(false).saveUninitialized(false)),
                (req, res) -> res.send("never"));

        // a store that fails to save: express-session has sent the response when it learns, express4j has not
        SessionStore broken = new SessionStore() {
            @Override
            public Map<String, Object> get(String sid) {
                return null;
            }

            @Override
            public void set(String sid, Map<String, Object> session) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void destroy(String sid) {}
        };
        app.get(
                "/mw/session/store-error",
                Express.session(new SessionOptions()
                        .secret("keyboard cat")
                        .resave(false)
                        .saveUninitialized(true)
                        .store(broken)
                        .genid(req -> "broken")),
                (req, res) -> res.send("session saved"));

        Middleware cs =
                Express.cookieSession(new CookieSessionOptions().name("cs").keys("k1", "k2"));
        app.get("/mw/cookie-session/set", cs, (req, res) -> {
            req.session().put("views", 5);
            req.session().put("name", "tj");
            res.send("ok");
        });
        app.get("/mw/cookie-session/read", cs, (req, res) -> res.json(req.session()));
        app.get("/mw/cookie-session/clear", cs, (req, res) -> {
            req.session().destroy();
            res.send("ok");
        });
    }
}
