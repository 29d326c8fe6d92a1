package io.express4j.http;

/**
 * The checks Node's {@code setHeader} applies ({@code validateHeaderName} / {@code
 * validateHeaderValue}), so a bad header fails at the call site with Node's message instead of
 * corrupting the response head (header injection via CR/LF). Plain loops: this runs per header.
 */
public final class HeaderValidation {

    /** Bit i set when ASCII char i is an RFC 7230 {@code tchar}. */
    private static final long TOKEN_LOW;

    private static final long TOKEN_HIGH;

    static {
        long low = 0;
        long high = 0;
        String tchars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < tchars.length(); i++) {
            char c = tchars.charAt(i);
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        TOKEN_LOW = low;
        TOKEN_HIGH = high;
    }

    private HeaderValidation() {}

    /** Whether {@code s} is a non-empty RFC 7230 token. */
    public static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is a {@code tchar}. */
    public static boolean isTokenChar(char c) {
        if (c < 64) {
            return (TOKEN_LOW & (1L << c)) != 0;
        }
        return c < 128 && (TOKEN_HIGH & (1L << (c - 64))) != 0;
    }

    /**
     * Whether {@code value} contains a character Node refuses in a header value: anything but HTAB,
     * 0x20–0x7E and 0x80–0xFF (so CR, LF, NUL, other controls, DEL, and chars above U+00FF).
     */
    public static boolean hasInvalidValueChar(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 ? c != '\t' : (c == 0x7F || c > 0xFF)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws {@code IllegalArgumentException("Header name must be a valid HTTP token [\"<name>\"]")}
     * unless {@code name} is a token (Node's ERR_INVALID_HTTP_TOKEN).
     */
    public static void validateName(String name) {
        if (!isToken(name)) {
            throw new IllegalArgumentException("Header name must be a valid HTTP token [\"" + name + "\"]");
        }
    }

    /**
     * Throws {@code IllegalArgumentException("Invalid character in header content [\"<name>\"]")}
     * for a value with a forbidden character (Node's ERR_INVALID_CHAR), and Node's
     * ERR_HTTP_INVALID_HEADER_VALUE message for a missing ({@code null}) value.
     */
    public static void validateValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Invalid value \"undefined\" for header \"" + name + "\"");
        }
        if (hasInvalidValueChar(value)) {
            throw new IllegalArgumentException("Invalid character in header content [\"" + name + "\"]");
        }
    }
}
