package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's TestClient example, as written there: it must compile and pass. */
class ReadmeExampleTest {
    App app = Express.app();

    {
        app.use(Express.json());
        app.get("/users/:id", (req, res) -> res.json(Map.of("id", req.params("id"))));
        app.post("/users", (req, res) -> res.status(201).json(req.body()));
    }

    @Test
    void getsAUser() {
        TestClient.of(app)
                .get("/users/1")
                .set("Accept", "application/json")
                .expect(200)
                .expect("Content-Type", "application/json; charset=utf-8")
                .expect("{\"id\":\"1\"}");
    }

    @Test
    void createsOne() {
        TestResponse r = TestClient.of(app)
                .post("/users")
                .send(Map.of("name", "tobi"))
                .expect(201)
                .response();
        assertThat(r.json()).isEqualTo(Map.of("name", "tobi"));
    }
}
