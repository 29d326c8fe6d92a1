package io.express4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's Prometheus example as written: a {@code /metrics} route Prometheus scrapes. */
class PrometheusScrapeTest {

    @Test
    void theReadmeExampleServesTheScrape() throws Exception {
        // README "Metrics (Micrometer)", from here …
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        App app = Express.app();
        app.use(Express4jMetrics.middleware(registry)); // first: it times everything after it
        app.get("/users/:id", (req, res) -> res.json(java.util.Map.of("id", req.params("id"))));
        app.get(
                "/metrics",
                (req, res) ->
                        res.type("text/plain; version=0.0.4; charset=utf-8").send(registry.scrape()));
        Server server = Express4jMetrics.bind(app.listen(0), registry); // open connections, bytes in and out
        // … to here (port 0 instead of 3000)
        try (server;
                HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> user = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/users/42")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(user.body()).isEqualTo("{\"id\":\"42\"}");

            String line = "http_server_requests_seconds_count{exception=\"none\",method=\"GET\",outcome=\"SUCCESS\","
                    + "status=\"200\",uri=\"/users/:id\"} 1";
            HttpResponse<String> scrape = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do {
                scrape = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } while (!scrape.body().contains(line + "\n") && System.nanoTime() < deadline && sleep());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body())
                    .contains(line + "\n")
                    .contains("# TYPE http_server_requests_seconds summary\n")
                    .contains("http_server_requests_active_seconds_count 1\n") // the scrape itself
                    .containsPattern("express4j_connections_open\\{port=\"" + server.port() + "\"} 1\\.0\n")
                    .containsPattern("express4j_bytes_received_bytes_total\\{port=\"" + server.port() + "\"} [1-9]")
                    .containsPattern("express4j_bytes_sent_bytes_total\\{port=\"" + server.port() + "\"} [1-9]");
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(10);
        return true;
    }
}
