package io.express4j.micrometer;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.Set;

/**
 * The tags of one {@code http.server.requests} timing, by Spring Boot's conventions (its
 * {@code DefaultServerRequestObservationConvention}), so dashboards made for Spring apps read express4j's too.
 *
 * @param method    the method the client sent; one Spring does not know is {@code UNKNOWN}, so a client inventing
 *                  methods cannot create time series
 * @param uri       the matched route template ({@code /api/users/:id}); without one {@code REDIRECTION} for a 3xx,
 *                  {@code NOT_FOUND} for a 404, {@code UNKNOWN} otherwise; {@code root} for an empty template
 * @param status    the status code, {@code UNKNOWN} when the client left before the response was written
 * @param outcome   {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR},
 *                  {@code SERVER_ERROR}, or {@code UNKNOWN} (also when the client left)
 * @param exception the simple class name of {@code req.error()}, {@code none} when there was none
 */
record RequestTags(String method, String uri, String status, String outcome, String exception) {
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    static RequestTags of(String method, String routePath, int status, boolean aborted, Throwable error) {
        return new RequestTags(
                METHODS.contains(method) ? method : "UNKNOWN",
                uri(routePath, status),
                aborted ? "UNKNOWN" : Integer.toString(status),
                aborted ? "UNKNOWN" : Outcome.forStatus(status).name(),
                exception(error));
    }

    private static String uri(String routePath, int status) {
        if (routePath != null) return routePath.isEmpty() ? "root" : routePath;
        if (status >= 300 && status < 400) return "REDIRECTION";
        if (status == 404) return "NOT_FOUND";
        return "UNKNOWN";
    }

    private static String exception(Throwable error) {
        if (error == null) return "none";
        String simple = error.getClass().getSimpleName();
        return simple.isEmpty() ? error.getClass().getName() : simple; // anonymous classes have no simple name
    }

    Tags tags() {
        return Tags.of("exception", exception, "method", method, "outcome", outcome, "status", status, "uri", uri);
    }
}
