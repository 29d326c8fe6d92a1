package io.express4j.http;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript built-ins that the ported npm packages rely on, reproduced so the Java results match
 * them byte for byte: {@code encodeURIComponent}, {@code decodeURIComponent}, {@code parseFloat},
 * {@code String.prototype.trim} (and regex {@code \s}), {@code Number#toString}, and the property
 * order of plain objects. Public for the router's param decoding, JSON output's numbers and the
 * key order of parsed bodies; otherwise an implementation detail of the header classes.
 *
 * <p>Object property order leaks into output: a JS object lists "array index" keys ({@code "0"},
 * {@code "42"}, never {@code "01"}) first in ascending numeric order, then the other keys in
 * insertion order. Parsed query strings and Content-Type parameters are JS objects upstream, so their
 * iteration (and hence JSON and header) order follows that rule.
 */
public final class JsStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsStrings() {}

    /** {@code encodeURIComponent}: throws {@link IllegalArgumentException} ("URI malformed") on a lone surrogate. */
    static String encodeURIComponent(String s) {
        StringBuilder out = null;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (isUriUnreserved(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(len + 16);
                out.append(s, 0, i);
            }
            int cp = c;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, s.charAt(++i));
                } else {
                    throw new IllegalArgumentException("URI malformed");
                }
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("URI malformed");
            }
            appendUtf8Escaped(out, cp);
        }
        return out == null ? s : out.toString();
    }

    private static boolean isUriUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '!'
                || c == '~'
                || c == '*'
                || c == '\''
                || c == '('
                || c == ')';
    }

    private static void appendUtf8Escaped(StringBuilder out, int cp) {
        if (cp < 0x80) {
            pct(out, cp);
        } else if (cp < 0x800) {
            pct(out, 0xC0 | (cp >> 6));
            pct(out, 0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            pct(out, 0xE0 | (cp >> 12));
            pct(out, 0x80 | ((cp >> 6) & 0x3F));
            pct(out, 0x80 | (cp & 0x3F));
        } else {
            pct(out, 0xF0 | (cp >> 18));
            pct(out, 0x80 | ((cp >> 12) & 0x3F));
            pct(out, 0x80 | ((cp >> 6) & 0x3F));
            pct(out, 0x80 | (cp & 0x3F));
        }
    }

    static void pct(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /** {@code decodeURIComponent}, returning {@code null} where JavaScript throws a URIError. */
    public static String decodeURIComponent(String s) {
        int len = s.length();
        int first = s.indexOf('%');
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(len);
        out.append(s, 0, first);
        for (int k = first; k < len; k++) {
            char c = s.charAt(k);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int b = hexByte(s, k);
            if (b < 0) {
                return null;
            }
            k += 2;
            if (b < 0x80) {
                out.append((char) b);
                continue;
            }
            int n;
            int cp;
            int min;
            if ((b & 0xE0) == 0xC0) {
                n = 2;
                cp = b & 0x1F;
                min = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                n = 3;
                cp = b & 0x0F;
                min = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                n = 4;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                return null;
            }
            for (int j = 1; j < n; j++) {
                k++;
                if (k >= len || s.charAt(k) != '%') {
                    return null;
                }
                int cont = hexByte(s, k);
                if (cont < 0 || (cont & 0xC0) != 0x80) {
                    return null;
                }
                k += 2;
                cp = (cp << 6) | (cont & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The byte of a {@code %XX} escape at {@code i}, or -1 when there is no valid escape. */
    static int hexByte(String s, int i) {
        if (i + 2 >= s.length()) {
            return -1;
        }
        int hi = Character.digit(asciiOnly(s.charAt(i + 1)), 16);
        int lo = Character.digit(asciiOnly(s.charAt(i + 2)), 16);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    private static char asciiOnly(char c) {
        return c < 0x80 ? c : '!';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** ECMAScript WhiteSpace and LineTerminator code units (what {@code trim()} removes). */
    static boolean isJsWhitespace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == 0x0B
                || c == '\f'
                || c == '\r'
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000
                || c == 0xFEFF;
    }

    /** {@code String.prototype.trim}. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code parseFloat}: the longest decimal-literal prefix after leading whitespace, else NaN. */
    static double parseFloat(String s) {
        int i = 0;
        int len = s.length();
        while (i < len && isJsWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (s.startsWith("Infinity", i)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int digitsStart = i;
        int intDigits = 0;
        while (i < len && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        int end = i;
        if (i < len && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < len && isDigit(s.charAt(j))) {
                j++;
                fracDigits++;
            }
            if (intDigits > 0 || fracDigits > 0) {
                end = j;
                i = j;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return Double.NaN;
        }
        if (i < len && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < len && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < len && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expStart) {
                end = j;
            }
        }
        String literal = s.substring(digitsStart, end);
        double value = Double.parseDouble(literal.endsWith(".") ? literal + "0" : literal);
        return negative ? -value : value;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * JavaScript's {@code x.toFixed(digits)} for a finite x: rounded on x's exact binary value, a tie going up in
     * magnitude, with exactly {@code digits} (0–100) decimals.
     */
    public static String toFixed(double x, int digits) {
        if (digits < 0 || digits > 100)
            throw new IllegalArgumentException("toFixed() digits argument must be between 0 and 100");
        if (Math.abs(x) >= 1e21) return numberToString(x);
        if (x < 0) return "-" + toFixed(-x, digits); // "-0.00" for -0.0001, which BigDecimal's zero would lose
        return new java.math.BigDecimal(x)
                .setScale(digits, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** {@code JSON.stringify(s)} for a string: quoted, with JSON's escapes (what error messages quote names with). */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** {@code Number.prototype.toString()} for a double. */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return Long.toString((long) d); // the common integral case, without BigDecimal
        }
        double abs = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Java prints two digits where one would already round-trip (4.9E-324); JavaScript prints the one (5e-324)
            BigDecimal one = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(one.toString()) == abs) {
                shortest = one;
            }
        }
        return format(d < 0, shortest);
    }

    /**
     * {@code Number.prototype.toString()} applied to a float's own shortest decimal form ({@code 1.1f} gives
     * {@code 1.1}, not the digits of the nearest double), which is what a Java caller means by the value.
     */
    public static String numberToString(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return numberToString((double) f);
        }
        float abs = Math.abs(f);
        BigDecimal shortest = new BigDecimal(Float.toString(abs)).stripTrailingZeros();
        if (shortest.precision() == 2) {
            BigDecimal one = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(one.toString()) == abs) {
                shortest = one;
            }
        }
        return format(f < 0, shortest);
    }

    /** JavaScript's layout of a positive decimal ({@code Number::toString}, steps 6-12), from Java's shortest form. */
    private static String format(boolean negative, BigDecimal bd) {
        String digits = bd.unscaledValue().toString();
        int k = digits.length();
        int n = k - bd.scale();
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return sb.toString();
    }

    /** UTF-8 bytes the way Node's {@code Buffer.from(string)} makes them (lone surrogates become U+FFFD). */
    static byte[] utf8(String s) {
        CharsetEncoder enc = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD});
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final long MAX_ARRAY_INDEX = 4_294_967_294L; // 2^32 - 2

    /** Whether {@code key} is a canonical JS array index (0 .. 2^32-2 without leading zeros). */
    static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10) {
            return false;
        }
        char first = key.charAt(0);
        if (first == '0') {
            return n == 1;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_ARRAY_INDEX;
    }

    /**
     * Returns the map re-ordered the way a JS object would enumerate it: array-index keys first,
     * ascending, then the rest in insertion order. The input is returned untouched when it has no
     * array-index key (the common case), so callers pay nothing for the rule.
     */
    public static <V> Map<String, V> inJsPropertyOrder(LinkedHashMap<String, V> map) {
        List<String> indexKeys = null;
        for (String key : map.keySet()) {
            if (isArrayIndex(key)) {
                if (indexKeys == null) {
                    indexKeys = new ArrayList<>();
                }
                indexKeys.add(key);
            }
        }
        if (indexKeys == null) {
            return map;
        }
        indexKeys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        LinkedHashMap<String, V> ordered = new LinkedHashMap<>(Math.max(16, map.size() * 2));
        for (String key : indexKeys) {
            ordered.put(key, map.get(key));
        }
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (!ordered.containsKey(e.getKey())) {
                ordered.put(e.getKey(), e.getValue());
            }
        }
        return ordered;
    }
}
