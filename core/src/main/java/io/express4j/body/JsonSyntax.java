package io.express4j.body;

import java.util.ArrayDeque;

/**
 * The message Node 20's {@code JSON.parse} (V8 11.3) throws for a text, found by walking the text the way V8's JSON
 * parser does — same token order, same checks, same positions (UTF-16 code units) — so that body-parser's
 * {@code entity.parse.failed} errors read exactly as in Express: <code>Expected property name or '}' in JSON at
 * position 1</code>, {@code Unexpected token 'u', "user" is not valid JSON}, {@code Unexpected end of JSON input}…
 * The walk is iterative, so nesting depth costs heap, not stack.
 */
final class JsonSyntax {
    private static final int MAX_CONTEXT = 10;
    private static final int MIN_LENGTH_FOR_CONTEXT = 2 * MAX_CONTEXT + 1;
    private static final int END = -1;

    private enum Token {
        STRING,
        NUMBER,
        LBRACK,
        LBRACE,
        RBRACK,
        RBRACE,
        TRUE,
        FALSE,
        NULL,
        WHITESPACE,
        COLON,
        COMMA,
        ILLEGAL,
        EOS
    }

    /** Thrown inside the walk to stop at the first error; no stack trace is needed. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final String source;
    private final int end;
    private int cursor;
    private Token next = Token.EOS;

    private JsonSyntax(String source) {
        this.source = source;
        this.end = source.length();
    }

    /** The SyntaxError message {@code JSON.parse(text)} throws, or null when V8 accepts the text. */
    static String errorMessage(String text) {
        try {
            new JsonSyntax(text).parse();
            return null;
        } catch (Failure f) {
            return f.getMessage();
        }
    }

    private static Token oneChar(int c) {
        if (c == END) return Token.EOS;
        if (c > 0xFF) return Token.ILLEGAL;
        return switch (c) {
            case '"' -> Token.STRING;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> Token.NUMBER;
            case '[' -> Token.LBRACK;
            case '{' -> Token.LBRACE;
            case ']' -> Token.RBRACK;
            case '}' -> Token.RBRACE;
            case 't' -> Token.TRUE;
            case 'f' -> Token.FALSE;
            case 'n' -> Token.NULL;
            case ' ', '\t', '\r', '\n' -> Token.WHITESPACE;
            case ':' -> Token.COLON;
            case ',' -> Token.COMMA;
            default -> Token.ILLEGAL;
        };
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumberPart(int c) {
        return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
    }

    private int current() {
        return cursor < end ? source.charAt(cursor) : END;
    }

    private int nextCharacter() {
        cursor++;
        return current();
    }

    private void skipWhitespace() {
        next = Token.EOS;
        while (cursor < end) {
            Token t = oneChar(source.charAt(cursor));
            if (t != Token.WHITESPACE) {
                next = t;
                return;
            }
            cursor++;
        }
    }

    private boolean check(Token token) {
        skipWhitespace();
        if (next != token) return false;
        cursor++;
        return true;
    }

    private void expect(Token token, String message) {
        if (next == token) cursor++;
        else fail(next, message);
    }

    private void expectNext(Token token, String message) {
        skipWhitespace();
        expect(token, message);
    }

    private void parse() {
        ArrayDeque<Token> stack = new ArrayDeque<>(); // LBRACE or LBRACK per open container
        while (true) {
            produce:
            while (true) {
                skipWhitespace();
                switch (next) {
                    case STRING -> {
                        cursor++;
                        scanString();
                    }
                    case NUMBER -> scanNumber();
                    case LBRACE -> {
                        cursor++;
                        if (check(Token.RBRACE)) break;
                        stack.push(Token.LBRACE);
                        expectNext(Token.STRING, "Expected property name or '}' in JSON");
                        scanString();
                        expectNext(Token.COLON, "Expected ':' after property name in JSON");
                        continue produce;
                    }
                    case LBRACK -> {
                        cursor++;
                        if (check(Token.RBRACK)) break;
                        stack.push(Token.LBRACK);
                        continue produce;
                    }
                    case TRUE -> scanLiteral("true");
                    case FALSE -> scanLiteral("false");
                    case NULL -> scanLiteral("null");
                    default -> failAtCharacter(current());
                }
                break;
            }
            consume:
            while (true) {
                if (stack.isEmpty()) {
                    if (!check(Token.EOS)) fail(next, "Unexpected non-whitespace character after JSON");
                    return;
                }
                if (stack.peek() == Token.LBRACE) {
                    if (check(Token.COMMA)) {
                        expectNext(Token.STRING, "Expected double-quoted property name in JSON");
                        scanString();
                        expectNext(Token.COLON, null);
                        break consume;
                    }
                    expect(Token.RBRACE, "Expected ',' or '}' after property value in JSON");
                } else {
                    if (check(Token.COMMA)) break consume;
                    expect(Token.RBRACK, "Expected ',' or ']' after array element in JSON");
                }
                stack.pop();
            }
        }
    }

    private void scanLiteral(String literal) {
        int len = literal.length();
        int remaining = end - cursor;
        if (remaining >= len && source.startsWith(literal, cursor)) {
            cursor += len;
            return;
        }
        cursor++;
        for (int i = 0; i < Math.min(len - 1, remaining - 1); i++) {
            if (literal.charAt(1 + i) != source.charAt(cursor)) failAtCharacter(source.charAt(cursor));
            cursor++;
        }
        fail(Token.EOS, null);
    }

    private void scanString() {
        while (true) {
            while (cursor < end) {
                char c = source.charAt(cursor);
                if (c < 0x20 || c == '"' || c == '\\') break;
                cursor++;
            }
            if (cursor >= end) fail(Token.ILLEGAL, "Unterminated string in JSON");
            char c = source.charAt(cursor);
            if (c == '"') {
                cursor++;
                return;
            }
            if (c == '\\') {
                int e = nextCharacter();
                if (e == END || e > 0xFF) failAtCharacter(e);
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
                    case 'u' -> {
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(asciiOrBang(nextCharacter()), 16) < 0) {
                                fail(Token.ILLEGAL, "Bad Unicode escape in JSON");
                            }
                        }
                    }
                    default -> fail(Token.ILLEGAL, "Bad escaped character in JSON");
                }
                cursor++;
                continue;
            }
            fail(Token.ILLEGAL, "Bad control character in string literal in JSON");
        }
    }

    private static char asciiOrBang(int c) {
        return c >= 0 && c < 0x80 ? (char) c : '!';
    }

    private void scanNumber() {
        int c = current();
        boolean negative = false;
        if (c == '-') {
            negative = true;
            c = nextCharacter();
        }
        if (c == '0') {
            c = nextCharacter();
            if (c != END && c <= 0xFF && isNumberPart(c)) {
                if (isDigit(c)) fail(Token.NUMBER, null);
            } else if (!negative) {
                return;
            }
        } else {
            int digitsStart = cursor;
            while (isDigit(current())) cursor++;
            if (digitsStart == cursor) fail(Token.ILLEGAL, "No number after minus sign in JSON");
        }
        if (current() == '.') {
            if (!isDigit(nextCharacter())) fail(Token.ILLEGAL, "Unterminated fractional number in JSON");
            while (isDigit(current())) cursor++;
        }
        if (current() == 'e' || current() == 'E') {
            c = nextCharacter();
            if (c == '-' || c == '+') c = nextCharacter();
            if (!isDigit(c)) fail(Token.ILLEGAL, "Exponent part is missing a number in JSON");
            while (isDigit(current())) cursor++;
        }
    }

    private void failAtCharacter(int c) {
        fail(oneChar(c), null);
    }

    /** V8's ReportUnexpectedToken: a given message wins; else the token decides (with source context). */
    private void fail(Token token, String message) {
        int pos = cursor;
        if (message != null) throw new Failure(message + " at position " + pos);
        switch (token) {
            case EOS -> throw new Failure("Unexpected end of JSON input");
            case NUMBER -> throw new Failure("Unexpected number in JSON at position " + pos);
            case STRING -> throw new Failure("Unexpected string in JSON at position " + pos);
            default -> {}
        }
        if (isSpecialString()) throw new Failure("\"" + source + "\" is not valid JSON");
        String token1 = String.valueOf(source.charAt(pos));
        if (end < MIN_LENGTH_FOR_CONTEXT) {
            throw new Failure("Unexpected token '" + token1 + "', \"" + source + "\" is not valid JSON");
        }
        String context;
        if (pos < MAX_CONTEXT) {
            context = "\"" + source.substring(0, pos + MAX_CONTEXT) + "\"...";
        } else if (pos < end - MAX_CONTEXT) {
            context = "...\"" + source.substring(pos - MAX_CONTEXT, pos + MAX_CONTEXT) + "\"...";
        } else {
            context = "...\"" + source.substring(pos - MAX_CONTEXT) + "\"";
        }
        throw new Failure("Unexpected token '" + token1 + "', " + context + " is not valid JSON");
    }

    private boolean isSpecialString() {
        return source.equals("[object Object]")
                || source.equals("undefined")
                || source.equals("Infinity")
                || source.equals("NaN");
    }
}
