package io.express4j.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The text-level steps of qs 6.17's parse for {@link QsParser}: splitting, percent-decoding, numeric entities. */
final class QsText {
    private QsText() {
    }

    /** {@code str.replace(/%5B/gi, '[').replace(/%5D/gi, ']')}. */
    static String replaceEncodedBrackets(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && s.charAt(i + 1) == '5') {
                char d = Character.toUpperCase(s.charAt(i + 2));
                if (d == 'B' || d == 'D') {
                    out.append(d == 'B' ? '[' : ']');
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** JavaScript {@code str.split('&', limit)}: at most {@code limit} pieces, the rest dropped. */
    static List<String> split(String s, int limit) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (parts.size() < limit) {
            int amp = s.indexOf('&', start);
            if (amp < 0) {
                parts.add(s.substring(start));
                break;
            }
            parts.add(s.substring(start, amp));
            start = amp + 1;
        }
        return parts;
    }

    /** qs's {@code utils.decode}: {@code +} is a space; utf-8 decoding falls back to the raw text on a bad escape. */
    static String decode(String s, boolean latin1) {
        if (s.indexOf('%') < 0) {
            return s.indexOf('+') < 0 ? s : s.replace('+', ' ');
        }
        String withoutPlus = s.replace('+', ' ');
        if (latin1) {
            StringBuilder out = new StringBuilder(withoutPlus.length());
            for (int i = 0; i < withoutPlus.length(); i++) {
                int b = withoutPlus.charAt(i) == '%' ? JsStrings.hexByte(withoutPlus, i) : -1;
                if (b >= 0) {
                    out.append((char) b);
                    i += 2;
                } else {
                    out.append(withoutPlus.charAt(i));
                }
            }
            return out.toString();
        }
        String decoded = JsStrings.decodeURIComponent(withoutPlus);
        return decoded == null ? withoutPlus : decoded;
    }

    /** {@code &#NNN;} as the character (latin-1 forms with {@code interpretNumericEntities}). */
    static String interpretNumericEntities(String s) {
        int amp = s.indexOf("&#");
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i + 2;
            if (s.startsWith("&#", i)) {
                while (j < s.length() && JsStrings.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j > i + 2 && j < s.length() && s.charAt(j) == ';') {
                    double c = new BigDecimal(s.substring(i + 2, j)).doubleValue();
                    if (c > 0xFFFF && c <= 0x10FFFF) {
                        out.appendCodePoint((int) c);
                    } else {
                        out.append(toUint16(c));
                    }
                    i = j + 1;
                    continue;
                }
            }
            out.append(s.charAt(i++));
        }
        return out.toString();
    }

    /** {@code String.fromCharCode(c)} of a non-negative integral double: the value modulo 2^16. */
    private static char toUint16(double c) {
        if (Double.isInfinite(c)) {
            return 0;
        }
        return (char) new BigDecimal(c).toBigInteger().mod(BigInteger.valueOf(65536)).intValue();
    }
}
