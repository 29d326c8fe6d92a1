package io.express4j.test;

import io.express4j.App;
import io.express4j.Express;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's {@code @Express4jTest} example, as written there: it must compile and pass. */
@Express4jTest
class ReadmeExtensionExampleTest {
    @TestApp
    static App app() {
        App app = Express.app();
        app.get("/users/:id", (req, res) -> res.json(Map.of("id", req.params("id"))));
        app.get("/login", (req, res) -> {
            res.cookie("sid", "42");
            res.send("in");
        });
        app.get("/me", (req, res) -> res.send(String.valueOf(req.get("Cookie"))));
        return app;
    }

    @Test
    void getsAUser(TestClient client) {
        client.get("/users/1").expect(200).expect("{\"id\":\"1\"}");
    }

    @Test
    void staysLoggedIn(@Agent TestClient agent) {
        agent.get("/login").expect(200);
        agent.get("/me").expect("sid=42");
    }
}
