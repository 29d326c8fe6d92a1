package io.express4j;

import io.express4j.http.IpKeys;
import io.express4j.spi.RateLimitStore;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Options of {@link Express#rateLimit(RateLimitOptions)}, express-rate-limit 8's by name and default:
 * {@code new RateLimitOptions().windowMs(60_000).limit(100).standardHeaders("draft-8")}.
 */
public final class RateLimitOptions {
    private static final Set<String> DRAFTS = Set.of("draft-6", "draft-7", "draft-8");

    private long windowMs = 60_000;
    private ToIntFunction<Request> limit = req -> 5;
    private int statusCode = 429;
    private Function<Request, Object> message = req -> "Too many requests, please try again later.";
    private String standardHeaders;
    private boolean legacyHeaders = true;
    private Function<Request, String> keyGenerator;
    private int ipv6Subnet = IpKeys.DEFAULT_IPV6_SUBNET;
    private Predicate<Request> skip = req -> false;
    private RateLimitStore store;
    private String requestPropertyName = "rateLimit";
    private Function<Request, String> identifier;
    private ToIntFunction<Request> retryAfter;
    private Middleware handler;
    private boolean passOnStoreError;
    private boolean skipSuccessfulRequests;
    private boolean skipFailedRequests;
    private BiPredicate<Request, Response> requestWasSuccessful = (req, res) -> res.statusCode() < 400;

    /** The window hits are counted in, in milliseconds (default one minute). */
    public RateLimitOptions windowMs(long windowMs) {
        if (windowMs < 1) throw new IllegalArgumentException("windowMs must be at least 1, got " + windowMs);
        this.windowMs = windowMs;
        return this;
    }

    public long windowMs() {
        return windowMs;
    }

    /** Requests allowed per key and window (default 5); with 0 every request is refused. */
    public RateLimitOptions limit(int limit) {
        this.limit = req -> limit;
        return this;
    }

    /** A limit decided per request (express-rate-limit's {@code limit} function). */
    public RateLimitOptions limit(ToIntFunction<Request> limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
        return this;
    }

    public ToIntFunction<Request> limit() {
        return limit;
    }

    /** The status of a refused request (default 429). */
    public RateLimitOptions statusCode(int statusCode) {
        this.statusCode = statusCode;
        return this;
    }

    public int statusCode() {
        return statusCode;
    }

    /**
     * The body of a refused request, sent with {@code res.send}: a string as HTML text, a map, list or record as
     * JSON. Default {@code Too many requests, please try again later.}
     */
    public RateLimitOptions message(Object message) {
        this.message = req -> message;
        return this;
    }

    /** A body decided per refused request. */
    public RateLimitOptions message(Function<Request, Object> message) {
        this.message = Objects.requireNonNull(message, "message");
        return this;
    }

    public Function<Request, Object> message() {
        return message;
    }

    /** {@code true} sends draft 6's {@code RateLimit-*} headers; {@code false} (the default) none. */
    public RateLimitOptions standardHeaders(boolean on) {
        this.standardHeaders = on ? "draft-6" : null;
        return this;
    }

    /**
     * Which IETF draft's headers to send: {@code "draft-6"} ({@code RateLimit-Policy}, {@code RateLimit-Limit},
     * {@code RateLimit-Remaining}, {@code RateLimit-Reset}), {@code "draft-7"} ({@code RateLimit-Policy} and a
     * combined {@code RateLimit}) or {@code "draft-8"} (named quotas, appended so several limiters add up).
     */
    public RateLimitOptions standardHeaders(String draft) {
        if (!DRAFTS.contains(draft)) {
            throw new IllegalArgumentException("standardHeaders: only the following versions of the IETF draft"
                    + " specification are supported: draft-6, draft-7, draft-8.");
        }
        this.standardHeaders = draft;
        return this;
    }

    /** The draft sent, or null for none. */
    public String standardHeaders() {
        return standardHeaders;
    }

    /** {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (default on). */
    public RateLimitOptions legacyHeaders(boolean on) {
        this.legacyHeaders = on;
        return this;
    }

    public boolean legacyHeaders() {
        return legacyHeaders;
    }

    /** The key a request is counted under (default: {@code req.ip()}, IPv6 grouped by {@link #ipv6Subnet}). */
    public RateLimitOptions keyGenerator(Function<Request, String> keyGenerator) {
        this.keyGenerator = Objects.requireNonNull(keyGenerator, "keyGenerator");
        return this;
    }

    /** Null for the default. */
    public Function<Request, String> keyGenerator() {
        return keyGenerator;
    }

    /**
     * The prefix length IPv6 clients are grouped by in the default key (default 56; usually 48–64); 0 counts
     * each IPv6 address alone.
     */
    public RateLimitOptions ipv6Subnet(int bits) {
        if (bits < 0 || bits > 128) throw new IllegalArgumentException("Unexpected ipv6Subnet value: " + bits);
        this.ipv6Subnet = bits;
        return this;
    }

    public int ipv6Subnet() {
        return ipv6Subnet;
    }

    /** Requests for which this returns true are neither counted nor limited. */
    public RateLimitOptions skip(Predicate<Request> skip) {
        this.skip = Objects.requireNonNull(skip, "skip");
        return this;
    }

    public Predicate<Request> skip() {
        return skip;
    }

    /** Where hits are counted (default: a new {@link RateLimitMemoryStore} per limiter). */
    public RateLimitOptions store(RateLimitStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Null for the default. */
    public RateLimitStore store() {
        return store;
    }

    /** The request attribute the {@link RateLimitInfo} goes to (default {@code rateLimit}). */
    public RateLimitOptions requestPropertyName(String name) {
        this.requestPropertyName = Objects.requireNonNull(name, "requestPropertyName");
        return this;
    }

    public String requestPropertyName() {
        return requestPropertyName;
    }

    /** The quota name in draft 8's headers (default from limit and window: {@code 100-in-1min}). */
    public RateLimitOptions identifier(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        this.identifier = req -> identifier;
        return this;
    }

    /** A quota name decided per request (express-rate-limit's {@code identifier} function). */
    public RateLimitOptions identifier(Function<Request, String> identifier) {
        this.identifier = Objects.requireNonNull(identifier, "identifier");
        return this;
    }

    /** Null for the default. */
    public Function<Request, String> identifier() {
        return identifier;
    }

    /**
     * The {@code Retry-After} of a refused request, in seconds (default: the seconds until the window resets).
     * Sent only with legacy or standard headers on, as express-rate-limit does.
     */
    public RateLimitOptions retryAfter(int seconds) {
        this.retryAfter = req -> seconds;
        return this;
    }

    /** A {@code Retry-After} decided per refused request. */
    public RateLimitOptions retryAfter(ToIntFunction<Request> retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        return this;
    }

    /** Null for the default. */
    public ToIntFunction<Request> retryAfter() {
        return retryAfter;
    }

    /** Answers a refused request instead of the default (status {@link #statusCode}, body {@link #message}). */
    public RateLimitOptions handler(Middleware handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Null for the default. */
    public Middleware handler() {
        return handler;
    }

    /** When the store fails, let the request through (logged) instead of failing it (default false). */
    public RateLimitOptions passOnStoreError(boolean on) {
        this.passOnStoreError = on;
        return this;
    }

    public boolean passOnStoreError() {
        return passOnStoreError;
    }

    /**
     * Takes back the hit of a request whose response {@link #requestWasSuccessful succeeded}, once the response
     * has been written: only failures count, e.g. failed logins (default false).
     */
    public RateLimitOptions skipSuccessfulRequests(boolean on) {
        this.skipSuccessfulRequests = on;
        return this;
    }

    public boolean skipSuccessfulRequests() {
        return skipSuccessfulRequests;
    }

    /**
     * Takes back the hit of a request whose response failed — not {@link #requestWasSuccessful successful}, or
     * cut off because the connection closed first — once the response is over (default false). A refused request
     * (429) is a failure too.
     */
    public RateLimitOptions skipFailedRequests(boolean on) {
        this.skipFailedRequests = on;
        return this;
    }

    public boolean skipFailedRequests() {
        return skipFailedRequests;
    }

    /**
     * What counts as success for {@link #skipSuccessfulRequests} and {@link #skipFailedRequests}, asked once the
     * response has been written (default: a status below 400).
     */
    public RateLimitOptions requestWasSuccessful(BiPredicate<Request, Response> test) {
        this.requestWasSuccessful = Objects.requireNonNull(test, "requestWasSuccessful");
        return this;
    }

    public BiPredicate<Request, Response> requestWasSuccessful() {
        return requestWasSuccessful;
    }
}
