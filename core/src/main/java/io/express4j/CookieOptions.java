package io.express4j;

import io.express4j.http.CookieAttributes;
import io.express4j.http.ExpressCookies;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * The options of {@code res.cookie} / {@code res.clearCookie}, by Express's names:
 * {@code new CookieOptions().httpOnly(true).maxAge(60_000).sameSite("lax")}. Unset options are left out of the
 * {@code Set-Cookie} line; {@code path} defaults to {@code /}.
 */
public final class CookieOptions {
    private Long maxAge;
    private Long expires;
    private String domain;
    private String path;
    /** null when not given (sessions then use their own defaults); "auto" is kept as {@link #secureAuto}. */
    private Boolean secure;

    private boolean secureAuto;
    private Boolean httpOnly;
    private String sameSite;
    private String priority;
    private boolean partitioned;
    private boolean signed;
    private UnaryOperator<String> encode;

    /** Lifetime in milliseconds: sets {@code Expires} (now + maxAge) and {@code Max-Age} (whole seconds). */
    public CookieOptions maxAge(long millis) {
        this.maxAge = millis;
        return this;
    }

    public CookieOptions maxAge(Duration duration) {
        return maxAge(duration.toMillis());
    }

    /** {@code Expires}; {@code maxAge} wins when both are given, as in Express. */
    public CookieOptions expires(Instant expires) {
        this.expires = expires.toEpochMilli();
        return this;
    }

    public CookieOptions expires(Date expires) {
        this.expires = expires.getTime();
        return this;
    }

    public CookieOptions domain(String domain) {
        this.domain = domain;
        return this;
    }

    public CookieOptions path(String path) {
        this.path = path;
        return this;
    }

    public CookieOptions secure(boolean secure) {
        this.secure = secure;
        this.secureAuto = false;
        return this;
    }

    /**
     * express-session's {@code secure: "auto"}: the session cookie is {@code Secure} exactly when the request is
     * secure. Elsewhere (a truthy string in Express's {@code res.cookie}) it means {@code Secure}.
     */
    public CookieOptions secure(String secure) {
        if (!"auto".equals(secure)) throw new IllegalArgumentException("secure must be a boolean or \"auto\"");
        this.secure = true;
        this.secureAuto = true;
        return this;
    }

    public CookieOptions httpOnly(boolean httpOnly) {
        this.httpOnly = httpOnly;
        return this;
    }

    /** {@code "strict"}, {@code "lax"} or {@code "none"}, any case. */
    public CookieOptions sameSite(String sameSite) {
        this.sameSite = sameSite;
        return this;
    }

    /** {@code true} means {@code SameSite=Strict}, {@code false} no attribute. */
    public CookieOptions sameSite(boolean sameSite) {
        this.sameSite = sameSite ? "strict" : null;
        return this;
    }

    /** {@code "low"}, {@code "medium"} or {@code "high"}, any case. */
    public CookieOptions priority(String priority) {
        this.priority = priority;
        return this;
    }

    public CookieOptions partitioned(boolean partitioned) {
        this.partitioned = partitioned;
        return this;
    }

    /** Sign the value with {@code req.secret()} (needs {@code Express.cookieParser(secret)}). */
    public CookieOptions signed(boolean signed) {
        this.signed = signed;
        return this;
    }

    /** The value encoder; default {@code encodeURIComponent}. */
    public CookieOptions encode(UnaryOperator<String> encode) {
        this.encode = encode;
        return this;
    }

    /** For {@code res.cookie}. */
    ExpressCookies.Options toExpress() {
        return new ExpressCookies.Options(attributes(), maxAge, signed);
    }

    /** For {@code res.clearCookie}, which ignores {@code maxAge} and forces {@code Expires}. */
    ExpressCookies.Options toExpressIgnoringMaxAge() {
        return new ExpressCookies.Options(attributes(), null, signed);
    }

    private CookieAttributes attributes() {
        return CookieAttributes.builder()
                .domain(domain)
                .path(path)
                .expires(expires)
                .httpOnly(Boolean.TRUE.equals(httpOnly))
                .secure(Boolean.TRUE.equals(secure))
                .partitioned(partitioned)
                .priority(priority)
                .sameSite(sameSite)
                .encode(encode)
                .build();
    }

    // ---- read by the session middleware (express-session's Cookie takes these options) ----

    Long maxAgeMillis() {
        return maxAge;
    }

    Long expiresMillis() {
        return expires;
    }

    String domain() {
        return domain;
    }

    String path() {
        return path;
    }

    Boolean secure() {
        return secure;
    }

    boolean secureAuto() {
        return secureAuto;
    }

    Boolean httpOnly() {
        return httpOnly;
    }

    String sameSite() {
        return sameSite;
    }

    String priority() {
        return priority;
    }

    boolean partitioned() {
        return partitioned;
    }
}
