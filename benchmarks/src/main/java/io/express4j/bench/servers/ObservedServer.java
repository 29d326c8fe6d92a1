package io.express4j.bench.servers;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.express4j.micrometer.Express4jMetrics;
import io.express4j.opentelemetry.Express4jTelemetry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * {@link Express4jServer}'s plaintext route, alone or behind the observability middleware, to measure what they
 * cost: {@code ObservedServer PORT MODE} with MODE {@code plain}, {@code metrics} (express4j-micrometer into a
 * Prometheus registry), {@code tracing} (express4j-opentelemetry into the SDK: every span sampled, batched, then
 * dropped by the exporter; the duration histogram read every 60 s) or {@code both}.
 */
public final class ObservedServer {
    private ObservedServer() {}

    public static void main(String[] args) {
        int port = BenchPayloads.port(args, 8091);
        String mode = args.length > 1 ? args[1] : "both";
        App app = Express.app();
        if (mode.equals("metrics") || mode.equals("both")) {
            app.use(Express4jMetrics.middleware(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        }
        if (mode.equals("tracing") || mode.equals("both")) app.use(Express4jTelemetry.middleware(sdk()));
        for (int i = 0, n = BenchPayloads.decoyRoutes(); i < n; i++) {
            app.get(BenchPayloads.decoyPath(i), (req, res) -> res.send("decoy"));
        }
        app.get("/plaintext", (req, res) -> res.send(BenchPayloads.HELLO));
        Server server = app.listen(port);
        System.out.println("express4j (" + mode + ") listening on " + server.port());
    }

    /** An SDK as production configures one, with exporters that send nowhere. */
    private static OpenTelemetrySdk sdk() {
        SpanExporter spans = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> batch) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        MetricExporter metrics = new MetricExporter() {
            @Override
            public CompletableResultCode export(Collection<MetricData> batch) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public AggregationTemporality getAggregationTemporality(InstrumentType type) {
                return AggregationTemporality.CUMULATIVE;
            }
        };
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(spans).build())
                        .build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.create(metrics))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }
}
