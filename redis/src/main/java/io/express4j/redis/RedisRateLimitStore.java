package io.express4j.redis;

import io.express4j.spi.ClientRateLimitInfo;
import io.express4j.spi.RateLimitStore;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Rate-limit counters in Redis, shared by every instance of an app, as rate-limit-redis 6 keeps them: one key
 * {@code rl:<client key>} per client holding its hit count, expiring with the window. A hit runs rate-limit-redis's
 * Lua script atomically in Redis (a first hit, or one after the window ended, sets the count to 1 with
 * {@code PX windowMs}; any other is {@code INCR}) and returns the count and the time left, so N instances enforce
 * one limit and agree on the reset time.
 *
 * <pre>{@code
 * app.use(Express.rateLimit(new RateLimitOptions().windowMs(60_000).limit(100)
 *         .store(new RedisRateLimitStore("redis://localhost:6379"))));
 * }</pre>
 *
 * <p>When Redis cannot be reached within the {@linkplain RedisRateLimitStoreOptions#timeout timeout}, the hit fails
 * with a {@link RedisUnavailableException}: the request gets a 503, or passes unlimited with express-rate-limit's
 * {@code passOnStoreError(true)}. One store per limiter, as express-rate-limit requires.
 */
public final class RedisRateLimitStore implements RateLimitStore, AutoCloseable {
    /** rate-limit-redis 6's increment script. */
    static final String INCREMENT_SCRIPT = """
            local windowMs = tonumber(ARGV[1])
            local timeToExpire = redis.call("PTTL", KEYS[1])
            if timeToExpire <= 0 then
            redis.call("SET", KEYS[1], 1, "PX", windowMs)
            return { 1, windowMs }
            end
            local totalHits = redis.call("INCR", KEYS[1])
            return { totalHits, timeToExpire }""";

    /** rate-limit-redis 6's get script. */
    static final String GET_SCRIPT = """
            local totalHits = redis.call("GET", KEYS[1])
            local timeToExpire = redis.call("PTTL", KEYS[1])
            return { totalHits, timeToExpire }""";

    private static final String INCREMENT_SHA = sha1(INCREMENT_SCRIPT);
    private static final String GET_SHA = sha1(GET_SCRIPT);

    private final String prefix;
    private final RedisConnection redis;
    private volatile long windowMs = 60_000;

    /** A store on {@code redisUri} ({@code redis://host:port/db}, {@code rediss://…}, with a password if any). */
    public RedisRateLimitStore(String redisUri) {
        this(redisUri, new RedisRateLimitStoreOptions());
    }

    public RedisRateLimitStore(String redisUri, RedisRateLimitStoreOptions options) {
        this.prefix = options.prefix();
        this.redis = new RedisConnection(redisUri, options.timeout());
    }

    /**
     * Takes the window length. Unlike rate-limit-redis it does not load the scripts here, so an app starts while
     * Redis is down; each script is sent the first time {@code EVALSHA} finds it missing (also after a restart of
     * Redis, which forgets scripts).
     */
    @Override
    public void init(long windowMs) {
        if (windowMs < 1) throw new IllegalArgumentException("windowMs must be at least 1, got " + windowMs);
        this.windowMs = windowMs;
    }

    @Override
    public ClientRateLimitInfo increment(String key) {
        List<Object> reply = script(INCREMENT_SCRIPT, INCREMENT_SHA, key(key), Long.toString(windowMs));
        return info(reply);
    }

    /** {@code DECR}, as rate-limit-redis (a key already gone comes back at -1 without expiry, as there). */
    @Override
    public void decrement(String key) {
        redis.call(c -> c.decr(key(key)));
    }

    @Override
    public void resetKey(String key) {
        redis.call(c -> c.del(key(key)));
    }

    /** The client's count and reset time; null when Redis holds no count for it (none yet, or expired). */
    @Override
    public ClientRateLimitInfo get(String key) {
        List<Object> reply = script(GET_SCRIPT, GET_SHA, key(key));
        if (reply.isEmpty() || reply.get(0) == null) return null;
        return info(reply);
    }

    /** Closes the connection to Redis. */
    @Override
    public void close() {
        redis.close();
    }

    private String key(String key) {
        return prefix + key;
    }

    /** rate-limit-redis's {@code parseScriptResponse}: the count, and the reset time as now plus the time left. */
    private static ClientRateLimitInfo info(List<Object> reply) {
        if (reply.size() != 2) throw new IllegalStateException("Expected 2 replies, got " + reply.size());
        int totalHits = reply.get(0) == null ? 0 : Integer.parseInt(reply.get(0).toString());
        long timeToExpire = Long.parseLong(reply.get(1).toString());
        return new ClientRateLimitInfo(totalHits, Instant.ofEpochMilli(System.currentTimeMillis() + timeToExpire));
    }

    /** {@code EVALSHA} by the script's digest; on {@code NOSCRIPT}, {@code EVAL}, which caches it for next time. */
    private List<Object> script(String script, String sha, String key, String... args) {
        String[] keys = {key};
        return redis.call(c -> {
            try {
                return c.<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args);
            } catch (RedisNoScriptException e) {
                return c.<List<Object>>eval(script, ScriptOutputType.MULTI, keys, args);
            }
        });
    }

    /** The name Redis gives a script: its SHA-1 in lower-case hex. */
    private static String sha1(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
