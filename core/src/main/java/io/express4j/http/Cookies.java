package io.express4j.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code Cookie} parsing and {@code Set-Cookie} serialisation exactly as npm {@code cookie} 0.7.2,
 * the version behind Express 5.3.0's {@code res.cookie} and cookie-parser's {@code req.cookies}.
 * Validation failures throw {@link IllegalArgumentException} carrying the package's message.
 */
public final class Cookies {

    /** Largest magnitude of a JavaScript Date; beyond it the Date is invalid. */
    private static final long MAX_DATE_MILLIS = 8_640_000_000_000_000L;

    private Cookies() {}

    /** {@code cookie.serialize(name, value)}: {@code name=encodeURIComponent(value)}. */
    public static String serialize(String name, String value) {
        return serialize(name, value, null);
    }

    /**
     * {@code cookie.serialize(name, value, options)}. Attribute order: {@code Max-Age}, {@code Domain},
     * {@code Path}, {@code Expires}, {@code HttpOnly}, {@code Secure}, {@code Partitioned},
     * {@code Priority}, {@code SameSite}.
     *
     * @throws IllegalArgumentException {@code argument name is invalid}, {@code argument val is invalid},
     *     {@code option domain is invalid}, {@code option path is invalid}, {@code option expires is invalid},
     *     {@code option priority is invalid}, {@code option sameSite is invalid}; a value that
     *     {@code encodeURIComponent} cannot encode (lone surrogate) throws {@code URI malformed}
     */
    public static String serialize(String name, String value, CookieAttributes attrs) {
        UnaryOperator<String> enc =
                attrs != null && attrs.encode() != null ? attrs.encode() : JsStrings::encodeURIComponent;
        if (name == null || !isToken(name)) {
            throw new IllegalArgumentException("argument name is invalid");
        }
        String encoded = String.valueOf(enc.apply(value == null ? "undefined" : value));
        if (!isCookieValue(encoded)) {
            throw new IllegalArgumentException("argument val is invalid");
        }
        StringBuilder str = new StringBuilder(name).append('=').append(encoded);
        if (attrs == null) {
            return str.toString();
        }
        if (attrs.maxAge() != null) {
            str.append("; Max-Age=").append(attrs.maxAge().longValue());
        }
        if (attrs.domain() != null && !attrs.domain().isEmpty()) {
            if (!isDomainValue(attrs.domain())) {
                throw new IllegalArgumentException("option domain is invalid");
            }
            str.append("; Domain=").append(attrs.domain());
        }
        if (attrs.path() != null && !attrs.path().isEmpty()) {
            if (!isPathValue(attrs.path())) {
                throw new IllegalArgumentException("option path is invalid");
            }
            str.append("; Path=").append(attrs.path());
        }
        if (attrs.expires() != null) {
            long t = attrs.expires();
            if (t > MAX_DATE_MILLIS || t < -MAX_DATE_MILLIS) {
                throw new IllegalArgumentException("option expires is invalid");
            }
            str.append("; Expires=").append(HttpDates.format(t));
        }
        if (attrs.httpOnly()) {
            str.append("; HttpOnly");
        }
        if (attrs.secure()) {
            str.append("; Secure");
        }
        if (attrs.partitioned()) {
            str.append("; Partitioned");
        }
        if (attrs.priority() != null && !attrs.priority().isEmpty()) {
            str.append(
                    switch (attrs.priority().toLowerCase(Locale.ROOT)) {
                        case "low" -> "; Priority=Low";
                        case "medium" -> "; Priority=Medium";
                        case "high" -> "; Priority=High";
                        default -> throw new IllegalArgumentException("option priority is invalid");
                    });
        }
        if (attrs.sameSite() != null && !attrs.sameSite().isEmpty()) {
            str.append(
                    switch (attrs.sameSite().toLowerCase(Locale.ROOT)) {
                        case "lax" -> "; SameSite=Lax";
                        case "strict" -> "; SameSite=Strict";
                        case "none" -> "; SameSite=None";
                        default -> throw new IllegalArgumentException("option sameSite is invalid");
                    });
        }
        return str.toString();
    }

    /** RFC 7230 token: the cookie-name rule. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** cookie-value: cookie-octets, optionally wrapped in one pair of double quotes. */
    private static boolean isCookieValue(String v) {
        if (cookieOctets(v, 0, v.length())) {
            return true;
        }
        int len = v.length();
        return len >= 2 && v.charAt(0) == '"' && v.charAt(len - 1) == '"' && cookieOctets(v, 1, len - 1);
    }

    private static boolean cookieOctets(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * domain-value as the package's expression accepts it: an optional leading dot, then dot-separated
     * labels of 1-63 ASCII letters, digits and hyphens that neither start nor end with a hyphen.
     */
    private static boolean isDomainValue(String d) {
        int start = d.startsWith(".") ? 1 : 0;
        int labelStart = start;
        for (int i = start; i <= d.length(); i++) {
            if (i == d.length() || d.charAt(i) == '.') {
                int len = i - labelStart;
                if (len < 1 || len > 63 || d.charAt(labelStart) == '-' || d.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
                continue;
            }
            char c = d.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** path-value as the package checks it: 0x20-0x7E except {@code ;} and {@code <}. */
    private static boolean isPathValue(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ';' || c == '<') {
                return false;
            }
        }
        return true;
    }

    /** {@code cookie.parse(header)} with the default decoder (decodeURIComponent, raw value on error). */
    public static Map<String, String> parse(String cookieHeader) {
        return parse(cookieHeader, null);
    }

    /**
     * {@code cookie.parse(header, {decode})}: pairs separated by {@code ;}, name and value trimmed of
     * spaces/tabs, one pair of surrounding quotes removed, the first occurrence of a name wins, pairs
     * without {@code =} are skipped. When {@code decode} throws, the raw value is kept. Insertion
     * ordered. (A {@code __proto__} name is skipped, as assigning it on a JavaScript object has no
     * visible effect.)
     *
     * @throws IllegalArgumentException {@code argument str must be a string} for {@code null}
     */
    public static Map<String, String> parse(String str, UnaryOperator<String> decode) {
        if (str == null) {
            throw new IllegalArgumentException("argument str must be a string");
        }
        Map<String, String> obj = new LinkedHashMap<>();
        int len = str.length();
        if (len < 2) {
            return Collections.unmodifiableMap(obj);
        }
        int index = 0;
        do {
            int eqIdx = str.indexOf('=', index);
            if (eqIdx == -1) {
                break;
            }
            int endIdx = str.indexOf(';', index);
            if (endIdx == -1) {
                endIdx = len;
            } else if (eqIdx > endIdx) {
                index = str.lastIndexOf(';', eqIdx - 1) + 1;
                continue;
            }
            int keyStart = startIndex(str, index, eqIdx);
            int keyEnd = endIndex(str, eqIdx, keyStart);
            String key = str.substring(keyStart, keyEnd);
            if (!obj.containsKey(key) && !key.equals("__proto__")) {
                int valStart = startIndex(str, eqIdx + 1, endIdx);
                int valEnd = endIndex(str, endIdx, valStart);
                if (valStart < len && str.charAt(valStart) == '"' && valEnd - 1 >= 0 && str.charAt(valEnd - 1) == '"') {
                    valStart++;
                    valEnd--;
                }
                String val = valStart <= valEnd ? str.substring(valStart, valEnd) : "";
                obj.put(key, tryDecode(val, decode));
            }
            index = endIdx + 1;
        } while (index < len);
        return Collections.unmodifiableMap(obj);
    }

    private static int startIndex(String str, int index, int max) {
        do {
            char c = index < str.length() ? str.charAt(index) : 0;
            if (c != ' ' && c != '\t') {
                return index;
            }
        } while (++index < max);
        return max;
    }

    private static int endIndex(String str, int index, int min) {
        while (index > min) {
            char c = str.charAt(--index);
            if (c != ' ' && c != '\t') {
                return index + 1;
            }
        }
        return min;
    }

    private static String tryDecode(String val, UnaryOperator<String> decode) {
        if (decode == null) {
            if (val.indexOf('%') < 0) {
                return val;
            }
            String decoded = JsStrings.decodeURIComponent(val);
            return decoded == null ? val : decoded;
        }
        try {
            return decode.apply(val);
        } catch (RuntimeException e) {
            return val;
        }
    }
}
