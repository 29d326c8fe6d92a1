package io.express4j.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Router;
import io.express4j.Server;
import io.express4j.test.TestClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Express4jTelemetry.middleware}: the server span of each request with its exact name and attributes, its
 * parent from {@code traceparent}, children made in handlers, errors, and the duration histogram — through the SDK's
 * in-memory exporter and reader. A span ends once the response is written, after the client may have read it, so
 * each check waits for the spans it expects.
 */
class Express4jTelemetryTest {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(reader).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @AfterEach
    void shutdown() {
        otel.close();
    }

    private App app() {
        App app = Express.app().set("env", "test");
        app.use(Express4jTelemetry.middleware(otel));
        return app;
    }

    /** The finished spans, once there are {@code count}. */
    private List<SpanData> spans(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) Thread.sleep(5);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(count);
        return spans;
    }

    private SpanData serverSpan() throws InterruptedException {
        return spans(1).get(0);
    }

    private static Attributes inProcess(String method, String path, int status) {
        return Attributes.builder()
                .put("http.request.method", method)
                .put("url.path", path)
                .put("url.scheme", "http")
                .put("server.address", "127.0.0.1")
                .put("client.address", "127.0.0.1")
                .put("network.protocol.version", "1.1")
                .put("http.response.status_code", (long) status)
                .build();
    }

    @Test
    void aRouteWithParamsNamesTheSpanAndCarriesTheConventionsAttributes() throws InterruptedException {
        App app = app();
        app.get("/users/:id", (req, res) -> res.json(req.params()));
        try (TestClient client = TestClient.of(app)) {
            client.get("/users/42?fields=name").set("User-Agent", "curl/8.5.0").expect(200, "{\"id\":\"42\"}");
        }
        SpanData span = serverSpan();
        assertThat(span.getName()).isEqualTo("GET /users/:id");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("io.express4j.opentelemetry");
        assertThat(span.getAttributes().asMap())
                .isEqualTo(inProcess("GET", "/users/42", 200).toBuilder()
                        .put("url.query", "fields=name")
                        .put("http.route", "/users/:id")
                        .put("user_agent.original", "curl/8.5.0")
                        .build()
                        .asMap());
        assertThat(span.getEvents()).isEmpty();
    }

    @Test
    void aRequestNoRouteMatchedIsNamedByItsMethodAlone() throws InterruptedException {
        App app = app();
        app.get("/users/:id", (req, res) -> res.send("user"));
        try (TestClient client = TestClient.of(app)) {
            client.get("/nobody").expect(404);
        }
        SpanData span = serverSpan();
        assertThat(span.getName()).isEqualTo("GET");
        assertThat(span.getAttributes().asMap())
                .isEqualTo(inProcess("GET", "/nobody", 404).asMap());
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET); // a 4xx is the client's error
    }

    @Test
    void aThrownErrorMarksTheSpanAndIsRecorded() throws InterruptedException {
        App app = app();
        app.get("/fail", (req, res) -> {
            throw new IllegalStateException("broken");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/fail").expect(500);
        }
        SpanData span = serverSpan();
        assertThat(span.getName()).isEqualTo("GET /fail");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().asMap())
                .isEqualTo(inProcess("GET", "/fail", 500).toBuilder()
                        .put("http.route", "/fail")
                        .put("error.type", "java.lang.IllegalStateException")
                        .build()
                        .asMap());
        assertThat(span.getEvents()).hasSize(1);
        EventData event = span.getEvents().get(0);
        assertThat(event.getName()).isEqualTo("exception");
        assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message")))
                .isEqualTo("broken");
    }

    @Test
    void aServerErrorWithoutAnExceptionIsTypedByItsStatus() throws InterruptedException {
        App app = app();
        app.get("/unavailable", (req, res) -> res.sendStatus(503));
        try (TestClient client = TestClient.of(app)) {
            client.get("/unavailable").expect(503, "Service Unavailable");
        }
        SpanData span = serverSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo("503");
        assertThat(span.getEvents()).isEmpty();
    }

    @Test
    void anErrorAnsweredWithAClientErrorIsRecordedWithoutMarkingTheSpan() throws InterruptedException {
        App app = app();
        app.get("/teapot", (req, res) -> {
            throw new io.express4j.HttpError(418, "teapot");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/teapot").expect(418);
        }
        SpanData span = serverSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isNull();
        assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
    }

    @Test
    void aMountedRouterAddsItsMountPath() throws InterruptedException {
        App app = app();
        Router items = Express.router();
        items.get("/:id", (req, res) -> res.send("item " + req.params("id")));
        Router api = Express.router();
        api.use("/items", items);
        app.use("/api/v1", api);
        try (TestClient client = TestClient.of(app)) {
            client.get("/api/v1/items/9").expect(200, "item 9");
        }
        SpanData span = serverSpan();
        assertThat(span.getName()).isEqualTo("GET /api/v1/items/:id");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
                .isEqualTo("/api/v1/items/:id");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/api/v1/items/9");
    }

    @Test
    void headIsNamedHeadOnTheGetRoute() throws InterruptedException {
        App app = app();
        app.get("/items/:id", (req, res) -> res.send("item"));
        try (TestClient client = TestClient.of(app)) {
            client.head("/items/1").expect(200);
        }
        SpanData span = serverSpan();
        assertThat(span.getName()).isEqualTo("HEAD /items/:id");
        assertThat(span.getAttributes().asMap())
                .isEqualTo(inProcess("HEAD", "/items/1", 200).toBuilder()
                        .put("http.route", "/items/:id")
                        .build()
                        .asMap());
    }

    @Test
    void aMethodTheConventionsDoNotKnowIsOther() throws InterruptedException {
        App app = app();
        app.method("PURGE", "/cache", (req, res) -> res.sendStatus(204));
        try (TestClient client = TestClient.of(app)) {
            client.request("PURGE", "/cache").expect(204);
        }
        SpanData span = serverSpan();
        assertThat(span.getName()).isEqualTo("HTTP /cache");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method")))
                .isEqualTo("_OTHER");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method_original")))
                .isEqualTo("PURGE");
    }

    @Test
    void aStreamedResponseEndsTheSpanWithItsLastChunk() throws InterruptedException {
        App app = app();
        AtomicInteger finishedWhileStreaming = new AtomicInteger(-1);
        app.get("/stream", (req, res) -> {
            res.set("Content-Type", "text/plain");
            res.write("a");
            res.write("b");
            finishedWhileStreaming.set(exporter.getFinishedSpanItems().size());
            res.end("c");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/stream").expect(200, "abc");
        }
        SpanData span = serverSpan();
        assertThat(finishedWhileStreaming.get()).isZero();
        assertThat(span.getName()).isEqualTo("GET /stream");
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(200L);
    }

    @Test
    void theSpanIsCurrentInTheHandlerSoChildSpansAndOutgoingCallsAttachToIt() throws InterruptedException {
        App app = app();
        Map<String, String> outgoing = new HashMap<>();
        app.get("/work", (req, res) -> {
            Span child = otel.getTracer("app").spanBuilder("load").startSpan();
            child.end();
            // what an HTTP client library does with the current context: "propagation out"
            otel.getPropagators().getTextMapPropagator().inject(Context.current(), outgoing, Map::put);
            res.send("done");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/work").expect(200, "done");
        }
        List<SpanData> spans = spans(2);
        SpanData child = spans.get(0);
        SpanData server = spans.get(1);
        assertThat(child.getName()).isEqualTo("load");
        assertThat(server.getName()).isEqualTo("GET /work");
        assertThat(child.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(child.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(outgoing).containsOnlyKeys("traceparent"); // then the flags (sampled, random)
        assertThat(outgoing.get("traceparent"))
                .startsWith("00-" + server.getTraceId() + "-" + server.getSpanId() + "-");
    }

    @Test
    void anIncomingTraceparentIsTheParent() throws InterruptedException {
        App app = app();
        app.get("/", (req, res) -> res.send("hi"));
        try (TestClient client = TestClient.of(app)) {
            client.get("/")
                    .set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .expect(200, "hi")
                    .expect(r -> assertThat(r.header("traceparent")).isNull()); // not told by default
        }
        SpanData span = serverSpan();
        assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        assertThat(span.getName()).isEqualTo("GET /");
    }

    @Test
    void propagateToResponseWritesTheServerSpansTraceparent() throws InterruptedException {
        App app = Express.app().set("env", "test");
        app.use(Express4jTelemetry.middleware(otel, new TelemetryOptions().propagateToResponse(true)));
        app.get("/", (req, res) -> res.send("hi"));
        String[] header = new String[1];
        try (TestClient client = TestClient.of(app)) {
            client.get("/")
                    .set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .expect(200, "hi")
                    .expect(r -> header[0] = r.header("traceparent"));
        }
        SpanData span = serverSpan();
        assertThat(header[0]).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-" + span.getSpanId() + "-01");
    }

    @Test
    void anAsyncResponseEndsTheSpanWhenAnotherThreadEndsIt() throws InterruptedException {
        App app = app();
        app.get("/later", (req, res) -> {
            res.async();
            Thread.ofVirtual().start(Context.current().wrap(() -> {
                otel.getTracer("app").spanBuilder("background").startSpan().end();
                res.status(202).send("done");
            }));
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/later").expect(202, "done");
        }
        List<SpanData> spans = spans(2);
        SpanData server = spans.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow();
        SpanData background = spans.stream()
                .filter(s -> s.getName().equals("background"))
                .findFirst()
                .orElseThrow();
        assertThat(server.getName()).isEqualTo("GET /later");
        assertThat(server.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(202L);
        assertThat(background.getParentSpanId()).isEqualTo(server.getSpanId());
    }

    @Test
    void trustedProxyHeadersNameTheClientSchemeAndServer() throws InterruptedException {
        App app = app();
        app.set("trust proxy", true);
        app.get("/", (req, res) -> res.send("hi"));
        try (TestClient client = TestClient.of(app)) {
            client.get("/")
                    .set("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
                    .set("X-Forwarded-Proto", "https")
                    .set("X-Forwarded-Host", "shop.example:8443")
                    .expect(200);
        }
        SpanData span = serverSpan();
        assertThat(span.getAttributes().asMap())
                .isEqualTo(Attributes.builder()
                        .put("http.request.method", "GET")
                        .put("url.path", "/")
                        .put("url.scheme", "https")
                        .put("server.address", "shop.example")
                        .put("server.port", 8443L)
                        .put("client.address", "203.0.113.7")
                        .put("network.protocol.version", "1.1")
                        .put("http.route", "/")
                        .put("http.response.status_code", 200L)
                        .build()
                        .asMap());
    }

    @Test
    void overASocketTheHostsPortIsTheServerPort() throws InterruptedException {
        App app = app();
        AtomicReference<String> host = new AtomicReference<>();
        app.get("/", (req, res) -> {
            host.set(req.get("Host"));
            res.send("hi");
        });
        try (TestClient client = TestClient.overSocket(app)) {
            client.get("/").expect(200, "hi");
        }
        SpanData span = serverSpan();
        assertThat(host.get()).startsWith("127.0.0.1:");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("server.address")))
                .isEqualTo("127.0.0.1");
        assertThat(span.getAttributes().get(AttributeKey.longKey("server.port")))
                .isEqualTo(Long.parseLong(host.get().substring("127.0.0.1:".length())));
        assertThat(span.getAttributes().get(AttributeKey.stringKey("client.address")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void eachRequestIsRecordedInTheDurationHistogram() throws InterruptedException {
        App app = app();
        app.get("/users/:id", (req, res) -> res.send("user"));
        app.get("/fail", (req, res) -> {
            throw new IllegalStateException("broken");
        });
        try (TestClient client = TestClient.of(app)) {
            client.get("/users/1").expect(200);
            client.get("/users/2").expect(200);
            client.get("/fail").expect(500);
            client.get("/none").expect(404);
        }
        spans(4); // the histogram is recorded just after each span ends
        MetricData metric = reader.collectAllMetrics().stream()
                .filter(m -> m.getName().equals("http.server.request.duration"))
                .findFirst()
                .orElseThrow();
        assertThat(metric.getUnit()).isEqualTo("s");
        assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("io.express4j.opentelemetry");
        Map<Attributes, HistogramPointData> points = new HashMap<>();
        metric.getHistogramData().getPoints().forEach(p -> points.put(p.getAttributes(), p));
        Attributes base = Attributes.builder()
                .put("http.request.method", "GET")
                .put("url.scheme", "http")
                .put("network.protocol.version", "1.1")
                .build();
        Attributes users = base.toBuilder()
                .put("http.route", "/users/:id")
                .put("http.response.status_code", 200L)
                .build();
        Attributes fail = base.toBuilder()
                .put("http.route", "/fail")
                .put("http.response.status_code", 500L)
                .put("error.type", "java.lang.IllegalStateException")
                .build();
        Attributes none =
                base.toBuilder().put("http.response.status_code", 404L).build();
        assertThat(points).containsOnlyKeys(users, fail, none);
        assertThat(points.get(users).getCount()).isEqualTo(2);
        assertThat(points.get(fail).getCount()).isEqualTo(1);
        assertThat(points.get(none).getCount()).isEqualTo(1);
        assertThat(points.get(users).getBoundaries())
                .containsExactly(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
        assertThat(points.get(users).getSum()).isPositive();
    }

    @Test
    void aClientLeavingMidResponseEndsTheSpanInError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        App app = app();
        app.get("/stream", (req, res) -> {
            res.write("first");
            release.await(10, TimeUnit.SECONDS);
            res.end();
        });
        try (Server server = app.listen(0, "127.0.0.1")) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = socket.getInputStream();
                StringBuilder seen = new StringBuilder();
                while (!seen.toString().contains("first")) seen.append((char) in.read());
            } // gone while the handler still holds the response
            SpanData span = serverSpan();
            release.countDown();
            assertThat(span.getName()).isEqualTo("GET /stream");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                    .isEqualTo(200L); // the head had gone out
            assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
                    .isEqualTo("io.express4j.ClientAbortException");
            assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
        }
    }
}
