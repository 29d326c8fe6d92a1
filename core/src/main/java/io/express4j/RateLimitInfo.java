package io.express4j;

import java.time.Instant;

/**
 * What {@link Express#rateLimit(RateLimitOptions)} puts on the request ({@code req.attr("rateLimit")}, as
 * express-rate-limit's {@code req.rateLimit}): the limit, the hits so far in this window including this request,
 * what remains (never negative), when the window resets ({@code null} if the store does not say) and the key.
 */
public record RateLimitInfo(int limit, int used, int remaining, Instant resetTime, String key) {}
