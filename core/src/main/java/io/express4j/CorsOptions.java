package io.express4j;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Options of {@link Express#cors(CorsOptions)}, cors 2.8's by name and default:
 * {@code new CorsOptions().origin("https://a.example").credentials(true).maxAge(600)}.
 */
public final class CorsOptions {
    private Object origin = "*";
    private String methods = "GET,HEAD,PUT,PATCH,POST,DELETE";
    private String allowedHeaders;
    private String exposedHeaders;
    private boolean credentials;
    private Integer maxAge;
    private boolean preflightContinue;
    private int optionsSuccessStatus = 204;

    /**
     * {@code Access-Control-Allow-Origin}: {@code "*"} (the default) allows any origin; any other string is sent
     * as it is (with {@code Vary: Origin}); an empty string disables CORS.
     */
    public CorsOptions origin(String origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        return this;
    }

    /** {@code true} reflects the request's {@code Origin}; {@code false} disables CORS (no headers at all). */
    public CorsOptions origin(boolean origin) {
        this.origin = origin;
        return this;
    }

    /** The request's origin is reflected when it equals one of the strings or matches one of the patterns. */
    public CorsOptions origin(List<?> origins) {
        for (Object o : origins) {
            if (!(o instanceof String) && !(o instanceof Pattern)) {
                throw new IllegalArgumentException("origin list entries must be strings or patterns, got " + o);
            }
        }
        this.origin = List.copyOf(origins);
        return this;
    }

    /** The request's origin is reflected when the pattern finds a match in it (JavaScript's {@code test}). */
    public CorsOptions origin(Pattern origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        return this;
    }

    /** Decides per request: see {@link CorsOriginCallback}. */
    public CorsOptions origin(CorsOriginCallback origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        return this;
    }

    public Object origin() {
        return origin;
    }

    /** {@code Access-Control-Allow-Methods} of preflight answers, joined with commas. */
    public CorsOptions methods(String... methods) {
        this.methods = String.join(",", methods);
        return this;
    }

    public String methods() {
        return methods;
    }

    /**
     * {@code Access-Control-Allow-Headers} of preflight answers, joined with commas (none given: no header).
     * Unset, the request's {@code Access-Control-Request-Headers} is reflected (with {@code Vary}).
     */
    public CorsOptions allowedHeaders(String... headers) {
        return allowedHeaders(List.of(headers));
    }

    /** The same as a list; an empty list sends no {@code Access-Control-Allow-Headers} and reflects nothing. */
    public CorsOptions allowedHeaders(List<String> headers) {
        this.allowedHeaders = String.join(",", headers);
        return this;
    }

    /** Null when unset (reflect the request's). */
    public String allowedHeaders() {
        return allowedHeaders;
    }

    /** {@code Access-Control-Expose-Headers}, joined with commas (none: no header). */
    public CorsOptions exposedHeaders(String... headers) {
        return exposedHeaders(List.of(headers));
    }

    public CorsOptions exposedHeaders(List<String> headers) {
        this.exposedHeaders = String.join(",", headers);
        return this;
    }

    public String exposedHeaders() {
        return exposedHeaders;
    }

    /** {@code Access-Control-Allow-Credentials: true}. */
    public CorsOptions credentials(boolean credentials) {
        this.credentials = credentials;
        return this;
    }

    public boolean credentials() {
        return credentials;
    }

    /** {@code Access-Control-Max-Age} of preflight answers, in seconds ({@code 0} is sent too). */
    public CorsOptions maxAge(int seconds) {
        this.maxAge = seconds;
        return this;
    }

    /** Null when unset. */
    public Integer maxAge() {
        return maxAge;
    }

    /** Pass preflight requests on to the next handler instead of answering them. */
    public CorsOptions preflightContinue(boolean on) {
        this.preflightContinue = on;
        return this;
    }

    public boolean preflightContinue() {
        return preflightContinue;
    }

    /** The status of a preflight answer (default 204; some old browsers need 200). */
    public CorsOptions optionsSuccessStatus(int status) {
        this.optionsSuccessStatus = status;
        return this;
    }

    public int optionsSuccessStatus() {
        return optionsSuccessStatus;
    }
}
