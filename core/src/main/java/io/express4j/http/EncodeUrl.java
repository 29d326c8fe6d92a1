package io.express4j.http;

/**
 * URL encoding as the npm {@code encodeurl} 2.0.3 package does it (the version Express 5.3.0 installs), for
 * {@code Location} headers and the final handler's {@code Cannot GET <path>} message: characters that may not
 * appear in a URL are UTF-8 percent-encoded while valid {@code %XX} escapes and the reserved characters are kept,
 * so encoding an already encoded URL is harmless. A {@code %} that does not start a valid escape becomes
 * {@code %25} on its own ({@code %zz} → {@code %25zz}, {@code /foo%2} → {@code /foo%252}).
 *
 * <p>Unpaired surrogates become U+FFFD, surrogate pairs are encoded as the code point they form.
 */
public final class EncodeUrl {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EncodeUrl() {}

    /** Encodes {@code url}; returns the same instance when nothing needs changing. */
    public static String encode(String url) {
        int n = url.length();
        int i = 0;
        while (i < n && kept(url, i)) {
            i++;
        }
        if (i == n) {
            return url;
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(url, 0, i);
        while (i < n) {
            if (kept(url, i)) {
                out.append(url.charAt(i));
                i++;
            } else {
                i = appendPercentEncoded(out, url, i, n);
            }
        }
        return out.toString();
    }

    /** Whether the character at {@code i} is copied as is: a URL character, or the {@code %} of a valid escape. */
    private static boolean kept(String s, int i) {
        char c = s.charAt(i);
        if (c != '%') {
            return isUrlChar(c);
        }
        return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    /**
     * Characters encodeurl never touches: {@code ! # $ & ' ( ) * + , - . / 0-9 : ; = ? @ A-Z [ \ ]
     * ^ _ a-z | ~} ({@code %} is judged separately).
     */
    private static boolean isUrlChar(char c) {
        return c == 0x21
                || (c >= 0x23 && c <= 0x3B)
                || c == 0x3D
                || (c >= 0x3F && c <= 0x5F)
                || (c >= 0x61 && c <= 0x7A)
                || c == 0x7C
                || c == 0x7E;
    }

    /** Appends the UTF-8 escapes of the code point at {@code i}; returns the next index. */
    private static int appendPercentEncoded(StringBuilder out, String s, int i, int n) {
        char c = s.charAt(i);
        int cp;
        int next = i + 1;
        if (Character.isHighSurrogate(c)) {
            if (next < n && Character.isLowSurrogate(s.charAt(next))) {
                cp = Character.toCodePoint(c, s.charAt(next));
                next++;
            } else {
                cp = 0xFFFD;
            }
        } else if (Character.isLowSurrogate(c)) {
            cp = 0xFFFD;
        } else {
            cp = c;
        }
        if (cp < 0x80) {
            appendByte(out, cp);
        } else if (cp < 0x800) {
            appendByte(out, 0xC0 | (cp >> 6));
            appendByte(out, 0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            appendByte(out, 0xE0 | (cp >> 12));
            appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
            appendByte(out, 0x80 | (cp & 0x3F));
        } else {
            appendByte(out, 0xF0 | (cp >> 18));
            appendByte(out, 0x80 | ((cp >> 12) & 0x3F));
            appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
            appendByte(out, 0x80 | (cp & 0x3F));
        }
        return next;
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
