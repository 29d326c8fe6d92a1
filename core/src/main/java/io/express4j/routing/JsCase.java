package io.express4j.routing;

import java.util.Locale;

/**
 * Case folding exactly as a JavaScript RegExp with the {@code i} flag and without {@code u} does it
 * (ECMAScript "Canonicalize"): every UTF-16 code unit is mapped to its simple upper case, unless the full
 * upper case is not a single code unit, or a non-ASCII unit would become ASCII. This is deliberately not
 * {@link String#equalsIgnoreCase}: e.g. {@code ſ} (U+017F) and the Kelvin sign do not match {@code s}/{@code k}.
 */
final class JsCase {

    private JsCase() {}

    /** Canonical form of one UTF-16 code unit. */
    static char canon(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }
        return Tables.CANON[c];
    }

    /** True when the two units are equal under case-insensitive JS comparison. */
    static boolean equal(char a, char b) {
        return a == b || canon(a) == canon(b);
    }

    /**
     * All code units whose canonical form equals that of {@code c} (always contains {@code c}); these are the
     * characters a case-insensitive JS regex would accept for the literal {@code c}.
     */
    static char[] variants(char c) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z') {
                return new char[] {c, (char) (c - 32)};
            }
            if (c >= 'A' && c <= 'Z') {
                return new char[] {c, (char) (c + 32)};
            }
            return new char[] {c};
        }
        char key = canon(c);
        int count = 0;
        char[] tmp = new char[8];
        tmp[count++] = c;
        for (int d = 128; d < 0x10000; d++) {
            if (d != c && Tables.CANON[d] == key) {
                if (count == tmp.length) {
                    tmp = java.util.Arrays.copyOf(tmp, count * 2);
                }
                tmp[count++] = (char) d;
            }
        }
        return java.util.Arrays.copyOf(tmp, count);
    }

    /** Lazily built table for the non-ASCII code units. */
    private static final class Tables {
        static final char[] CANON = build();

        private static char[] build() {
            char[] t = new char[0x10000];
            for (int c = 0; c < 0x10000; c++) {
                char ch = (char) c;
                if (c < 128) {
                    t[c] = c >= 'a' && c <= 'z' ? (char) (c - 32) : ch;
                    continue;
                }
                if (Character.isSurrogate(ch)) {
                    t[c] = ch;
                    continue;
                }
                String upper = String.valueOf(ch).toUpperCase(Locale.ROOT);
                if (upper.length() != 1) {
                    t[c] = ch;
                    continue;
                }
                char cu = upper.charAt(0);
                t[c] = cu < 128 ? ch : cu;
            }
            return t;
        }
    }
}
