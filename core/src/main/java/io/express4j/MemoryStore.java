package io.express4j;

import io.express4j.spi.SessionStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * express-session's {@code MemoryStore}: sessions kept as JSON text (so what a request changes after saving never
 * leaks into the store), a session whose {@code cookie.expires} has passed read as absent and removed. Unlike
 * express-session's, it stays bounded: expired sessions are also swept out every minute while sessions are saved,
 * so abandoned ones do not pile up. Sessions without {@code expires} (browser-session cookies) live until
 * destroyed, as in express-session. Safe for concurrent requests; when two requests of one session save, the
 * later save wins.
 */
public final class MemoryStore implements SessionStore {
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;

    private record Stored(String json, long expiresAt) {
        boolean expired(long now) {
            return expiresAt <= now;
        }
    }

    private final ConcurrentHashMap<String, Stored> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long nextSweep;

    public MemoryStore() {
        this(System::currentTimeMillis);
    }

    /** With a clock in epoch milliseconds, for tests of expiry. */
    MemoryStore(LongSupplier clock) {
        this.clock = clock;
        this.nextSweep = clock.getAsLong() + SWEEP_INTERVAL_MILLIS;
    }

    @Override
    public Map<String, Object> get(String sid) {
        Stored stored = sessions.get(sid);
        if (stored == null) return null;
        if (stored.expired(clock.getAsLong())) {
            sessions.remove(sid, stored);
            return null;
        }
        return SessionJson.parseObject(stored.json());
    }

    @Override
    public void set(String sid, Map<String, Object> session) {
        sessions.put(sid, new Stored(SessionJson.stringify(session), expiresAt(session)));
        sweepWhenDue();
    }

    @Override
    public void destroy(String sid) {
        sessions.remove(sid);
    }

    /** express-session's MemoryStore touch: the stored session gets the given cookie, its data untouched. */
    @Override
    public void touch(String sid, Map<String, Object> session) {
        long now = clock.getAsLong();
        sessions.computeIfPresent(sid, (id, stored) -> {
            if (stored.expired(now)) return null;
            Map<String, Object> current = SessionJson.parseObject(stored.json());
            current.put("cookie", session.get("cookie"));
            return new Stored(SessionJson.stringify(current), expiresAt(current));
        });
    }

    /** The number of sessions not expired (express-session's {@code length}). */
    public int length() {
        return all().size();
    }

    /** Every session not expired, by id (express-session's {@code all}). */
    public Map<String, Map<String, Object>> all() {
        long now = clock.getAsLong();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        sessions.forEach((sid, stored) -> {
            if (!stored.expired(now)) out.put(sid, SessionJson.parseObject(stored.json()));
        });
        return out;
    }

    /** Removes every session. */
    public void clear() {
        sessions.clear();
    }

    /** Removes the expired sessions now; done by itself every minute while sessions are saved. */
    public void prune() {
        long now = clock.getAsLong();
        sessions.values().removeIf(stored -> stored.expired(now));
    }

    /** How many sessions are held, expired ones not yet removed included. */
    int heldForTests() {
        return sessions.size();
    }

    private void sweepWhenDue() {
        long now = clock.getAsLong();
        if (now < nextSweep) return;
        nextSweep = now + SWEEP_INTERVAL_MILLIS;
        prune();
    }

    /** {@code cookie.expires} in epoch milliseconds; never for a session without it or with one not a date. */
    private static long expiresAt(Map<String, Object> session) {
        if (session.get("cookie") instanceof Map<?, ?> cookie && cookie.get("expires") instanceof String iso) {
            try {
                return Instant.parse(iso).toEpochMilli();
            } catch (DateTimeParseException e) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }
}
