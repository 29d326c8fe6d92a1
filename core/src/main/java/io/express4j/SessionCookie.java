package io.express4j;

import io.express4j.http.CookieAttributes;
import io.express4j.http.Cookies;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * express-session's {@code req.session.cookie}: the session cookie's attributes, stored with the session. Defaults
 * {@code { path: '/', httpOnly: true, maxAge: null }} (a browser-session cookie); {@code maxAge} counts down to
 * {@code expires}, and {@code originalMaxAge} remembers the lifetime each request renews ({@link Session#touch}).
 */
public final class SessionCookie {
    /** {@code Date.prototype.toISOString}: always milliseconds, always {@code Z}. */
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Long originalMaxAge;
    private Long expires;
    private Boolean secure;
    private boolean httpOnly = true;
    private String path = "/";
    private String domain;
    private String sameSite;
    private String priority;
    private boolean partitioned;

    private SessionCookie() {}

    /** A new session's cookie from the middleware's options ({@code secure: "auto"} is resolved by the caller). */
    static SessionCookie of(CookieOptions options) {
        SessionCookie c = new SessionCookie();
        if (options.path() != null) c.path = options.path();
        if (options.httpOnly() != null) c.httpOnly = options.httpOnly();
        c.secure = options.secure();
        c.domain = options.domain();
        c.sameSite = options.sameSite();
        c.priority = options.priority();
        c.partitioned = options.partitioned();
        if (options.expiresMillis() != null) c.expires(Instant.ofEpochMilli(options.expiresMillis()));
        if (options.maxAgeMillis() != null) c.maxAge(options.maxAgeMillis());
        return c;
    }

    /** The cookie of a session read from a store ({@code store.createSession}): {@code originalMaxAge} kept. */
    static SessionCookie fromStored(Map<?, ?> data) {
        SessionCookie c = new SessionCookie();
        if (data.get("path") instanceof String p) c.path = p;
        if (data.get("httpOnly") instanceof Boolean h) c.httpOnly = h;
        if (data.get("secure") instanceof Boolean s) c.secure = s;
        if (data.get("domain") instanceof String d) c.domain = d;
        if (data.get("sameSite") instanceof String s) c.sameSite = s;
        if (data.get("priority") instanceof String p) c.priority = p;
        c.partitioned = Boolean.TRUE.equals(data.get("partitioned"));
        if (data.get("expires") instanceof String iso) {
            try {
                c.expires = Instant.parse(iso).toEpochMilli();
            } catch (DateTimeParseException e) {
                c.expires = null;
            }
        }
        c.originalMaxAge = data.get("originalMaxAge") instanceof Number n ? n.longValue() : null;
        return c;
    }

    /** Milliseconds left until {@code expires}; null for a browser-session cookie. */
    public Long maxAge() {
        return expires == null ? null : expires - System.currentTimeMillis();
    }

    /** Sets {@code expires} to now + {@code millis} (null: a browser-session cookie) and {@code originalMaxAge}. */
    public SessionCookie maxAge(Long millis) {
        this.expires = millis == null ? null : System.currentTimeMillis() + millis;
        this.originalMaxAge = millis;
        return this;
    }

    /** When the cookie expires; null for a browser-session cookie. */
    public Instant expires() {
        return expires == null ? null : Instant.ofEpochMilli(expires);
    }

    /** An absolute expiry; {@code originalMaxAge} becomes the time left until then. */
    public SessionCookie expires(Instant when) {
        this.expires = when == null ? null : when.toEpochMilli();
        this.originalMaxAge = maxAge();
        return this;
    }

    /** The lifetime given when the session was made, renewed by each {@link Session#touch()}. */
    public Long originalMaxAge() {
        return originalMaxAge;
    }

    public Boolean secure() {
        return secure;
    }

    public SessionCookie secure(boolean secure) {
        this.secure = secure;
        return this;
    }

    public boolean httpOnly() {
        return httpOnly;
    }

    public SessionCookie httpOnly(boolean httpOnly) {
        this.httpOnly = httpOnly;
        return this;
    }

    public String path() {
        return path;
    }

    public SessionCookie path(String path) {
        this.path = path;
        return this;
    }

    public String domain() {
        return domain;
    }

    public SessionCookie domain(String domain) {
        this.domain = domain;
        return this;
    }

    public String sameSite() {
        return sameSite;
    }

    public SessionCookie sameSite(String sameSite) {
        this.sameSite = sameSite;
        return this;
    }

    /** express-session's {@code resetMaxAge}: {@code maxAge = originalMaxAge}. */
    void resetMaxAge() {
        maxAge(originalMaxAge);
    }

    /** express-session's {@code cookie.data} as stored: its keys in its order, unset ones left out. */
    Map<String, Object> toStored() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("originalMaxAge", originalMaxAge);
        if (partitioned) out.put("partitioned", true);
        if (priority != null) out.put("priority", priority);
        out.put("expires", expires == null ? null : ISO.format(Instant.ofEpochMilli(expires)));
        if (secure != null) out.put("secure", secure);
        out.put("httpOnly", httpOnly);
        if (domain != null) out.put("domain", domain);
        if (path != null) out.put("path", path);
        if (sameSite != null) out.put("sameSite", sameSite);
        return out;
    }

    /** The {@code Set-Cookie} value: {@code Expires} but never {@code Max-Age}, as express-session sends it. */
    String serialize(String name, String value) {
        return Cookies.serialize(
                name,
                value,
                CookieAttributes.builder()
                        .domain(domain)
                        .path(path)
                        .expires(expires)
                        .httpOnly(httpOnly)
                        .secure(Boolean.TRUE.equals(secure))
                        .partitioned(partitioned)
                        .priority(priority)
                        .sameSite(sameSite)
                        .build());
    }
}
