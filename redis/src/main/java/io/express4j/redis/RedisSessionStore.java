package io.express4j.redis;

import io.express4j.JacksonJsonMapper;
import io.express4j.spi.SessionStore;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sessions in Redis, laid out as connect-redis 9 lays them out, so an Express app with express-session and
 * connect-redis and an express4j app with the same secret and cookie name read and write the same sessions: the key
 * {@code sess:<id>} holds the session as the JSON express-session stores ({@code {"cookie":{"originalMaxAge":…,
 * "expires":"…","httpOnly":true,"path":"/"},…}}), set with {@code SET key json EX ttl}, the TTL being the seconds
 * until the cookie expires (one day when it has no expiry); {@code touch} renews the TTL with {@code EXPIRE} and
 * {@code destroy} is {@code DEL}.
 *
 * <pre>{@code
 * app.use(Express.session(new SessionOptions().secret("keyboard cat").resave(false).saveUninitialized(false)
 *         .store(new RedisSessionStore("redis://localhost:6379"))));
 * }</pre>
 *
 * <p>When Redis cannot be reached within the {@linkplain RedisSessionStoreOptions#timeout timeout}, the request fails
 * with a {@link RedisUnavailableException} (503). Close the store to release its connection.
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {
    private static final JacksonJsonMapper JSON = new JacksonJsonMapper();

    private final RedisSessionStoreOptions options;
    private final RedisConnection redis;

    /** A store on {@code redisUri} ({@code redis://host:port/db}, {@code rediss://…}, with a password if any). */
    public RedisSessionStore(String redisUri) {
        this(redisUri, new RedisSessionStoreOptions());
    }

    public RedisSessionStore(String redisUri, RedisSessionStoreOptions options) {
        this.options = options;
        this.redis = new RedisConnection(redisUri, options.timeout());
    }

    @Override
    public Map<String, Object> get(String sid) {
        String json = redis.call(c -> c.get(key(sid)));
        return json == null || json.isEmpty() ? null : parse(json);
    }

    /** {@code SET sess:<id> json EX ttl}; a session whose cookie has already expired is removed instead. */
    @Override
    public void set(String sid, Map<String, Object> session) {
        long ttl = ttl(session);
        if (ttl <= 0) {
            destroy(sid);
            return;
        }
        String json = JSON.stringify(session, "");
        if (options.disableTTL()) redis.call(c -> c.set(key(sid), json));
        else redis.call(c -> c.set(key(sid), json, SetArgs.Builder.ex(ttl)));
    }

    /** {@code EXPIRE sess:<id> ttl} with the TTL of the session's renewed cookie (nothing with disableTouch). */
    @Override
    public void touch(String sid, Map<String, Object> session) {
        if (options.disableTouch() || options.disableTTL()) return;
        long ttl = ttl(session);
        redis.call(c -> c.expire(key(sid), ttl));
    }

    @Override
    public void destroy(String sid) {
        redis.call(c -> c.del(key(sid)));
    }

    /** Removes every session under the prefix (connect-redis's {@code clear}). */
    public void clear() {
        List<String> keys = allKeys();
        if (!keys.isEmpty()) redis.call(c -> c.del(keys.toArray(String[]::new)));
    }

    /** The number of sessions under the prefix (connect-redis's {@code length}). */
    public int length() {
        return allKeys().size();
    }

    /** The ids of the sessions under the prefix (connect-redis's {@code ids}). */
    public List<String> ids() {
        int cut = options.prefix().length();
        return allKeys().stream().map(key -> key.substring(cut)).toList();
    }

    /** Every session under the prefix, each with its {@code id} added (connect-redis's {@code all}). */
    public List<Map<String, Object>> all() {
        List<String> keys = allKeys();
        if (keys.isEmpty()) return List.of();
        int cut = options.prefix().length();
        List<KeyValue<String, String>> values = redis.call(c -> c.mget(keys.toArray(String[]::new)));
        List<Map<String, Object>> out = new ArrayList<>();
        for (KeyValue<String, String> value : values) {
            if (!value.hasValue() || value.getValue().isEmpty()) continue;
            Map<String, Object> session = parse(value.getValue());
            session.put("id", value.getKey().substring(cut));
            out.add(session);
        }
        return out;
    }

    /** Closes the connection to Redis. */
    @Override
    public void close() {
        redis.close();
    }

    private String key(String sid) {
        return options.prefix() + sid;
    }

    /** connect-redis's {@code getTTL}: seconds until {@code cookie.expires}, rounded up; else the default TTL. */
    private long ttl(Map<String, Object> session) {
        if (options.ttl() != null) return options.ttl().applyAsLong(session);
        if (session.get("cookie") instanceof Map<?, ?> cookie && cookie.get("expires") instanceof String expires) {
            try {
                long ms = Instant.parse(expires).toEpochMilli() - System.currentTimeMillis();
                return Math.ceilDiv(ms, 1000);
            } catch (DateTimeParseException e) {
                // JavaScript's Number(new Date("garbage")) is NaN, and connect-redis then stores with the NaN TTL
                // Redis refuses; an error is the honest answer here too
                throw new IllegalArgumentException("session cookie.expires is not a date: " + expires, e);
            }
        }
        return options.defaultTtl();
    }

    private List<String> allKeys() {
        ScanArgs args = ScanArgs.Builder.matches(options.prefix() + "*").limit(options.scanCount());
        Set<String> keys = new LinkedHashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = redis.call(c -> c.scan(from, args));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return new ArrayList<>(keys);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        Object value = JSON.parse(json);
        if (!(value instanceof Map<?, ?> map)) throw new IllegalStateException("stored session is not a JSON object");
        return map instanceof LinkedHashMap<?, ?>
                ? (Map<String, Object>) map
                : new LinkedHashMap<>((Map<String, Object>) map);
    }
}
