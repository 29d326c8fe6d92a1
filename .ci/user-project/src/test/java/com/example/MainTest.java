package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.express4j.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MainTest {

    private static HttpResponse<String> get(Server server, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void answersAsExpressWould() throws Exception {
        Server server = Main.app().listen(0, "127.0.0.1");
        try {
            HttpResponse<String> hello = get(server, "/");
            assertEquals(200, hello.statusCode());
            assertEquals("Hello World", hello.body());
            assertEquals("text/html; charset=utf-8", hello.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"", hello.headers().firstValue("ETag").orElseThrow());

            assertEquals("{\"id\":\"42\"}", get(server, "/users/42").body());

            HttpResponse<String> missing = get(server, "/missing");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<pre>NotFoundError: Not Found<br>"), missing.body());
        } finally {
            server.close();
        }
    }
}
