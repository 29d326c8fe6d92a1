package io.express4j.http;

/**
 * The lexer under {@link DateParser}: splits a date string into the tokens V8's {@code
 * Date.parse} sees (numbers, the symbols {@code : - + . )}, words, whitespace, and ignorable
 * rest), with one token of look-ahead. A NUL character ends the input, as in V8.
 */
final class DateTokenizer {

    // token tags (keywords use their keyword type, >= 0)
    static final int T_INVALID = -6;
    static final int T_UNKNOWN = -5;
    static final int T_WHITESPACE = -4;
    static final int T_NUMBER = -3;
    static final int T_SYMBOL = -2;
    static final int T_END = -1;

    // keyword types
    static final int K_UNKNOWN_WORD = 0;
    static final int K_MONTH = 1;
    static final int K_ZONE = 2;
    static final int K_TIME_SEPARATOR = 3;
    static final int K_AM_PM = 4;

    /**
     * Keywords by prefix (words of any length match a month's first three letters; other keywords
     * must match whole), with their type and value (month number, hour offset, zone hours).
     */
    private static final String[] KEYWORDS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "am", "pm", "ut", "utc",
        "z", "gmt", "cdt", "cst", "edt", "est", "mdt", "mst", "pdt", "pst", "t"
    };

    private static final int[] KEYWORD_TYPES = {
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_MONTH,
        K_AM_PM,
        K_AM_PM,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_ZONE,
        K_TIME_SEPARATOR
    };
    private static final int[] KEYWORD_VALUES = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 12, 0, 0, 0, 0, -5, -6, -4, -5, -6, -7, -7, -8, 0
    };

    static final Token END = new Token(T_END, 0, -1);
    static final Token INVALID = new Token(T_INVALID, 0, -1);
    private static final Token UNKNOWN = new Token(T_UNKNOWN, 1, -1);

    /** A token: numbers carry their value (first nine digits) and digit count as length. */
    record Token(int tag, int length, int value) {
        boolean isNumber() {
            return tag == T_NUMBER;
        }

        boolean isFixedLengthNumber(int len) {
            return tag == T_NUMBER && length == len;
        }

        boolean isSymbol(char c) {
            return tag == T_SYMBOL && value == c;
        }

        boolean isSign() {
            return tag == T_SYMBOL && (value == '+' || value == '-');
        }

        int sign() {
            return value == '+' ? 1 : -1;
        }

        boolean isKeyword() {
            return tag >= 0;
        }

        boolean isZoneZ() {
            return tag == K_ZONE && length == 1 && value == 0;
        }
    }

    private final String text;
    private int index; // one past the current character, as in V8's reader
    private int ch; // current character, 0 at the end
    private Token next;

    DateTokenizer(String text) {
        this.text = text;
        advance();
        next = scan();
    }

    /** The look-ahead token. */
    Token peek() {
        return next;
    }

    /** Consumes and returns the look-ahead token. */
    Token next() {
        Token result = next;
        next = scan();
        return result;
    }

    /** Consumes the look-ahead token if it is {@code symbol}. */
    boolean skipSymbol(char symbol) {
        if (next.isSymbol(symbol)) {
            next = scan();
            return true;
        }
        return false;
    }

    private void advance() {
        ch = index < text.length() ? text.charAt(index) : 0;
        index++;
    }

    private Token scan() {
        int start = index;
        if (ch == 0) {
            return END;
        }
        if (ch >= '0' && ch <= '9') {
            int n = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                if (digits < 9) {
                    n = n * 10 + (ch - '0'); // further digits are counted but ignored
                }
                digits++;
                advance();
            }
            return new Token(T_NUMBER, index - start, n);
        }
        if (ch == ':' || ch == '-' || ch == '+' || ch == '.' || ch == ')') {
            int symbol = ch;
            advance();
            return new Token(T_SYMBOL, 1, symbol);
        }
        if (ch >= 'A') {
            return word();
        }
        if (JsStrings.isJsWhitespace((char) ch)) {
            advance();
            return new Token(T_WHITESPACE, index - start, -1);
        }
        if (ch == '(') {
            int balance = 0;
            do {
                if (ch == ')') {
                    balance--;
                } else if (ch == '(') {
                    balance++;
                }
                advance();
            } while (balance > 0 && ch != 0);
            return UNKNOWN;
        }
        advance();
        return UNKNOWN;
    }

    /** A run of characters from 'A' up (non-ASCII included), classified by its first three. */
    private Token word() {
        int p0 = 0;
        int p1 = 0;
        int p2 = 0;
        int length = 0;
        for (; ch >= 'A'; advance(), length++) {
            int lower = ch | 0x20; // V8's ASCII lower-casing; never turns a non-letter into a letter
            if (length == 0) {
                p0 = lower;
            } else if (length == 1) {
                p1 = lower;
            } else if (length == 2) {
                p2 = lower;
            }
        }
        for (int k = 0; k < KEYWORDS.length; k++) {
            String kw = KEYWORDS[k];
            if (p0 == charOrZero(kw, 0)
                    && p1 == charOrZero(kw, 1)
                    && p2 == charOrZero(kw, 2)
                    && (length <= 3 || KEYWORD_TYPES[k] == K_MONTH)) {
                return new Token(KEYWORD_TYPES[k], length, KEYWORD_VALUES[k]);
            }
        }
        return new Token(K_UNKNOWN_WORD, length, 0);
    }

    private static int charOrZero(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }
}
