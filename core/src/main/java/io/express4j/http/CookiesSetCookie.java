package io.express4j.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Set-Cookie} lines of npm {@code cookies} 0.9 ({@code Cookie.prototype.toHeader}), which cookie-session
 * writes: lower-case attributes in its order ({@code path}, {@code expires}, {@code domain}, {@code priority},
 * {@code samesite}, {@code secure}, {@code httponly}, {@code partitioned}), {@code maxAge} turned into
 * {@code expires} (no {@code Max-Age}), and an empty value expiring at the epoch.
 */
public final class CookiesSetCookie {
    private static final Pattern FIELD_CONTENT = Pattern.compile("^[\\u0009\\u0020-\\u007e\\u0080-\\u00ff]+$");
    private static final Pattern PRIORITY = Pattern.compile("^(?:low|medium|high)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAME_SITE = Pattern.compile("^(?:lax|none|strict)$", Pattern.CASE_INSENSITIVE);

    private CookiesSetCookie() {}

    /** A cookie's attributes as {@code cookies} takes them; {@code path} defaults to {@code /}. */
    public record Attributes(
            String path,
            Long maxAgeMillis,
            Long expiresMillis,
            String domain,
            String priority,
            String sameSite,
            boolean secure,
            boolean httpOnly,
            boolean partitioned) {
        /**
         * What an empty value makes of the attributes: {@code cookies} expires its Cookie object at the epoch, and the
         * {@code .sig} line written from the same object keeps that expiry.
         */
        public Attributes deleted() {
            return new Attributes(path, null, 0L, domain, priority, sameSite, secure, httpOnly, partitioned);
        }
    }

    /**
     * The header line for {@code name=value}; throws {@link IllegalArgumentException} with {@code cookies}' messages
     * for an invalid name, value, path, domain, priority or sameSite.
     */
    public static String header(String name, String value, Attributes a, long nowMillis) {
        if (!FIELD_CONTENT.matcher(name).matches() || name.contains(";") || name.contains("=")) {
            throw new IllegalArgumentException("argument name is invalid");
        }
        if (!value.isEmpty() && (!FIELD_CONTENT.matcher(value).matches() || value.contains(";"))) {
            throw new IllegalArgumentException("argument value is invalid");
        }
        String path = a.path() == null ? "/" : a.path();
        if (!path.isEmpty() && !FIELD_CONTENT.matcher(path).matches()) {
            throw new IllegalArgumentException("option path is invalid");
        }
        if (a.domain() != null
                && !a.domain().isEmpty()
                && !FIELD_CONTENT.matcher(a.domain()).matches()) {
            throw new IllegalArgumentException("option domain is invalid");
        }
        if (a.priority() != null && !PRIORITY.matcher(a.priority()).matches()) {
            throw new IllegalArgumentException("option priority is invalid");
        }
        if (a.sameSite() != null && !SAME_SITE.matcher(a.sameSite()).matches()) {
            throw new IllegalArgumentException("option sameSite is invalid");
        }
        Long expires = a.expiresMillis();
        Long maxAge = a.maxAgeMillis();
        if (value.isEmpty()) {
            expires = 0L;
            maxAge = null;
        }
        if (maxAge != null && maxAge != 0) expires = nowMillis + maxAge;
        StringBuilder out = new StringBuilder(name).append('=').append(value);
        if (!path.isEmpty()) out.append("; path=").append(path);
        if (expires != null) out.append("; expires=").append(HttpDates.format(expires));
        if (a.domain() != null && !a.domain().isEmpty()) out.append("; domain=").append(a.domain());
        if (a.priority() != null) out.append("; priority=").append(a.priority().toLowerCase(Locale.ROOT));
        if (a.sameSite() != null) out.append("; samesite=").append(a.sameSite().toLowerCase(Locale.ROOT));
        if (a.secure()) out.append("; secure");
        if (a.httpOnly()) out.append("; httponly");
        if (a.partitioned()) out.append("; partitioned");
        return out.toString();
    }
}
