package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.Express;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TestClient#agent}: cookies kept between requests as supertest's agent keeps them, with Path, Domain,
 * Expires, Max-Age and Secure honoured.
 */
class AgentTest {

    /** Sets cookies by query, and answers with the Cookie header it got. */
    private static App app() {
        App app = Express.app();
        app.get("/set", (req, res) -> {
            String path = (String) req.query("path");
            CookieOptions options = new CookieOptions();
            if (path != null) options.path(path);
            if (req.query("domain") != null) options.domain((String) req.query("domain"));
            if (req.query("secure") != null) options.secure(true);
            if (req.query("maxAge") != null)
                options.maxAge(Duration.ofSeconds(Long.parseLong((String) req.query("maxAge"))));
            res.cookie((String) req.query("name"), (String) req.query("value"), options);
            res.send("set");
        });
        app.get("/clear", (req, res) -> {
            res.clearCookie((String) req.query("name"));
            res.send("cleared");
        });
        app.get("/expire", (req, res) -> {
            res.append("Set-Cookie", req.query("name") + "=x; Max-Age=0; Path=/");
            res.send("expired");
        });
        app.get("/*rest", (req, res) -> res.send(req.get("Cookie") == null ? "(none)" : req.get("Cookie")));
        app.get("/", (req, res) -> res.send(req.get("Cookie") == null ? "(none)" : req.get("Cookie")));
        return app;
    }

    @Test
    void sendsBackWhatWasSet() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=a&value=1").expect("set");
        agent.get("/set?name=b&value=2").expect("set");
        agent.get("/").expect("a=1; b=2");
        agent.get("/set?name=a&value=3").expect("set");
        agent.get("/").expect("b=2; a=3");
    }

    @Test
    void aPlainClientKeepsNothing() {
        TestClient client = TestClient.of(app());
        client.get("/set?name=a&value=1").expect("set");
        client.get("/").expect("(none)");
    }

    @Test
    void pathScopesACookie() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=admin&value=1&path=/admin").expect("set");
        agent.get("/").expect("(none)");
        agent.get("/admin").expect("admin=1");
        agent.get("/admin/users").expect("admin=1");
    }

    @Test
    void withoutAPathTheRequestsDirectoryIsTheScope() {
        App app = Express.app();
        app.get("/a/b", (req, res) -> res.set("Set-Cookie", "c=1").send("set"));
        app.get("/*rest", (req, res) -> res.send(req.get("Cookie") == null ? "(none)" : req.get("Cookie")));
        TestClient agent = TestClient.agent(app);
        agent.get("/a/b").expect("set");
        agent.get("/x").expect("(none)");
        agent.get("/a/c").expect("c=1");
    }

    @Test
    void aCookieForAnotherDomainIsRefused() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=a&value=1&domain=example.com").expect("set");
        agent.get("/").expect("(none)");
    }

    @Test
    void aSecureCookieIsNotSentOverPlainHttp() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=s&value=1&secure=1").expect("set");
        agent.get("/").expect("(none)");
    }

    @Test
    void clearCookieRemovesItByItsPastExpires() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=a&value=1").expect("set");
        agent.get("/clear?name=a").expect("Set-Cookie", "a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        agent.get("/").expect("(none)");
    }

    @Test
    void maxAgeZeroRemovesIt() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=a&value=1").expect("set");
        agent.get("/expire?name=a").expect("expired");
        agent.get("/").expect("(none)");
    }

    @Test
    void aCookieWithMaxAgeLastsUntilThen() {
        TestClient agent = TestClient.agent(app());
        agent.get("/set?name=a&value=1&maxAge=3600").expect("Set-Cookie", Pattern.compile("Max-Age=3600"));
        agent.get("/").expect("a=1");
    }

    @Test
    void overASocketTheHostHasItsPort() {
        try (TestClient socket = TestClient.overSocket(app())) {
            socket.get("/").expect(r -> assertThat(r.text()).isEqualTo("(none)"));
        }
    }
}
