package io.express4j.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter decoding as done by the {@code router} package: values without a {@code %} are returned as is,
 * others go through an exact port of ECMAScript {@code decodeURIComponent} (strict UTF-8, no {@code +}
 * handling, reserved characters such as {@code %2F} are decoded too). Any malformed escape or invalid
 * UTF-8 sequence raises {@link PathDecodeException}.
 */
final class ParamDecoder {

    private ParamDecoder() {
    }

    /** Decodes one parameter value; returns the same instance when there is nothing to decode. */
    static String decode(String value) {
        if (value.isEmpty() || value.indexOf('%') < 0) {
            return value;
        }
        String decoded = decodeUriComponent(value);
        if (decoded == null) {
            throw new PathDecodeException(value);
        }
        return decoded;
    }

    /** Splits a wildcard capture on {@code /} (keeping empty segments) and decodes every segment. */
    static List<String> decodeSegments(String value) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int slash = value.indexOf('/', start);
            if (slash < 0) {
                out.add(decode(value.substring(start)));
                return out;
            }
            out.add(decode(value.substring(start, slash)));
            start = slash + 1;
        }
    }

    /** ECMAScript decodeURIComponent; returns null where JavaScript throws a URIError. */
    static String decodeUriComponent(String s) {
        int len = s.length();
        StringBuilder sb = new StringBuilder(len);
        int k = 0;
        while (k < len) {
            char c = s.charAt(k);
            if (c != '%') {
                sb.append(c);
                k++;
                continue;
            }
            int b = hexByte(s, k);
            if (b < 0) {
                return null;
            }
            k += 3;
            if (b < 0x80) {
                sb.append((char) b);
                continue;
            }
            int n;
            int cp;
            if ((b & 0xE0) == 0xC0) {
                n = 2;
                cp = b & 0x1F;
            } else if ((b & 0xF0) == 0xE0) {
                n = 3;
                cp = b & 0x0F;
            } else if ((b & 0xF8) == 0xF0) {
                n = 4;
                cp = b & 0x07;
            } else {
                return null;
            }
            for (int j = 1; j < n; j++) {
                int cont = hexByte(s, k);
                if (cont < 0 || (cont & 0xC0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (cont & 0x3F);
                k += 3;
            }
            int min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** The byte encoded by {@code %XX} at {@code k}, or -1 if there is no well-formed escape there. */
    private static int hexByte(String s, int k) {
        if (k + 2 >= s.length() || s.charAt(k) != '%') {
            return -1;
        }
        int hi = hex(s.charAt(k + 1));
        int lo = hex(s.charAt(k + 2));
        if (hi < 0 || lo < 0) {
            return -1;
        }
        return (hi << 4) | lo;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
