package io.express4j.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Router;
import io.express4j.Server;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The README's "Tracing (OpenTelemetry)" example as written, on port 0, reading what the logging exporter prints. */
class ReadmeTracingTest {

    @Test
    void theReadmeExamplePrintsTheChildThenTheServerSpanUnderTheIncomingTrace() throws Exception {
        List<String> printed = new CopyOnWriteArrayList<>();
        Logger exporterLog = Logger.getLogger(LoggingSpanExporter.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                printed.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        exporterLog.addHandler(capture);
        // README, from here …
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        App app = Express.app();
        app.use(Express4jTelemetry.middleware(otel)); // first: its span covers everything after it
        Router api = Express.router();
        api.get("/users/:id", (req, res) -> {
            Span load = otel.getTracer("app").spanBuilder("load user").startSpan(); // a child of the request's span
            load.end();
            res.json(java.util.Map.of("id", req.params("id")));
        });
        app.use("/api", api);
        Server server = app.listen(0);
        // … to here (port 0 instead of 3000)
        try (server;
                otel;
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/users/7"))
                            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("{\"id\":\"7\"}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (printed.size() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
        } finally {
            exporterLog.removeHandler(capture);
        }
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).startsWith("'load user' : 0af7651916cd43dd8448eb211c80319c ");
        assertThat(printed.get(1))
                .startsWith("'GET /api/users/:id' : 0af7651916cd43dd8448eb211c80319c ")
                .contains(" SERVER ");
    }
}
