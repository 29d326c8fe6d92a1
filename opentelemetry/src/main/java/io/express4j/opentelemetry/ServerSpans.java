package io.express4j.opentelemetry;

import io.express4j.Express;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.util.List;

/**
 * One SERVER span per request, named {@code {method} {route}} once the route is known, current while the rest of
 * the stack runs on this thread, ended with the response ({@code res.onFinished}); then the request's duration in
 * the {@code http.server.request.duration} histogram.
 */
final class ServerSpans implements Middleware {
    static final String SCOPE = "io.express4j.opentelemetry";
    /** The conventions' advice for {@code http.server.request.duration}, in seconds. */
    static final List<Double> DURATION_BUCKETS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

    private static final TextMapGetter<Request> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Request req) {
            return req.headers().keySet();
        }

        @Override
        public String get(Request req, String key) {
            return req == null ? null : req.get(key);
        }
    };
    private static final TextMapSetter<Response> RESPONSE_HEADERS = (res, key, value) -> res.set(key, value);

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram duration;
    private final boolean propagateToResponse;

    ServerSpans(OpenTelemetry otel, TelemetryOptions options) {
        this.tracer = otel.getTracer(SCOPE);
        this.propagator = otel.getPropagators().getTextMapPropagator();
        this.duration = otel.getMeter(SCOPE)
                .histogramBuilder("http.server.request.duration")
                .setDescription("Duration of HTTP server requests.")
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.propagateToResponse = options.propagateToResponse();
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        long start = System.nanoTime();
        String method = ServerSpanAttributes.method(req);
        Context parent = propagator.extract(Context.root(), req, HEADERS);
        String scheme = req.protocol();
        SpanBuilder builder = tracer.spanBuilder(spanName(method, null))
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent);
        ServerSpanAttributes.onStart(req, method, scheme, builder);
        Span span = builder.startSpan();
        Context context = parent.with(span);
        if (propagateToResponse) propagator.inject(context, res, RESPONSE_HEADERS);
        // the span's end never blocks (a batching processor queues it): run it where the response finishes
        res.onFinished(Express.nonBlocking(abort -> end(req, res, span, method, scheme, abort, start)));
        try (Scope ignored = context.makeCurrent()) {
            next.run();
        }
    }

    /** {@code {method} {route}}; {@code HTTP} stands for a method the conventions do not know. */
    private static String spanName(String method, String route) {
        String name = method.equals(ServerSpanAttributes.OTHER) ? "HTTP" : method;
        return route == null ? name : name + " " + route;
    }

    private void end(Request req, Response res, Span span, String method, String scheme, Throwable abort, long start) {
        String route = req.routePath();
        Throwable error = req.error();
        int status = res.statusCode();
        boolean statusSent = abort == null || res.headersSent();
        String errorType = errorType(abort, res.headersSent(), status, error);

        if (route != null) {
            span.updateName(spanName(method, route));
            span.setAttribute(HttpAttributes.HTTP_ROUTE, route);
        }
        if (statusSent) span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (error != null) span.recordException(error);
        if (abort != null) span.recordException(abort);
        if (errorType != null) {
            span.setAttribute(ErrorAttributes.ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();

        AttributesBuilder metric = Attributes.builder()
                .put(HttpAttributes.HTTP_REQUEST_METHOD, method)
                .put(UrlAttributes.URL_SCHEME, scheme)
                .put(NetworkAttributes.NETWORK_PROTOCOL_VERSION, ServerSpanAttributes.protocolVersion(req));
        if (route != null) metric.put(HttpAttributes.HTTP_ROUTE, route);
        if (statusSent) metric.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (errorType != null) metric.put(ErrorAttributes.ERROR_TYPE, errorType);
        duration.record(
                (System.nanoTime() - start) / 1e9,
                metric.build(),
                Context.root().with(span));
    }

    /**
     * The conventions' {@code error.type}, set only for a failed request: a 5xx (the exception's class name, else
     * the status code) or a client gone (the exception that ended it, if no head was written to say otherwise).
     */
    static String errorType(Throwable abort, boolean headersSent, int status, Throwable error) {
        if (abort != null && !headersSent) return className(error != null ? error : abort);
        if (status >= 500) return error != null ? className(error) : Integer.toString(status);
        if (abort != null) return className(abort);
        return null;
    }

    private static String className(Throwable error) {
        return error.getClass().getName();
    }
}
