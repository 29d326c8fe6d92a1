package io.express4j.spi;

import java.time.Instant;

/**
 * What a {@link RateLimitStore} knows of one client: its hits in the current window and when the window ends
 * ({@code null} when the store does not track it; the limiter then assumes a whole window).
 */
public record ClientRateLimitInfo(int totalHits, Instant resetTime) {}
