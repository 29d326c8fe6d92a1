package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * express-session's MemoryStore (session/memory.js, which has no test file of its own: its behaviour is checked
 * through test/session.js, ported in {@link SessionTest}), here directly with a controlled clock: JSON copies,
 * expiry on read, {@code touch} replacing only the cookie, {@code all}/{@code length}/{@code clear}, and the
 * bound express-session's store lacks: expired sessions swept out while sessions are saved.
 */
class MemoryStoreTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final MemoryStore store = new MemoryStore(now::get);

    private static Map<String, Object> session(String expiresIso, Object... pairs) {
        Map<String, Object> cookie = new LinkedHashMap<>();
        cookie.put("originalMaxAge", expiresIso == null ? null : 60_000);
        cookie.put("expires", expiresIso);
        cookie.put("httpOnly", true);
        cookie.put("path", "/");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cookie", cookie);
        for (int i = 0; i < pairs.length; i += 2) out.put((String) pairs[i], pairs[i + 1]);
        return out;
    }

    private String isoIn(long millis) {
        return java.time.Instant.ofEpochMilli(now.get() + millis).toString();
    }

    @Test
    void storesACopyAsJsonAndReadsItBack() {
        Map<String, Object> sess = session(null, "user", "bob", "list", new java.util.ArrayList<>(List.of(1, "a")));
        store.set("sid", sess);
        sess.put("user", "changed after saving");
        Map<String, Object> read = store.get("sid");
        assertThat(SessionJson.stringify(read))
                .isEqualTo("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                        + "\"user\":\"bob\",\"list\":[1,\"a\"]}");
        read.put("user", "changed after reading");
        assertThat(store.get("sid")).containsEntry("user", "bob");
    }

    @Test
    void anUnknownSessionIsNull() {
        assertThat(store.get("nope")).isNull();
    }

    @Test
    void anExpiredSessionReadsAsAbsentAndIsRemoved() {
        store.set("sid", session(isoIn(5)));
        assertThat(store.get("sid")).isNotNull();
        now.addAndGet(5);
        assertThat(store.get("sid")).isNull();
        assertThat(store.length()).isZero();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void touchReplacesTheCookieOnly() {
        store.set("sid", session(isoIn(1000), "n", 1));
        Map<String, Object> newer = session(isoIn(60_000), "n", 99);
        store.touch("sid", newer);
        Map<String, Object> read = store.get("sid");
        assertThat(read).containsEntry("n", 1);
        assertThat(((Map<?, ?>) read.get("cookie")).get("expires")).isEqualTo(isoIn(60_000));
        now.addAndGet(2000); // the old expiry has passed, the touched one has not
        assertThat(store.get("sid")).isNotNull();
    }

    @Test
    void touchDoesNotRecreateAMissingOrExpiredSession() {
        store.touch("missing", session(isoIn(1000)));
        assertThat(store.get("missing")).isNull();
        store.set("sid", session(isoIn(5)));
        now.addAndGet(10);
        store.touch("sid", session(isoIn(1000)));
        assertThat(store.get("sid")).isNull();
    }

    @Test
    void destroyAndClearRemoveSessions() {
        store.set("a", session(null));
        store.set("b", session(null));
        store.destroy("a");
        assertThat(store.all()).containsOnlyKeys("b");
        store.clear();
        assertThat(store.length()).isZero();
    }

    @Test
    void expiredSessionsAreSweptWhileSessionsAreSaved() {
        for (int i = 0; i < 1000; i++) store.set("old" + i, session(isoIn(1000)));
        store.set("forever", session(null));
        now.addAndGet(61_000); // past every expiry and the sweep interval
        store.set("new", session(isoIn(60_000)));
        // swept without anyone reading the old sessions: only the live ones are still held
        assertThat(store.heldForTests()).isEqualTo(2);
        assertThat(store.all()).containsOnlyKeys("forever", "new");
    }

    @Test
    void pruneRemovesExpiredSessionsAtOnce() {
        store.set("short", session(isoIn(10)));
        store.set("long", session(isoIn(100_000)));
        now.addAndGet(20);
        store.prune();
        assertThat(store.heldForTests()).isEqualTo(1);
    }
}
