package io.express4j;

import io.express4j.http.CookiesSetCookie;
import io.express4j.http.Keygrip;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cookie-session 2: the session is JSON, in base64, in one cookie, its keygrip signature in {@code <name>.sig}. The
 * cookie is read when {@code req.session()} is first called, and written just before the head when the session
 * changed (a new one only when something was put in it); {@link Session#destroy()} deletes both cookies. A bad
 * signature or an unreadable value starts an empty session; a bad signature also deletes the {@code .sig} cookie,
 * and one made with an older key is signed again with the first, as {@code cookies} does.
 */
final class CookieSession implements Middleware {
    private final CookieSessionOptions options;
    private final String name;
    private final List<String> keys;
    private final Pattern cookiePattern;
    private final Pattern sigPattern;

    CookieSession(CookieSessionOptions options) {
        this.options = options;
        this.name = options.name();
        this.keys = options.keys();
        if (keys == null && options.signed()) throw new IllegalArgumentException(".keys required.");
        this.cookiePattern = pattern(name);
        this.sigPattern = pattern(name + ".sig");
    }

    /** cookies' {@code getPattern}: the first {@code name=value} in the Cookie header. */
    private static Pattern pattern(String name) {
        return Pattern.compile("(?:^|;) *" + Pattern.quote(name) + "=([^;]*)");
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        RequestCookieSession state = new RequestCookieSession(req, res);
        req.session = null;
        req.sessionLoader = state::load;
        res.onHeaders(state::writeCookie);
        next.run();
    }

    private final class RequestCookieSession implements SessionLifecycle {
        private final Request req;
        private final Response res;
        /** The cookie's value the session was read from; null for a new session. */
        private String loadedValue;

        private boolean used;
        private boolean removed;

        RequestCookieSession(Request req, Response res) {
            this.req = req;
            this.res = res;
        }

        Session load() {
            used = true;
            String value = readCookie();
            if (value != null && !value.isEmpty()) {
                Map<String, Object> data = decode(value);
                if (data != null) {
                    loadedValue = value;
                    return new Session(null, null, data, this);
                }
            }
            return fresh();
        }

        private Session fresh() {
            loadedValue = null;
            return new Session(null, null, new LinkedHashMap<>(), this);
        }

        /** cookies' {@code get(name, { signed })}: the value when its signature verifies. */
        private String readCookie() {
            String header = req.get("Cookie");
            if (header == null || header.isEmpty()) return null;
            String value = match(cookiePattern, header);
            if (value == null || !options.signed()) return value;
            String remote = match(sigPattern, header);
            if (remote == null || remote.isEmpty()) return null;
            String data = name + "=" + value;
            int index = Keygrip.index(data, remote, keys);
            if (index < 0) {
                setCookie(
                        name + ".sig",
                        "",
                        new CookiesSetCookie.Attributes("/", null, null, null, null, null, req.secure(), true, false),
                        false);
                return null;
            }
            if (index > 0) {
                setCookie(
                        name + ".sig",
                        Keygrip.sign(data, keys.get(0)),
                        new CookiesSetCookie.Attributes(null, null, null, null, null, null, req.secure(), true, false),
                        false);
            }
            return value;
        }

        private static String match(Pattern pattern, String header) {
            Matcher m = pattern.matcher(header);
            if (!m.find()) return null;
            String value = m.group(1);
            return value.startsWith("\"") && value.length() >= 2 ? value.substring(1, value.length() - 1) : value;
        }

        /** The on-headers listener: delete the cookie of a destroyed session, write a changed one. */
        void writeCookie() {
            if (!used) return;
            Session session = req.session;
            try {
                if (removed && session == null) {
                    setSession("");
                } else if (session != null && (loadedValue != null || !session.isEmpty())) {
                    String value = encode(session);
                    if (loadedValue == null || !loadedValue.equals(value)) setSession(value);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // cookie-session drops a cookie it cannot write (a Secure one over HTTP, a bad option) silently
            }
        }

        private void setSession(String value) {
            boolean secureRequest = req.secure();
            if (!secureRequest && Boolean.TRUE.equals(options.secure())) {
                throw new IllegalStateException("Cannot send secure cookie over unencrypted connection");
            }
            CookiesSetCookie.Attributes attributes = options.attributes(secureRequest);
            if (value.isEmpty()) attributes = attributes.deleted();
            setCookie(name, value, attributes, options.overwrite());
            if (options.signed()) {
                setCookie(
                        name + ".sig", Keygrip.sign(name + "=" + value, keys.get(0)), attributes, options.overwrite());
            }
        }

        /** cookies' {@code set}: appends a Set-Cookie line, first removing earlier ones of the name (overwrite). */
        private void setCookie(String cookieName, String value, CookiesSetCookie.Attributes a, boolean overwrite) {
            String line = CookiesSetCookie.header(cookieName, value, a, System.currentTimeMillis());
            List<String> lines = new ArrayList<>();
            Object current = res.getHeader("Set-Cookie");
            if (current instanceof String s) lines.add(s);
            else if (current instanceof List<?> list) list.forEach(v -> lines.add((String) v));
            if (overwrite) lines.removeIf(l -> l.startsWith(cookieName + "="));
            lines.add(line);
            res.setHeader("Set-Cookie", lines);
        }

        @Override
        public void regenerate(Session session) {
            req.session = fresh();
        }

        @Override
        public void destroy(Session session) {
            req.session = null;
            removed = true;
        }

        /** Nothing to do: the cookie is the store, written with the head. */
        @Override
        public void save(Session session) {}

        /** Nothing to do: the session was read from this request's cookie. */
        @Override
        public void reload(Session session) {}
    }

    private static String encode(Session session) {
        return Base64.getEncoder().encodeToString(session.dataJson().getBytes(StandardCharsets.UTF_8));
    }

    /** Node's lenient {@code Buffer.from(s, 'base64')} then {@code JSON.parse}; null when it is not an object. */
    private static Map<String, Object> decode(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-') clean.append('+');
            else if (c == '_') clean.append('/');
            else if (c == '=') break;
            else if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/') clean.append(c);
        }
        if (clean.length() % 4 == 1) clean.setLength(clean.length() - 1);
        try {
            byte[] json = Base64.getDecoder().decode(pad(clean));
            return SessionJson.parseObject(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String pad(StringBuilder b64) {
        while (b64.length() % 4 != 0) b64.append('=');
        return b64.toString();
    }
}
