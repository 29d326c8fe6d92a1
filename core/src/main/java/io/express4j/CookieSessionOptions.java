package io.express4j;

import io.express4j.http.CookiesSetCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The options of {@code Express.cookieSession(…)}, by cookie-session 2's names and with its defaults: cookie
 * {@code session}, signed (a {@code session.sig} cookie from keygrip), {@code path=/}, {@code httponly},
 * {@code overwrite}; {@code Secure} when the request is secure unless {@link #secure(boolean)} says otherwise.
 */
public final class CookieSessionOptions {
    private String name = "session";
    private List<String> keys;
    private boolean signed = true;
    private boolean httpOnly = true;
    private Boolean secure;
    private Long maxAge;
    private Long expires;
    private String path;
    private String domain;
    private String sameSite;
    private String priority;
    private boolean partitioned;
    private boolean overwrite = true;

    /** The cookie's name; default {@code session} (the signature goes in {@code <name>.sig}). */
    public CookieSessionOptions name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The keygrip keys: the first signs, each verifies (a value verified by a later key is re-signed). */
    public CookieSessionOptions keys(String... keys) {
        if (keys.length == 0) throw new IllegalArgumentException("Keys must be provided.");
        this.keys = List.of(keys);
        return this;
    }

    /** One key, when {@link #keys} is not given. */
    public CookieSessionOptions secret(String secret) {
        if (keys == null) this.keys = List.of(secret);
        return this;
    }

    /** Sign the cookie; default true (then keys are required). */
    public CookieSessionOptions signed(boolean signed) {
        this.signed = signed;
        return this;
    }

    public CookieSessionOptions httpOnly(boolean httpOnly) {
        this.httpOnly = httpOnly;
        return this;
    }

    /** Secure or not; unset: Secure exactly on secure requests. A Secure cookie is never sent over plain HTTP. */
    public CookieSessionOptions secure(boolean secure) {
        this.secure = secure;
        return this;
    }

    /** Lifetime in milliseconds, written as {@code expires}; unset: a browser-session cookie. */
    public CookieSessionOptions maxAge(long millis) {
        this.maxAge = millis;
        return this;
    }

    public CookieSessionOptions maxAge(Duration duration) {
        return maxAge(duration.toMillis());
    }

    public CookieSessionOptions expires(Instant expires) {
        this.expires = expires.toEpochMilli();
        return this;
    }

    public CookieSessionOptions path(String path) {
        this.path = path;
        return this;
    }

    public CookieSessionOptions domain(String domain) {
        this.domain = domain;
        return this;
    }

    /** {@code "strict"}, {@code "lax"} or {@code "none"}. */
    public CookieSessionOptions sameSite(String sameSite) {
        this.sameSite = sameSite;
        return this;
    }

    /** {@code "low"}, {@code "medium"} or {@code "high"}. */
    public CookieSessionOptions priority(String priority) {
        this.priority = priority;
        return this;
    }

    public CookieSessionOptions partitioned(boolean partitioned) {
        this.partitioned = partitioned;
        return this;
    }

    /** Replace Set-Cookie lines of the same name set earlier in the response; default true. */
    public CookieSessionOptions overwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    boolean overwrite() {
        return overwrite;
    }

    String name() {
        return name;
    }

    List<String> keys() {
        return keys;
    }

    boolean signed() {
        return signed;
    }

    Boolean secure() {
        return secure;
    }

    /** The session cookie's attributes, {@code secure} already decided for the request. */
    CookiesSetCookie.Attributes attributes(boolean secureRequest) {
        return new CookiesSetCookie.Attributes(
                path,
                maxAge,
                expires,
                domain,
                priority,
                sameSite,
                secure != null ? secure : secureRequest,
                httpOnly,
                partitioned);
    }
}
