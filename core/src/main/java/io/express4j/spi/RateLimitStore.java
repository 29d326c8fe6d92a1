package io.express4j.spi;

/**
 * Where a rate limiter counts hits: express-rate-limit's {@code Store}. Implementations must be safe for
 * concurrent calls (requests run on many threads) and must not be shared between limiters.
 */
public interface RateLimitStore {
    /** Called once when the limiter is created, with its window length. */
    default void init(long windowMs) {}

    /**
     * Counts one hit for {@code key}, starting a fresh window when the old one has ended, and returns the count so
     * far in the current window (at least 1).
     */
    ClientRateLimitInfo increment(String key);

    /** Takes back one hit (never below zero). */
    void decrement(String key);

    /** Forgets {@code key}: its next hit starts a new window. */
    void resetKey(String key);

    /** Forgets every key. */
    default void resetAll() {
        throw new UnsupportedOperationException(getClass().getName() + " does not support resetAll");
    }

    /** The current count for {@code key} without counting a hit; {@code null} when unknown or expired. */
    default ClientRateLimitInfo get(String key) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support get");
    }
}
