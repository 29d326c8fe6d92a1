package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.express4j.test.TestClient;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void answersAsExpressWould() {
        try (TestClient client = TestClient.of(Main.app())) {
            client.get("/")
                    .expect(200)
                    .expect("Content-Type", "text/html; charset=utf-8")
                    .expect("ETag", "W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"")
                    .expect("Hello World");
            client.get("/users/42").expect(200).expect("{\"id\":\"42\"}");
            client.get("/missing")
                    .expect(404)
                    .expect(r -> assertTrue(r.text().contains("<pre>NotFoundError: Not Found<br>"), r.text()));
        }
    }
}
