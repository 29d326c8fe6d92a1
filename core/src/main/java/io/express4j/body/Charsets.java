package io.express4j.body;

import io.express4j.http.Utf8;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Charset names as iconv-lite (which body-parser decodes with) reads them, mapped onto the JDK's decoders, and its
 * decoding rules: UTF-8 as Node decodes it, a leading byte-order mark dropped for the Unicode encodings, and
 * {@code utf-16} / {@code utf-32} without a BOM guessed from where the zero bytes are (little-endian by default).
 */
final class Charsets {
    /** iconv-lite names (lower-case, punctuation removed) that the JDK spells differently or not at all. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode11utf8", "UTF-8"),
            Map.entry("ucs2", "UTF-16LE"),
            Map.entry("utf16le", "UTF-16LE"),
            Map.entry("utf16be", "UTF-16BE"),
            Map.entry("utf32le", "UTF-32LE"),
            Map.entry("utf32be", "UTF-32BE"),
            Map.entry("binary", "ISO-8859-1"),
            Map.entry("latin1", "ISO-8859-1"),
            Map.entry("ascii", "ISO-8859-1"),
            Map.entry("usascii", "ISO-8859-1"));

    private Charsets() {}

    /** Whether iconv-lite would know the charset (as far as the JDK can decode it). */
    static boolean exists(String name) {
        return "utf16".equals(canonical(name)) || "utf32".equals(canonical(name)) || lookup(name) != null;
    }

    /** Decodes the bytes as iconv-lite's {@code decode(buf, name)} would; the charset must exist. */
    static String decode(byte[] bytes, String name) {
        String canonical = canonical(name);
        boolean unicode =
                canonical.startsWith("utf") || canonical.startsWith("ucs") || canonical.equals("unicode11utf8");
        Charset charset = switch (canonical) {
            case "utf16" -> guessUtf16(bytes, 2);
            case "utf32" -> guessUtf16(bytes, 4);
            default -> lookup(name);
        };
        String text;
        if (charset == StandardCharsets.UTF_8) {
            text = Utf8.decode(bytes, 0, bytes.length);
        } else {
            try {
                text = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalStateException(e); // cannot happen with REPLACE
            }
        }
        return unicode && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** iconv-lite's key for a name: lower case, only letters and digits, a {@code :NNNN} suffix dropped. */
    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll(":\\d{4}$", "");
        return lower.replaceAll("[^0-9a-z]", "");
    }

    private static Charset lookup(String name) {
        String alias = ALIASES.get(canonical(name));
        try {
            return Charset.forName(alias != null ? alias : name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * iconv-lite's UTF-16/32 detection: a byte-order mark decides; else the byte order under which the first 100
     * code units look most like text (zero bytes where ASCII would have them); little-endian on a tie.
     */
    private static Charset guessUtf16(byte[] bytes, int width) {
        boolean wide = width == 4;
        if (bytes.length >= width) {
            if (!wide && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
            if (!wide && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
            if (wide && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE && bytes[2] == 0 && bytes[3] == 0) {
                return Charset.forName("UTF-32LE");
            }
            if (wide && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE && bytes[3] == (byte) 0xFF) {
                return Charset.forName("UTF-32BE");
            }
        }
        int le = 0;
        int be = 0;
        for (int i = 0; i + width <= bytes.length && i / width < 100; i += width) {
            int b0 = bytes[i] & 0xFF;
            int b1 = bytes[i + 1] & 0xFF;
            if (!wide) {
                if (b0 == 0 && b1 != 0) be++;
                if (b0 != 0 && b1 == 0) le++;
                continue;
            }
            int b2 = bytes[i + 2] & 0xFF;
            int b3 = bytes[i + 3] & 0xFF;
            // the score is BMP-looking characters minus impossible ones, per byte order
            if (b0 != 0 || b1 > 0x10) be--;
            if (b3 != 0 || b2 > 0x10) le--;
            if (b0 == 0 && b1 == 0 && (b2 != 0 || b3 != 0)) be++;
            if ((b0 != 0 || b1 != 0) && b2 == 0 && b3 == 0) le++;
        }
        if (wide) return Charset.forName(be > le ? "UTF-32BE" : "UTF-32LE");
        return be > le ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }
}
