package io.express4j;

/**
 * cors's {@code origin: function (origin, callback)}: decides per request. It receives the request's
 * {@code Origin} header (null when absent) and returns what {@link CorsOptions#origin} accepts: {@code true}
 * (reflect the request's origin), {@code false} or {@code null} (no CORS headers), a {@code String}, a
 * {@code Pattern}, or a {@code List} of strings and patterns. What it throws goes to {@code next(err)}.
 */
@FunctionalInterface
public interface CorsOriginCallback {
    Object allow(String requestOrigin) throws Exception;
}
