package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.spi.ClientRateLimitInfo;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * express-rate-limit 8's test/library/memory-store-test.ts, on a clock the test moves instead of jest's fake timers.
 * Not ported: the cases about its {@code setInterval} timer (shutdown clears it, init replaces it, Electron's timer
 * objects) — this store has no timer, it drops expired clients on the next call; "moves clients from previous to
 * current" is covered by the bound checks below, which look at the same two maps from outside.
 */
class RateLimitMemoryStoreTest {
    private static final long MINUTE = 60_000;

    /** A clock that stands still until the test moves it. */
    static final class ManualClock implements InstantSource {
        long millis = 1_700_000_000_000L;

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        void advance(long ms) {
            millis += ms;
        }
    }

    private final ManualClock clock = new ManualClock();

    private RateLimitMemoryStore store(long windowMs) {
        RateLimitMemoryStore store = new RateLimitMemoryStore(clock);
        store.init(windowMs);
        return store;
    }

    @Test
    void returnsTheHitCountAndResetTimeForAKey() {
        RateLimitMemoryStore store = store(MINUTE);
        store.increment("test-store");
        ClientRateLimitInfo info = store.get("test-store");
        assertThat(info.totalHits()).isEqualTo(1);
        assertThat(info.resetTime()).isEqualTo(Instant.ofEpochMilli(clock.millis + MINUTE));
    }

    @Test
    void theFirstIncrementGivesOne() {
        assertThat(store(MINUTE).increment("test-store").totalHits()).isEqualTo(1);
    }

    @Test
    void incrementCounts() {
        RateLimitMemoryStore store = store(MINUTE);
        store.increment("test-store");
        assertThat(store.increment("test-store").totalHits()).isEqualTo(2);
    }

    @Test
    void decrementTakesOneBack() {
        RateLimitMemoryStore store = store(MINUTE);
        store.increment("test-store");
        store.increment("test-store");
        store.decrement("test-store");
        assertThat(store.increment("test-store").totalHits()).isEqualTo(2);
    }

    @Test
    void decrementStopsAtZero() {
        RateLimitMemoryStore store = store(MINUTE);
        store.increment("test-store");
        store.decrement("test-store");
        store.decrement("test-store");
        assertThat(store.get("test-store").totalHits()).isZero();
    }

    @Test
    void resetKeyRemovesTheKey() {
        RateLimitMemoryStore store = new RateLimitMemoryStore(clock);
        store.increment("test-key");
        assertThat(store.get("test-key")).isNotNull();
        store.resetKey("test-key");
        assertThat(store.get("test-key")).isNull();
    }

    @Test
    void resetKeyRestartsTheCount() {
        RateLimitMemoryStore store = store(MINUTE);
        store.increment("test-store");
        store.resetKey("test-store");
        assertThat(store.increment("test-store").totalHits()).isEqualTo(1);
    }

    @Test
    void resetAllRestartsEveryCount() {
        RateLimitMemoryStore store = store(MINUTE);
        store.increment("one");
        store.increment("two");
        store.resetAll();
        assertThat(store.increment("one").totalHits()).isEqualTo(1);
        assertThat(store.increment("two").totalHits()).isEqualTo(1);
    }

    @Test
    void countsRestartWhenTheWindowEnds() {
        RateLimitMemoryStore store = store(50);
        store.increment("one");
        store.increment("two");
        clock.advance(60);
        assertThat(store.increment("one").totalHits()).isEqualTo(1);
        assertThat(store.increment("two").totalHits()).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsNotReturned() {
        RateLimitMemoryStore store = store(100);
        store.increment("key");
        clock.advance(100);
        assertThat(store.get("key")).isNull();
    }

    @Test
    void aClientTouchedAgainSurvivesARotation() {
        RateLimitMemoryStore store = store(100);
        store.increment("key1");
        clock.advance(100); // key1 is now only in the previous window's map
        assertThat(store.increment("key1").totalHits()).isEqualTo(1); // window ended: restarted, moved back
        assertThat(store.increment("key1").totalHits()).isEqualTo(2);
        clock.advance(50);
        assertThat(store.get("key1").totalHits()).isEqualTo(2);
    }

    @Test
    void aWindowBelowOneMillisecondIsRefused() {
        assertThatThrownBy(() -> new RateLimitMemoryStore().init(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowMs");
    }

    @Test
    void memoryStaysBoundedWithManyKeys() {
        RateLimitMemoryStore store = store(MINUTE);
        for (int i = 0; i < 100_000; i++) store.increment("client-" + i);
        assertThat(store.size()).isEqualTo(100_000);
        clock.advance(MINUTE); // all of them are now in the previous map, expiring
        for (int i = 0; i < 100_000; i++) store.increment("next-" + i);
        assertThat(store.size()).isEqualTo(200_000);
        clock.advance(MINUTE); // the first 100,000 have been silent a whole window: dropped
        store.increment("late");
        assertThat(store.size()).isEqualTo(100_001);
        clock.advance(2 * MINUTE); // everyone has expired
        store.increment("last");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws Exception {
        RateLimitMemoryStore store = store(MINUTE);
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) store.increment("shared");
            });
        }
        for (Thread thread : threads) thread.join();
        assertThat(store.get("shared").totalHits()).isEqualTo(8000);
    }
}
