package io.express4j.opentelemetry;

/**
 * Options of {@link Express4jTelemetry#middleware(io.opentelemetry.api.OpenTelemetry, TelemetryOptions)}, set
 * fluently: {@code new TelemetryOptions().propagateToResponse(true)}.
 */
public final class TelemetryOptions {
    private boolean propagateToResponse;

    /**
     * Also writes the server span's context into the response headers with the configured propagators
     * ({@code traceparent}, {@code tracestate} for W3C), so a browser or test can find the trace it started.
     * Off by default: it tells every client the trace ids.
     */
    public TelemetryOptions propagateToResponse(boolean on) {
        this.propagateToResponse = on;
        return this;
    }

    boolean propagateToResponse() {
        return propagateToResponse;
    }
}
