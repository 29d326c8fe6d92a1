package io.express4j.micrometer;

import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times each request from this middleware to the response's last byte ({@code res.onFinished}), then records it
 * in the {@code http.server.requests} timer with its {@link RequestTags}; {@code http.server.requests.active}
 * counts the requests in flight meanwhile.
 */
final class RequestMetrics implements Middleware {
    private final MeterRegistry registry;
    private final LongTaskTimer active;
    /** A timer per tag set, so a request does not build a meter id: as bounded as the tags themselves. */
    private final Map<RequestTags, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.active = LongTaskTimer.builder(Express4jMetrics.ACTIVE_REQUESTS)
                .description("HTTP requests in flight")
                .register(registry);
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        Timer.Sample sample = Timer.start(registry);
        LongTaskTimer.Sample inFlight = active.start();
        res.onFinished(abort -> {
            inFlight.stop();
            RequestTags tags =
                    RequestTags.of(req.originalMethod(), req.routePath(), res.statusCode(), abort != null, req.error());
            sample.stop(timers.computeIfAbsent(tags, this::timer));
        });
        next.run();
    }

    private Timer timer(RequestTags tags) {
        return Timer.builder(Express4jMetrics.REQUESTS)
                .description("HTTP server request processing time")
                .tags(tags.tags())
                .register(registry);
    }
}
