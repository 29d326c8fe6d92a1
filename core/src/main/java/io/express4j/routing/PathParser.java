package io.express4j.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizer for the Express 5 path syntax (the grammar of path-to-regexp 8.x). Positions in error messages
 * are code point indices, as path-to-regexp iterates over the path's code points.
 */
final class PathParser {

    /** A parsed path element. */
    sealed interface Token permits Text, Key, Group {}

    /** Literal text (escapes already resolved). */
    record Text(String value) implements Token {}

    /** {@code :name} (wildcard=false) or {@code *name} (wildcard=true). */
    record Key(String name, boolean wildcard) implements Token {}

    /** {@code { ... }} optional group. */
    record Group(List<Token> tokens) implements Token {}

    private final String path;
    private final int[] chars;
    private int index;

    private PathParser(String path) {
        this.path = path;
        this.chars = path.codePoints().toArray();
    }

    static List<Token> parse(String path) {
        return new PathParser(path).consumeUntil(-1);
    }

    private List<Token> consumeUntil(int end) {
        List<Token> output = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (index < chars.length) {
            int value = chars[index++];
            if (value == end) {
                flushText(output, text);
                return output;
            }
            switch (value) {
                case '\\' -> {
                    if (index == chars.length) {
                        throw error("Unexpected end after \\ at index " + index);
                    }
                    text.appendCodePoint(chars[index++]);
                }
                case ':', '*' -> {
                    String name = readName();
                    flushText(output, text);
                    output.add(new Key(name, value == '*'));
                }
                case '{' -> {
                    flushText(output, text);
                    output.add(new Group(consumeUntil('}')));
                }
                case '}', '(', ')', '[', ']', '+', '?', '!' ->
                    throw error("Unexpected " + Character.toString(value) + " at index " + (index - 1));
                default -> text.appendCodePoint(value);
            }
        }
        if (end >= 0) {
            throw error("Unexpected end at index " + index + ", expected " + Character.toString(end));
        }
        flushText(output, text);
        return output;
    }

    private String readName() {
        StringBuilder name = new StringBuilder();
        if (index < chars.length && isIdStart(chars[index])) {
            do {
                name.appendCodePoint(chars[index++]);
            } while (index < chars.length && isIdContinue(chars[index]));
        } else if (index < chars.length && chars[index] == '"') {
            int quoteStart = index;
            boolean terminated = false;
            while (index < chars.length) {
                index++;
                if (index < chars.length && chars[index] == '"') {
                    index++;
                    terminated = true;
                    break;
                }
                if (index < chars.length && chars[index] == '\\') {
                    index++;
                }
                if (index < chars.length) {
                    name.appendCodePoint(chars[index]);
                }
            }
            if (!terminated) {
                throw error("Unterminated quote at index " + quoteStart);
            }
        }
        if (name.isEmpty()) {
            throw error("Missing parameter name at index " + index);
        }
        return name.toString();
    }

    private static void flushText(List<Token> output, StringBuilder text) {
        if (!text.isEmpty()) {
            output.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    private PathSyntaxException error(String reason) {
        return new PathSyntaxException(reason, path);
    }

    /** {@code [$_\p{ID_Start}]}. */
    static boolean isIdStart(int cp) {
        return cp == '$' || cp == '_' || (cp != 0x2E2F && Character.isUnicodeIdentifierStart(cp));
    }

    /** {@code [$\u200c\u200d\p{ID_Continue}]}. */
    static boolean isIdContinue(int cp) {
        return cp == '$'
                || cp == 0x200C
                || cp == 0x200D
                || (cp != 0x2E2F && Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }
}
