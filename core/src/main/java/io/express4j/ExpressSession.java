package io.express4j;

import io.express4j.http.CookieSignature;
import io.express4j.http.Cookies;
import io.express4j.spi.SessionStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * express-session 1.18: reads the signed session cookie, loads the session from the store (or starts one), sets the
 * cookie just before the head is written ({@code res.onHeaders}) when it must, and saves or touches the session as
 * the response ends, before its last bytes go out, so the next request of the same client sees it. What the store
 * throws goes to {@code next(err)}.
 */
final class ExpressSession implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(ExpressSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> secrets;
    private final String name;
    private final boolean resave;
    private final boolean saveUninitialized;
    private final boolean rolling;
    private final Boolean proxy;
    private final CookieOptions cookieOptions;
    private final String cookiePath;
    private final SessionStore store;
    private final Function<Request, String> genid;

    ExpressSession(SessionOptions options) {
        this.secrets = options.secrets();
        this.name = options.name();
        this.resave = options.resave();
        this.saveUninitialized = options.saveUninitialized();
        this.rolling = options.rolling();
        this.proxy = options.proxy();
        this.cookieOptions = options.cookie();
        this.cookiePath = cookieOptions.path() == null ? "/" : cookieOptions.path();
        this.store = options.store();
        this.genid = options.genid() != null ? options.genid() : req -> uid(18);
        if (secrets.isEmpty()) log.warn("express-session: no secret option; req.secret() is used instead");
    }

    /** uid-safe's {@code uid(bytes)}: that many random bytes as base64url without padding (24 chars for 18). */
    static String uid(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Rethrows a store's checked exception from the end hook (a {@code Runnable}) as it is, so that
     * {@code next(err)} gets the store's own error rather than a wrapper.
     */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable e) throws E {
        throw (E) e;
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        if (req.hasSession() || !pathname(req.originalUrl()).startsWith(cookiePath)) {
            next.run();
            return;
        }
        List<String> keys = secrets.isEmpty() && req.secret() != null ? List.of(req.secret()) : secrets;
        if (keys.isEmpty()) {
            next.fail(new IllegalStateException("secret option required for sessions"));
            return;
        }
        RequestSession state = new RequestSession(req, res, keys);
        res.onHeaders(state::setCookieIfDue);
        res.beforeEnd(state::commit);
        try {
            state.load();
        } catch (Exception e) {
            next.fail(e);
            return;
        }
        next.run();
    }

    /** parseurl's {@code original(req).pathname}: the path of the original URL, also in absolute form. */
    private static String pathname(String url) {
        int end = url.length();
        int query = url.indexOf('?');
        if (query >= 0) end = query;
        int scheme = url.indexOf("://");
        if (!url.startsWith("/") && scheme > 0 && scheme < end) {
            int slash = url.indexOf('/', scheme + 3);
            return slash < 0 || slash >= end ? "/" : url.substring(slash, end);
        }
        return url.substring(0, end);
    }

    /** One request's session: what it was when loaded, to decide whether to save, touch and send the cookie. */
    private final class RequestSession implements SessionLifecycle {
        private final Request req;
        private final Response res;
        private final List<String> keys;
        private final String cookieId;
        private String originalId;
        private String originalHash;
        private String savedHash;
        private boolean touched;

        RequestSession(Request req, Response res, List<String> keys) {
            this.req = req;
            this.res = res;
            this.keys = keys;
            this.cookieId = readCookie();
            req.sessionID = cookieId;
        }

        void load() throws Exception {
            Map<String, Object> stored = cookieId == null ? null : store.get(cookieId);
            if (stored == null) {
                generate();
                originalId = req.sessionID;
                originalHash = req.session.dataJson();
                return;
            }
            req.session = inflate(cookieId, stored);
            originalId = cookieId;
            originalHash = req.session.dataJson();
            if (!resave) savedHash = originalHash;
        }

        /** The session id from a well-signed cookie, else from cookie-parser's maps; null when there is none. */
        private String readCookie() {
            String header = req.get("Cookie");
            String id = null;
            if (header != null && !header.isEmpty()) {
                String raw = Cookies.parse(header).get(name);
                if (raw != null && raw.startsWith("s:")) id = unsign(raw.substring(2));
            }
            if (id == null && req.signedCookies().get(name) instanceof String signed && !signed.isEmpty()) id = signed;
            if (id == null && req.cookies().get(name) instanceof String raw && raw.startsWith("s:")) {
                id = unsign(raw.substring(2));
            }
            return id == null || id.isEmpty() ? null : id;
        }

        private String unsign(String value) {
            for (String key : keys) {
                String id = CookieSignature.unsign(value, key);
                if (id != null) return id;
            }
            return null;
        }

        private void generate() {
            req.sessionID = genid.apply(req);
            SessionCookie cookie = SessionCookie.of(cookieOptions);
            if (cookieOptions.secureAuto()) cookie.secure(isSecure());
            req.session = new Session(req.sessionID, cookie, new LinkedHashMap<>(), this);
        }

        private Session inflate(String id, Map<String, Object> stored) {
            if (!(stored.get("cookie") instanceof Map<?, ?> cookie)) {
                throw new IllegalStateException("session " + id + " in the store has no cookie");
            }
            Map<String, Object> data = new LinkedHashMap<>(stored);
            data.remove("cookie");
            return new Session(id, SessionCookie.fromStored(cookie), data, this);
        }

        /** express-session's {@code issecure}: {@code proxy} true reads X-Forwarded-Proto, unset asks req.secure. */
        private boolean isSecure() {
            if (proxy == null) return req.secure();
            if (!proxy) return false;
            String header = Objects.requireNonNullElse(req.get("X-Forwarded-Proto"), "");
            int comma = header.indexOf(',');
            String proto = (comma >= 0 ? header.substring(0, comma) : header).trim();
            return proto.equalsIgnoreCase("https");
        }

        /** The on-headers listener: express-session's set-cookie step. */
        void setCookieIfDue() {
            Session session = req.session;
            if (session == null || req.sessionID == null || !shouldSetCookie(session)) return;
            if (Boolean.TRUE.equals(session.cookie().secure()) && !isSecure()) return;
            touchOnce(session);
            String value = "s:" + CookieSignature.sign(req.sessionID, keys.get(0));
            res.append("Set-Cookie", session.cookie().serialize(name, value));
        }

        /** The end-of-response step: save a changed (or, with resave, any) session, else touch it. */
        void commit() {
            Session session = req.session;
            if (session == null) return;
            touchOnce(session);
            try {
                if (shouldSave(session)) {
                    save(session);
                } else if (Objects.equals(cookieId, req.sessionID) && req.sessionID != null) {
                    store.touch(req.sessionID, session.toStored());
                }
            } catch (Exception e) {
                throw ExpressSession.<RuntimeException>rethrow(e);
            }
        }

        private void touchOnce(Session session) {
            if (!touched) {
                session.touch();
                touched = true;
            }
        }

        private boolean isModified(Session session) {
            return !Objects.equals(originalId, session.id()) || !originalHash.equals(session.dataJson());
        }

        private boolean isSaved(Session session) {
            return Objects.equals(originalId, session.id())
                    && session.dataJson().equals(savedHash);
        }

        private boolean shouldSave(Session session) {
            if (req.sessionID == null) return false;
            return !saveUninitialized && savedHash == null && !Objects.equals(cookieId, req.sessionID)
                    ? isModified(session)
                    : !isSaved(session);
        }

        private boolean shouldSetCookie(Session session) {
            return !Objects.equals(cookieId, req.sessionID)
                    ? saveUninitialized || isModified(session)
                    : rolling || session.cookie().expires() != null && isModified(session);
        }

        @Override
        public void regenerate(Session session) throws Exception {
            store.destroy(req.sessionID);
            generate();
        }

        @Override
        public void destroy(Session session) throws Exception {
            req.session = null;
            store.destroy(session.id());
        }

        @Override
        public void save(Session session) throws Exception {
            savedHash = session.dataJson();
            store.set(session.id(), session.toStored());
        }

        @Override
        public void reload(Session session) throws Exception {
            Map<String, Object> stored = store.get(session.id());
            if (stored == null) throw new IllegalStateException("failed to load session");
            req.session = inflate(session.id(), stored);
        }
    }
}
