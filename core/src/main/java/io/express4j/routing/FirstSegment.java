package io.express4j.routing;

import io.express4j.routing.PathParser.Group;
import io.express4j.routing.PathParser.Key;
import io.express4j.routing.PathParser.Text;
import io.express4j.routing.PathParser.Token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal first path segment a pattern requires, so that a router can skip the layers a request cannot match
 * without running them. Patterns match the raw (still percent-encoded) path and compare their literal text
 * verbatim, so a pattern whose text starts with {@code /seg/}, or which is all text {@code /seg}, only ever
 * matches paths whose first segment is {@code seg}. Segments are compared as <em>keys</em>: ASCII letters lower
 * case, other units in their JavaScript canonical case ({@link JsCase}), which is exactly case-insensitive
 * equality; for case-sensitive patterns it lets through a few more paths than match, never fewer.
 */
final class FirstSegment {
    private FirstSegment() {
    }

    /**
     * The keys of the first segment of every alternative of a parsed path (optional groups expanded), or null
     * when some alternative does not fix its first segment (it starts with a parameter, a wildcard or no
     * {@code /}, or a parameter follows the first segment's text in the same segment).
     */
    static Set<String> of(List<Token> tokens) {
        Set<String> keys = new LinkedHashSet<>();
        return collect(tokens, 0, "", keys, new Continuation[0]) ? Set.copyOf(keys) : null;
    }

    /** The keys of plain-text alternatives (a pattern without parameters). */
    static Set<String> ofTexts(List<String> alternatives) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : alternatives) {
            String key = fromText(text, true);
            if (key == null) return null;
            keys.add(key);
        }
        return Set.copyOf(keys);
    }

    /** What follows a group once its content is exhausted: the rest of the enclosing token list. */
    private record Continuation(List<Token> tokens, int index) {
    }

    /**
     * Walks the alternatives depth-first only as far as their leading text; false as soon as one does not fix
     * its first segment. The number of alternatives is bounded by the compiler's combination limit.
     */
    private static boolean collect(List<Token> tokens, int index, String text, Set<String> keys,
            Continuation[] outer) {
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            if (token instanceof Text t) {
                text += t.value();
                String key = fromText(text, false);
                if (key != null) {
                    keys.add(key);   // the segment is closed by a '/': whatever follows cannot change it
                    return true;
                }
            } else if (token instanceof Key) {
                return false;
            } else {
                Group g = (Group) token;
                Continuation[] inner = java.util.Arrays.copyOf(outer, outer.length + 1);
                inner[outer.length] = new Continuation(tokens, index);
                if (!collect(g.tokens(), 0, text, keys, inner)) return false;   // with the group's content
                // and without it: go on with the rest of this list
            }
        }
        if (outer.length > 0) {
            Continuation up = outer[outer.length - 1];
            return collect(up.tokens(), up.index(), text, keys, java.util.Arrays.copyOf(outer, outer.length - 1));
        }
        String key = fromText(text, true);
        if (key == null) return false;
        keys.add(key);
        return true;
    }

    /**
     * The key of the first segment of a pattern's leading text: the text must start with {@code /} and either
     * contain a second {@code /} or be the whole pattern ({@code complete}), since a literal pattern only matches
     * up to a {@code /} or the end.
     */
    private static String fromText(String text, boolean complete) {
        if (text.isEmpty() || text.charAt(0) != '/') return null;
        int slash = text.indexOf('/', 1);
        if (slash < 0 && !complete) return null;
        return key(text, 1, slash < 0 ? text.length() : slash);
    }

    /** The key of a request path's first segment, or null when the path does not start with {@code /}. */
    static String ofPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return null;
        int slash = path.indexOf('/', 1);
        return key(path, 1, slash < 0 ? path.length() : slash);
    }

    /** {@code s[from, to)} folded: ASCII to lower case, the rest to its JavaScript canonical case. */
    private static String key(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (fold(c) != c) {
                char[] out = s.substring(from, to).toCharArray();
                for (int j = i - from; j < out.length; j++) out[j] = fold(out[j]);
                return new String(out);
            }
        }
        return s.substring(from, to);
    }

    private static char fold(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return JsCase.canon(c);
    }
}
