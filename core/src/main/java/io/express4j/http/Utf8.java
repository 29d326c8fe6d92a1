package io.express4j.http;

/** UTF-8 decoding exactly as Node decodes a Buffer (the WHATWG decoder), shared by the query and body parsers. */
public final class Utf8 {
    private Utf8() {}

    /**
     * UTF-8 decoding the way Node's {@code Buffer#toString} does it (the WHATWG decoder): every
     * maximal invalid subsequence becomes one U+FFFD. Java's own decoder groups some of these
     * differently (e.g. an encoded surrogate {@code ED A0 80} is three U+FFFD here, one in Java).
     */
    public static String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int needed = 0;
        int seen = 0;
        int cp = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                i++;
                if (b < 0x80) {
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    cp = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                    cp = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                    cp = b & 0x07;
                } else {
                    out.append('\uFFFD');
                }
                continue;
            }
            if (b < lower || b > upper) {
                // the sequence so far is one error; the current byte is looked at again
                needed = 0;
                seen = 0;
                cp = 0;
                lower = 0x80;
                upper = 0xBF;
                out.append('\uFFFD');
                continue;
            }
            i++;
            lower = 0x80;
            upper = 0xBF;
            cp = (cp << 6) | (b & 0x3F);
            if (++seen == needed) {
                out.appendCodePoint(cp);
                needed = 0;
                seen = 0;
                cp = 0;
            }
        }
        if (needed != 0) {
            out.append('\uFFFD');
        }
        return out.toString();
    }
}
