package io.express4j;

import io.express4j.spi.ClientRateLimitInfo;
import io.express4j.spi.RateLimitStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * express-rate-limit's {@code MemoryStore}, the default store: counts per key in this JVM. Memory stays bounded by
 * the keys seen in the last two windows: clients live in a {@code current} map and move there from
 * {@code previous} when they come back; once a window has passed, {@code previous} (clients silent for a whole
 * window, so all expired) is dropped in one step and {@code current} takes its place. express-rate-limit does this
 * on a timer; here it happens on the next call, so an idle store holds no thread.
 */
public final class RateLimitMemoryStore implements RateLimitStore {
    private final InstantSource clock;
    private long windowMs = 60_000;
    private Map<String, Client> previous = new HashMap<>();
    private Map<String, Client> current = new HashMap<>();
    private long rotatedAt;

    public RateLimitMemoryStore() {
        this(InstantSource.system());
    }

    /** With a clock of your own (tests move time forward instead of sleeping). */
    public RateLimitMemoryStore(InstantSource clock) {
        this.clock = clock;
        this.rotatedAt = clock.millis();
    }

    private static final class Client {
        int totalHits;
        long resetTime;

        ClientRateLimitInfo info() {
            return new ClientRateLimitInfo(totalHits, Instant.ofEpochMilli(resetTime));
        }
    }

    @Override
    public synchronized void init(long windowMs) {
        if (windowMs < 1) throw new IllegalArgumentException("windowMs must be at least 1, got " + windowMs);
        this.windowMs = windowMs;
        this.rotatedAt = clock.millis();
    }

    @Override
    public synchronized ClientRateLimitInfo get(String key) {
        long now = rotate();
        Client client = current.get(key);
        if (client == null) client = previous.get(key);
        if (client == null || client.resetTime <= now) return null;
        return client.info();
    }

    @Override
    public synchronized ClientRateLimitInfo increment(String key) {
        long now = rotate();
        Client client = client(key, now);
        if (client.resetTime <= now) restart(client, now);
        client.totalHits++;
        return client.info();
    }

    @Override
    public synchronized void decrement(String key) {
        Client client = client(key, rotate());
        if (client.totalHits > 0) client.totalHits--;
    }

    @Override
    public synchronized void resetKey(String key) {
        current.remove(key);
        previous.remove(key);
    }

    @Override
    public synchronized void resetAll() {
        current.clear();
        previous.clear();
    }

    /** How many keys the store holds (for tests of its bound). */
    synchronized int size() {
        return current.size() + previous.size();
    }

    /** The client for {@code key}, moved into {@code current} (created with a fresh window if unknown). */
    private Client client(String key, long now) {
        Client client = current.get(key);
        if (client != null) return client;
        client = previous.remove(key);
        if (client == null) client = restart(new Client(), now);
        current.put(key, client);
        return client;
    }

    private Client restart(Client client, long now) {
        client.totalHits = 0;
        client.resetTime = now + windowMs;
        return client;
    }

    /** Drops the clients silent for a whole window (two windows: everyone); returns the time now. */
    private long rotate() {
        long now = clock.millis();
        long elapsed = now - rotatedAt;
        if (elapsed >= windowMs) {
            previous = elapsed >= 2 * windowMs ? new HashMap<>() : current;
            current = new HashMap<>();
            rotatedAt = now;
        }
        return now;
    }
}
