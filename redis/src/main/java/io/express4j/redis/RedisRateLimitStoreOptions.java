package io.express4j.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link RedisRateLimitStore}, rate-limit-redis 6's {@code prefix} (default {@code rl:}) plus the
 * {@link #timeout} within which Redis must answer.
 */
public final class RedisRateLimitStoreOptions {
    private String prefix = "rl:";
    private Duration timeout = Duration.ofSeconds(2);

    /** rate-limit-redis's defaults: prefix {@code rl:}; a 2 s timeout. */
    public RedisRateLimitStoreOptions() {}

    /** The text put before each client's key in Redis (default {@code rl:}); one prefix per limiter. */
    public RedisRateLimitStoreOptions prefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * How long connecting to Redis and each command may take (default 2 seconds); past it, or at once while the
     * connection is down, the hit fails with a {@link RedisUnavailableException}: a 503, or the request passes
     * with {@code RateLimitOptions.passOnStoreError(true)}.
     */
    public RedisRateLimitStoreOptions timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    public Duration timeout() {
        return timeout;
    }
}
