package io.express4j.opentelemetry;

import io.express4j.Middleware;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry tracing for express4j, by the stable HTTP semantic conventions:
 *
 * <pre>{@code
 * OpenTelemetry otel = …;                                     // the SDK, or GlobalOpenTelemetry.get() under the agent
 * app.use(Express4jTelemetry.middleware(otel));               // first, so its span covers everything after it
 * app.get("/users/:id", (req, res) -> {
 *   Span child = otel.getTracer("app").spanBuilder("load user").startSpan();   // parent: the request's span
 *   …
 * });
 * }</pre>
 */
public final class Express4jTelemetry {
    private Express4jTelemetry() {}

    /** {@link #middleware(OpenTelemetry, TelemetryOptions)} with the default options. */
    public static Middleware middleware(OpenTelemetry otel) {
        return middleware(otel, new TelemetryOptions());
    }

    /**
     * A middleware starting one {@code SERVER} span per request, ended when the response is finished (or the
     * client left):
     *
     * <ul>
     *   <li>named {@code {method} {route}} ({@code GET /api/users/:id}, the mount paths and the route as registered,
     *       see {@code req.routePath()}), {@code {method}} alone when no route matched (a 404), {@code HTTP} for a
     *       method the conventions do not know;
     *   <li>attributes {@code http.request.method} ({@code _OTHER} plus {@code http.request.method_original} for an
     *       unknown one), {@code url.path}, {@code url.query}, {@code url.scheme}, {@code http.route},
     *       {@code http.response.status_code}, {@code server.address} / {@code server.port} (from Host),
     *       {@code client.address} ({@code req.ip()}, so {@code trust proxy} applies),
     *       {@code network.protocol.version}, {@code user_agent.original};
     *   <li>the parent taken from the request's headers by the configured propagators (W3C {@code traceparent});
     *   <li>on a 5xx, or when the client left before the head was written: status ERROR and {@code error.type}
     *       (the exception's class name, else the status code); the error a handler threw or passed to
     *       {@code next(err)} ({@code req.error()}) is recorded as an exception event whatever the status.
     * </ul>
     *
     * <p>The span's context is current ({@code Context.current()}) while the middleware, routes and handlers after
     * it run on the request's thread, so spans made there and client libraries that propagate the context (HTTP
     * clients, JDBC…) become its children. Work handed to another thread ({@code res.async()}) must carry the
     * context itself ({@code Context.current().wrap(runnable)}). Each request is also recorded in the
     * {@code http.server.request.duration} histogram (seconds, the conventions' buckets) with
     * {@code http.request.method}, {@code url.scheme}, {@code http.route}, {@code http.response.status_code},
     * {@code network.protocol.version} and {@code error.type}.
     */
    public static Middleware middleware(OpenTelemetry otel, TelemetryOptions options) {
        return new ServerSpans(Objects.requireNonNull(otel, "otel"), Objects.requireNonNull(options, "options"));
    }
}
