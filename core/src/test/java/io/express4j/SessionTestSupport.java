package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.spi.SessionStore;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * express-session's test/session.js helpers: {@code createServer} (a session with a one-minute cookie and the
 * secret {@code keyboard cat} unless given, a setup step before it, a responder after, and an error responder that
 * ends with the error's message), the {@code cookie}/{@code sid}/{@code expires} readers, and a store that counts
 * and can fail.
 */
final class SessionTestSupport {
    static final long MIN = 60_000;

    private SessionTestSupport() {}

    static SessionOptions options() {
        return new SessionOptions().secret("keyboard cat").cookie(new CookieOptions().maxAge(MIN));
    }

    static TestServer server(SessionOptions options, Middleware setup, Handler respond) {
        App app = Express.app();
        app.set("env", "test");
        app.disable("x-powered-by");
        if (setup != null) app.use(setup);
        app.use(Express.session(options));
        app.use(respond != null ? respond : (req, res) -> res.end());
        app.use((err, req, res, next) -> {
            if (!res.headersSent()) {
                res.status(500);
                res.end(err.getMessage());
            }
        });
        return TestServer.serve(app);
    }

    static TestServer server(SessionOptions options, Handler respond) {
        return server(options, null, respond);
    }

    static RawResponse get(TestServer server, String path, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) headers.put(headerPairs[i], headerPairs[i + 1]);
        return server.request("GET", path, headers);
    }

    /** The request's Cookie header carrying the first cookie the response set. */
    static String cookie(RawResponse r) {
        String header = r.header("Set-Cookie");
        assertThat(header).as("a Set-Cookie header").isNotNull();
        return header.substring(0, header.indexOf(';'));
    }

    /** The session id in the response's cookie (between {@code s:} and the signature). */
    static String sid(RawResponse r) {
        String pair = cookie(r);
        String value = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
        return value.substring(2, value.lastIndexOf('.'));
    }

    /** The Expires attribute of the response's cookie, or null. */
    static String expires(RawResponse r) {
        for (String part : r.header("Set-Cookie").split("; ")) {
            if (part.startsWith("Expires=")) return part.substring("Expires=".length());
        }
        return null;
    }

    static void assertSetsCookie(RawResponse r, String name) {
        assertThat(r.header("Set-Cookie")).as("Set-Cookie").isNotNull().startsWith(name + "=");
    }

    /** The suite's error responder answered: 500 with the error's message as the body. */
    static void assertFails(RawResponse r, String message) {
        assertThat(r.status()).as("status").isEqualTo(500);
        assertThat(r.text()).isEqualTo(message);
    }

    static void assertNoCookie(RawResponse r) {
        assertThat(r.headers("Set-Cookie")).as("Set-Cookie").isEmpty();
    }

    static List<String> attributes(RawResponse r) {
        List<String> out = new ArrayList<>(List.of(r.header("Set-Cookie").split("; ")));
        out.remove(0);
        return out;
    }

    /** A {@link MemoryStore} that counts what was asked of it and fails on request, with the error's message. */
    static final class CountingStore implements SessionStore {
        final MemoryStore memory = new MemoryStore();
        final AtomicInteger sets = new AtomicInteger();
        final AtomicInteger touches = new AtomicInteger();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger destroys = new AtomicInteger();
        volatile String failGet;
        volatile String failSet;
        volatile String failDestroy;
        volatile String failTouch;

        @Override
        public Map<String, Object> get(String sid) throws Exception {
            gets.incrementAndGet();
            if (failGet != null) throw new Exception(failGet);
            return memory.get(sid);
        }

        @Override
        public void set(String sid, Map<String, Object> session) throws Exception {
            sets.incrementAndGet();
            if (failSet != null) throw new Exception(failSet);
            memory.set(sid, session);
        }

        @Override
        public void destroy(String sid) throws Exception {
            destroys.incrementAndGet();
            if (failDestroy != null) throw new Exception(failDestroy);
            memory.destroy(sid);
        }

        @Override
        public void touch(String sid, Map<String, Object> session) throws Exception {
            touches.incrementAndGet();
            if (failTouch != null) throw new Exception(failTouch);
            memory.touch(sid, session);
        }

        void reset() {
            sets.set(0);
            touches.set(0);
            gets.set(0);
            destroys.set(0);
        }
    }
}
