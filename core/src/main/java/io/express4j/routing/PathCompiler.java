package io.express4j.routing;

import io.express4j.routing.PathParser.Group;
import io.express4j.routing.PathParser.Key;
import io.express4j.routing.PathParser.Text;
import io.express4j.routing.PathParser.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns parsed tokens into either a list of literal alternatives (no parameters anywhere) or a Java regular
 * expression that behaves like the one path-to-regexp 8.4.2 builds: every optional group is expanded into
 * alternatives (at most 256), and each parameter gets the same "do not swallow the surrounding text"
 * character class. Case-insensitivity is emitted explicitly per character so that it follows JavaScript's
 * non-unicode {@code i} semantics rather than Java's.
 */
final class PathCompiler {

    static final int MAX_COMBINATIONS = 256;
    private static final char DELIMITER = '/';
    private static final String DELIMITER_STR = "/";
    /** JS {@code [^]}: any single character. */
    private static final String ANY = "[\\x{0}-\\x{10FFFF}]";

    /** Result for a path that declares parameters. */
    record RegexResult(String regex, List<Key> keys) {}

    private final String originalPath;
    private final boolean sensitive;
    private int combinations;

    private PathCompiler(String originalPath, boolean sensitive) {
        this.originalPath = originalPath;
        this.sensitive = sensitive;
    }

    /** True when no parameter or wildcard appears anywhere in the tokens. */
    static boolean isLiteral(List<Token> tokens) {
        for (Token t : tokens) {
            if (t instanceof Key) {
                return false;
            }
            if (t instanceof Group g && !isLiteral(g.tokens())) {
                return false;
            }
        }
        return true;
    }

    /** Every combination of a parameterless path as plain text, in path-to-regexp's alternative order. */
    static List<String> literalAlternatives(String originalPath, List<Token> tokens) {
        PathCompiler c = new PathCompiler(originalPath, true);
        List<String> out = new ArrayList<>();
        c.expand(tokens, seq -> {
            StringBuilder sb = new StringBuilder();
            for (Token t : seq) {
                sb.append(((Text) t).value());
            }
            out.add(sb.toString());
        });
        return out;
    }

    /**
     * The Java regex (to be used with {@code lookingAt}) and the capture keys, one per capturing group in
     * order (a name can repeat across alternatives).
     */
    static RegexResult regex(
            String originalPath, List<Token> tokens, boolean end, boolean sensitive, boolean trailing) {
        PathCompiler c = new PathCompiler(originalPath, sensitive);
        List<Key> keys = new ArrayList<>();
        StringBuilder source = new StringBuilder("(?:");
        c.expand(tokens, seq -> {
            if (c.combinations > 1) {
                source.append('|');
            }
            c.toRegexSource(seq, keys, source);
        });
        source.append(')');
        if (trailing) {
            source.append("(?:/\\z)?");
        }
        source.append(end ? "\\z" : "(?=/|\\z)");
        return new RegexResult(source.toString(), List.copyOf(keys));
    }

    /** Enumerates the flattened token sequences, enforcing the combination limit. */
    private void expand(List<Token> tokens, Consumer<List<Token>> sink) {
        flatten(tokens, 0, new ArrayList<>(), seq -> {
            if (combinations >= MAX_COMBINATIONS) {
                throw new PathSyntaxException("Too many path combinations", originalPath);
            }
            combinations++;
            sink.accept(seq);
        });
    }

    /** Depth-first: the variant with a group's content comes before the variant without it. */
    private static void flatten(List<Token> tokens, int index, List<Token> result, Consumer<List<Token>> callback) {
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            if (token instanceof Group g) {
                int len = result.size();
                int next = index;
                flatten(g.tokens(), 0, result, seq -> flatten(tokens, next, seq, callback));
                truncate(result, len);
                continue;
            }
            result.add(token);
        }
        callback.accept(result);
    }

    private static void truncate(List<Token> list, int len) {
        while (list.size() > len) {
            list.remove(list.size() - 1);
        }
    }

    /** One alternative; mirrors path-to-regexp's toRegExpSource rules for each capture. */
    private void toRegexSource(List<Token> tokens, List<Key> keys, StringBuilder out) {
        String backtrack = "";
        String wildcardBacktrack = "";
        int prevCaptureType = 0;
        int hasSegmentCapture = 0;
        int index = 0;
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            if (token instanceof Text text) {
                String value = text.value();
                literal(out, value);
                backtrack += value;
                if (prevCaptureType == 2) {
                    wildcardBacktrack += value;
                }
                if (value.indexOf(DELIMITER) >= 0) {
                    hasSegmentCapture = 0;
                }
                continue;
            }
            Key key = (Key) token;
            if (prevCaptureType != 0 && backtrack.isEmpty()) {
                throw new PathSyntaxException(
                        "Missing text before \"" + key.name() + "\" " + (key.wildcard() ? "wildcard" : "param"),
                        originalPath);
            }
            out.append('(');
            if (!key.wildcard()) {
                if ((hasSegmentCapture & 2) != 0) {
                    negate(out, DELIMITER_STR, backtrack);
                    out.append('+');
                } else if (hasInSegment(tokens, index)) {
                    negate(out, DELIMITER_STR, peekText(tokens, index));
                    out.append('+');
                } else if ((hasSegmentCapture & 1) != 0) {
                    negate(out, DELIMITER_STR, backtrack);
                    out.append("+|");
                    literal(out, backtrack);
                } else {
                    negate(out, DELIMITER_STR, "");
                    out.append('+');
                }
                prevCaptureType = 1;
                hasSegmentCapture |= 1;
            } else {
                if ((hasSegmentCapture & 2) != 0) {
                    negate(out, backtrack, "");
                    out.append('+');
                } else if (!wildcardBacktrack.isEmpty()) {
                    negate(out, wildcardBacktrack, "");
                    out.append("+|");
                    negate(out, DELIMITER_STR, "");
                    out.append('+');
                } else {
                    out.append(ANY).append('+');
                }
                wildcardBacktrack = "";
                prevCaptureType = 2;
                hasSegmentCapture |= 2;
            }
            out.append(')');
            keys.add(key);
            backtrack = "";
        }
    }

    /** Is there a wildcard later in the current segment? */
    private static boolean hasInSegment(List<Token> tokens, int index) {
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            if (token instanceof Key k && k.wildcard()) {
                return true;
            }
            if (token instanceof Text t && t.value().indexOf(DELIMITER) >= 0) {
                break;
            }
        }
        return false;
    }

    /** The text immediately following {@code index} (consecutive text tokens). */
    private static String peekText(List<Token> tokens, int index) {
        StringBuilder sb = new StringBuilder();
        while (index < tokens.size() && tokens.get(index) instanceof Text t) {
            sb.append(t.value());
            index++;
        }
        return sb.toString();
    }

    /**
     * One character that does not start {@code a} or {@code b} (multi-character strings become negative
     * look-aheads, single characters a negated class). Lengths are compared in UTF-16 units, like JS.
     */
    private void negate(StringBuilder out, String a, String b) {
        if (b.length() > a.length()) {
            negate(out, b, a);
            return;
        }
        if (a.equals(b)) {
            b = "";
        }
        if (b.length() > 1) {
            out.append("(?:(?!");
            literal(out, a);
            out.append('|');
            literal(out, b);
            out.append(')').append(ANY).append(')');
        } else if (a.length() > 1) {
            out.append("(?:(?!");
            literal(out, a);
            out.append(')');
            negatedClass(out, b);
            out.append(')');
        } else {
            negatedClass(out, a + b);
        }
    }

    /** {@code [^chars]} ({@code [^]} = any character when empty), case-expanded when insensitive. */
    private void negatedClass(StringBuilder out, String chars) {
        if (chars.isEmpty()) {
            out.append(ANY);
            return;
        }
        out.append("[^");
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (sensitive) {
                hex(out, c);
            } else {
                for (char v : JsCase.variants(c)) {
                    hex(out, v);
                }
            }
        }
        out.append(']');
    }

    /** Literal text; each character becomes a class of its case variants when insensitive. */
    private void literal(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                hex(out, Character.toCodePoint(c, s.charAt(++i)));
                continue;
            }
            if (isPlain(c)) {
                if (!sensitive && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    out.append('[')
                            .append(Character.toLowerCase(c))
                            .append(Character.toUpperCase(c))
                            .append(']');
                } else {
                    out.append(c);
                }
                continue;
            }
            char[] variants = sensitive ? null : JsCase.variants(c);
            if (variants == null || variants.length == 1) {
                hex(out, c);
            } else {
                out.append('[');
                for (char v : variants) {
                    hex(out, v);
                }
                out.append(']');
            }
        }
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '/'
                || c == '_'
                || c == '-'
                || c == '~'
                || c == '%';
    }

    private static void hex(StringBuilder out, int cp) {
        out.append("\\x{").append(Integer.toHexString(cp)).append('}');
    }
}
