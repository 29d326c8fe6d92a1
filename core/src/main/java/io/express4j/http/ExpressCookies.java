package io.express4j.http;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pure part of Express 5.3.0's {@code res.cookie} / {@code res.clearCookie}: value
 * stringification ({@code j:} JSON prefix), signing ({@code s:} prefix), {@code maxAge} in
 * milliseconds turned into {@code Expires} and {@code Max-Age}, the {@code Path=/} default and the
 * forced expiry of {@code clearCookie}. Produces one {@code Set-Cookie} value via {@link Cookies}.
 * The clock is a parameter so callers and tests control it.
 */
public final class ExpressCookies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExpressCookies() {}

    /**
     * Options of {@code res.cookie}: the cookie attributes (their own {@code maxAge} must be unset),
     * plus Express's {@code maxAge} in milliseconds and {@code signed}.
     */
    public record Options(CookieAttributes attributes, Long maxAgeMillis, boolean signed) {
        public static final Options DEFAULT = new Options(CookieAttributes.NONE, null, false);

        public Options {
            attributes = attributes == null ? CookieAttributes.NONE : attributes;
            if (attributes.maxAge() != null) {
                throw new IllegalArgumentException("use maxAgeMillis (milliseconds) for res.cookie options");
            }
        }

        public static Options of(CookieAttributes attributes) {
            return new Options(attributes, null, false);
        }
    }

    /**
     * One {@code Set-Cookie} value as {@code res.cookie(name, value, options)} builds it.
     *
     * @param value a {@link String} as is; numbers and booleans as JavaScript's {@code String(v)};
     *     anything else (including {@code null}) as {@code j:} + JSON
     * @param secret {@code req.secret}; required when {@code options.signed()}
     * @param nowMillis the current time, for {@code maxAge}
     * @throws IllegalStateException {@code cookieParser("secret") required for signed cookies}
     * @throws IllegalArgumentException the validation errors of {@link Cookies#serialize}
     */
    public static String cookie(String name, Object value, Options options, String secret, long nowMillis) {
        Options opts = options == null ? Options.DEFAULT : options;
        if (opts.signed() && (secret == null || secret.isEmpty())) {
            throw new IllegalStateException("cookieParser(\"secret\") required for signed cookies");
        }
        String val = stringify(value);
        if (opts.signed()) {
            val = "s:" + CookieSignature.sign(val, secret);
        }
        CookieAttributes.Builder attrs = opts.attributes().toBuilder();
        if (opts.maxAgeMillis() != null) {
            long maxAge = opts.maxAgeMillis();
            attrs.expires(nowMillis + maxAge);
            attrs.maxAge(Math.floorDiv(maxAge, 1000L));
        }
        if (opts.attributes().path() == null) {
            attrs.path("/");
        }
        return Cookies.serialize(name, val, attrs.build());
    }

    /**
     * {@code res.clearCookie(name, options)}: empty value, {@code Path=/} unless given, {@code Expires}
     * forced to epoch + 1 ms ({@code Thu, 01 Jan 1970 00:00:00 GMT}) and any {@code maxAge} dropped.
     */
    public static String clearCookie(String name, Options options, String secret) {
        Options opts = options == null ? Options.DEFAULT : options;
        CookieAttributes attrs = opts.attributes().toBuilder().expires(1L).build();
        return cookie(name, "", new Options(attrs, null, opts.signed()), secret, 0L);
    }

    /** Express's value conversion: {@code typeof v === 'object'} → {@code j:JSON}, else {@code String(v)}. */
    public static String stringify(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double || value instanceof Float) {
            return JsStrings.numberToString(((Number) value).doubleValue());
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return String.valueOf(value);
        }
        return "j:" + JSON.writeValueAsString(value);
    }
}
