package io.express4j.micrometer;

import io.express4j.Middleware;
import io.express4j.Server;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;

/**
 * Micrometer metrics for express4j, named and tagged as Spring Boot names its own so existing dashboards and alerts
 * apply:
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * app.use(Express4jMetrics.middleware(registry));            // first, so it times everything after it
 * app.get("/metrics", (req, res) -> res.type("text/plain; version=0.0.4; charset=utf-8").send(registry.scrape()));
 * Express4jMetrics.bind(app.listen(3000), registry);         // open connections, bytes in and out
 * }</pre>
 */
public final class Express4jMetrics {
    /** The timer of every request: tags {@code method}, {@code uri}, {@code status}, {@code outcome}, {@code exception}. */
    public static final String REQUESTS = "http.server.requests";
    /** A long task timer of the requests in flight (Spring Boot's name). */
    public static final String ACTIVE_REQUESTS = "http.server.requests.active";
    /** A gauge of the server's open connections, tagged {@code port}. */
    public static final String OPEN_CONNECTIONS = "express4j.connections.open";
    /** A counter of the bytes read from the server's connections (base unit bytes), tagged {@code port}. */
    public static final String BYTES_RECEIVED = "express4j.bytes.received";
    /** A counter of the bytes written to the server's connections (base unit bytes), tagged {@code port}. */
    public static final String BYTES_SENT = "express4j.bytes.sent";

    private Express4jMetrics() {}

    /**
     * A middleware recording each request in the {@value #REQUESTS} timer once its response is finished (or its
     * client gone), tagged by Spring Boot's conventions:
     *
     * <ul>
     *   <li>{@code uri}: the matched route with the mount paths before it, as registered ({@code /api/users/:id},
     *       see {@code req.routePath()}), never the raw path; without a route {@code NOT_FOUND} for a 404,
     *       {@code REDIRECTION} for a 3xx, {@code UNKNOWN} otherwise (static files, middleware answers)
     *   <li>{@code method}: as the client sent it ({@code UNKNOWN} for a method outside GET, HEAD, POST, PUT,
     *       PATCH, DELETE, OPTIONS, TRACE)
     *   <li>{@code status}: the status code; {@code outcome}: {@code SUCCESS}, {@code CLIENT_ERROR},
     *       {@code SERVER_ERROR}, … — both {@code UNKNOWN} when the client left before the response was written
     *   <li>{@code exception}: the simple class name of the error a handler threw or passed to {@code next(err)}
     *       ({@code req.error()}), also when an error handler answered it; {@code none} otherwise
     * </ul>
     *
     * <p>Also {@value #ACTIVE_REQUESTS}, the requests in flight. Install it first: it times what runs after it.
     */
    public static Middleware middleware(MeterRegistry registry) {
        return new RequestMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Registers the server's gauges: {@value #OPEN_CONNECTIONS}, and the counters {@value #BYTES_RECEIVED} and
     * {@value #BYTES_SENT} (what crossed its sockets: heads, bodies, files), each tagged with the server's
     * {@code port}. Returns the server, so {@code bind(app.listen(3000), registry)} reads as one line.
     */
    public static Server bind(Server server, MeterRegistry registry) {
        Objects.requireNonNull(server, "server");
        Tags port = Tags.of("port", Integer.toString(server.port()));
        Gauge.builder(OPEN_CONNECTIONS, server, Server::connections)
                .description("Open connections to the server")
                .tags(port)
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(BYTES_RECEIVED, server, Server::bytesRead)
                .description("Bytes read from the server's connections")
                .baseUnit("bytes")
                .tags(port)
                .register(registry);
        FunctionCounter.builder(BYTES_SENT, server, Server::bytesWritten)
                .description("Bytes written to the server's connections")
                .baseUnit("bytes")
                .tags(port)
                .register(registry);
        return server;
    }
}
