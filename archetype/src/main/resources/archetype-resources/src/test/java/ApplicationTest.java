package ${package};

import io.express4j.test.TestClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests go through express4j's real HTTP pipeline in process: no port is opened. */
class ApplicationTest {
    private final TestClient client = TestClient.of(Application.create());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void rendersTheHomePage() {
        client.get("/")
                .expect(200)
                .expect("Content-Type", "text/html; charset=utf-8")
                .expect(Pattern.compile("<h1>express4j</h1>"));
    }

    @Test
    void listsUsers() {
        client.get("/users").expect(200, "respond with a resource");
    }

    @Test
    void servesStaticFiles() {
        client.get("/stylesheets/style.css").expect(200).expect("Content-Type", "text/css; charset=utf-8");
    }

    @Test
    void rendersTheErrorPageForUnknownPaths() {
        client.get("/nope").expect(404).expect(Pattern.compile("<h1>Not Found</h1>"));
    }
}
