package io.express4j.http;

import java.util.function.UnaryOperator;

/**
 * Attributes for {@link Cookies#serialize}, mirroring the options of npm {@code cookie} 0.7.2.
 * Every field is optional ({@code null}/{@code false} = not emitted).
 *
 * @param maxAge {@code Max-Age} in seconds, as the cookie package expects it
 * @param domain {@code Domain} (emitted when non-empty)
 * @param path {@code Path} (emitted when non-empty)
 * @param expires {@code Expires} as epoch milliseconds
 * @param httpOnly {@code HttpOnly}
 * @param secure {@code Secure}
 * @param partitioned {@code Partitioned}
 * @param priority {@code low}/{@code medium}/{@code high}, any case
 * @param sameSite {@code strict}/{@code lax}/{@code none}, any case (the builder maps {@code true} to strict)
 * @param encode value encoder; {@code null} means {@code encodeURIComponent}
 */
public record CookieAttributes(
        Long maxAge,
        String domain,
        String path,
        Long expires,
        boolean httpOnly,
        boolean secure,
        boolean partitioned,
        String priority,
        String sameSite,
        UnaryOperator<String> encode) {

    /** No attributes at all. */
    public static final CookieAttributes NONE = new Builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these attributes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAge = maxAge;
        b.domain = domain;
        b.path = path;
        b.expires = expires;
        b.httpOnly = httpOnly;
        b.secure = secure;
        b.partitioned = partitioned;
        b.priority = priority;
        b.sameSite = sameSite;
        b.encode = encode;
        return b;
    }

    /** Mutable builder; {@link #build()} makes the immutable record. */
    public static final class Builder {
        private Long maxAge;
        private String domain;
        private String path;
        private Long expires;
        private boolean httpOnly;
        private boolean secure;
        private boolean partitioned;
        private String priority;
        private String sameSite;
        private UnaryOperator<String> encode;

        private Builder() {}

        public Builder maxAge(Long seconds) {
            this.maxAge = seconds;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder expires(Long epochMillis) {
            this.expires = epochMillis;
            return this;
        }

        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        public Builder priority(String priority) {
            this.priority = priority;
            return this;
        }

        public Builder sameSite(String sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /** {@code sameSite: true} means Strict, {@code false} means no attribute. */
        public Builder sameSite(boolean sameSite) {
            this.sameSite = sameSite ? "strict" : null;
            return this;
        }

        public Builder encode(UnaryOperator<String> encode) {
            this.encode = encode;
            return this;
        }

        public CookieAttributes build() {
            return new CookieAttributes(
                    maxAge, domain, path, expires, httpOnly, secure, partitioned, priority, sameSite, encode);
        }
    }
}
