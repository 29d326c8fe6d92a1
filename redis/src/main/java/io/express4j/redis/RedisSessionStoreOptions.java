package io.express4j.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Options of {@link RedisSessionStore}, by connect-redis 9's names and with its defaults: keys {@code sess:<id>},
 * a one-day TTL for sessions whose cookie has no expiry, {@code touch} on. Plus the {@link #timeout} within which
 * Redis must answer (connect-redis leaves that to its client).
 */
public final class RedisSessionStoreOptions {
    private String prefix = "sess:";
    private ToLongFunction<Map<String, Object>> ttl;
    private long defaultTtlSeconds = 86_400;
    private boolean disableTtl;
    private boolean disableTouch;
    private int scanCount = 100;
    private Duration timeout = Duration.ofSeconds(2);

    /** connect-redis's defaults: prefix {@code sess:}, TTL one day, touch on, a 2 s timeout. */
    public RedisSessionStoreOptions() {}

    /** The key prefix (default {@code sess:}); connect-redis and this store must use the same one to share. */
    public RedisSessionStoreOptions prefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    public String prefix() {
        return prefix;
    }

    /** The TTL in seconds of a session whose cookie has no {@code expires} (default 86400, one day). */
    public RedisSessionStoreOptions ttl(long seconds) {
        this.defaultTtlSeconds = seconds;
        this.ttl = null;
        return this;
    }

    /** The TTL in seconds of each session, decided from the session itself (connect-redis's {@code ttl} function). */
    public RedisSessionStoreOptions ttl(ToLongFunction<Map<String, Object>> ttl) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /** The TTL function, or null for connect-redis's rule (the cookie's expiry, else {@link #defaultTtl()}). */
    public ToLongFunction<Map<String, Object>> ttl() {
        return ttl;
    }

    public long defaultTtl() {
        return defaultTtlSeconds;
    }

    /** Store sessions without expiry in Redis (and make {@code touch} do nothing); default false. */
    public RedisSessionStoreOptions disableTTL(boolean on) {
        this.disableTtl = on;
        return this;
    }

    public boolean disableTTL() {
        return disableTtl;
    }

    /** Make {@code touch} do nothing, so a session's TTL is renewed only when it is saved; default false. */
    public RedisSessionStoreOptions disableTouch(boolean on) {
        this.disableTouch = on;
        return this;
    }

    public boolean disableTouch() {
        return disableTouch;
    }

    /** The {@code COUNT} hint of the {@code SCAN}s behind {@code clear}, {@code length}, {@code ids}, {@code all}. */
    public RedisSessionStoreOptions scanCount(int count) {
        if (count < 1) throw new IllegalArgumentException("scanCount must be at least 1, got " + count);
        this.scanCount = count;
        return this;
    }

    public int scanCount() {
        return scanCount;
    }

    /**
     * How long connecting to Redis and each command may take (default 2 seconds); past it, or at once while the
     * connection is down, the request fails with a {@link RedisUnavailableException} (503).
     */
    public RedisSessionStoreOptions timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    public Duration timeout() {
        return timeout;
    }
}
