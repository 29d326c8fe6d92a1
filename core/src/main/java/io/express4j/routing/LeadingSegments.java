package io.express4j.routing;

import io.express4j.routing.PathParser.Group;
import io.express4j.routing.PathParser.Key;
import io.express4j.routing.PathParser.Text;
import io.express4j.routing.PathParser.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal path segments a pattern's matches must start with, so that a router can skip the layers a request
 * cannot match without running them. Patterns match the raw (still percent-encoded) path and compare their text
 * verbatim, and a literal text only matches up to a {@code /} or the end; so {@code /api/v1/:id} only matches
 * paths whose segments start with {@code api, v1}, {@code /users} only paths whose segments are {@code users}
 * (and maybe an empty one after a trailing slash). Segments are compared as <em>keys</em>: ASCII letters lower
 * case, other UTF-16 units in their JavaScript canonical case ({@link JsCase}), which is exactly a
 * case-insensitive JavaScript RegExp's equality; for case-sensitive patterns a key lets through more paths than
 * match, never fewer.
 */
final class LeadingSegments {
    /** Any path: a pattern whose first segment is not literal text. */
    static final Set<List<String>> ANY = Set.of(List.of());

    private LeadingSegments() {}

    /** Per alternative of a parsed path (optional groups expanded), the keys of its leading literal segments. */
    static Set<List<String>> of(List<Token> tokens) {
        Set<List<String>> out = new LinkedHashSet<>();
        collect(tokens, 0, "", out, new Continuation[0]);
        return Set.copyOf(out);
    }

    /** The same for the plain-text alternatives of a pattern without parameters. */
    static Set<List<String>> ofTexts(List<String> alternatives) {
        Set<List<String>> out = new LinkedHashSet<>();
        for (String text : alternatives) out.add(segments(text, true));
        return Set.copyOf(out);
    }

    /** What follows a group once its content is exhausted: the rest of the enclosing token list. */
    private record Continuation(List<Token> tokens, int index) {}

    /**
     * Enumerates the alternatives depth-first as far as their leading text goes (to the first parameter or
     * wildcard, or the end). Their number is bounded by the compiler's combination limit, checked before.
     */
    private static void collect(
            List<Token> tokens, int index, String text, Set<List<String>> out, Continuation[] outer) {
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            if (token instanceof Text t) {
                text += t.value();
            } else if (token instanceof Key) {
                out.add(segments(text, false));
                return;
            } else {
                Continuation[] inner = Arrays.copyOf(outer, outer.length + 1);
                inner[outer.length] = new Continuation(tokens, index);
                collect(((Group) token).tokens(), 0, text, out, inner); // with the group's content
                // and without it: go on with the rest of this list
            }
        }
        if (outer.length > 0) {
            Continuation up = outer[outer.length - 1];
            collect(up.tokens(), up.index(), text, out, Arrays.copyOf(outer, outer.length - 1));
        } else {
            out.add(segments(text, true));
        }
    }

    /**
     * The keys of the segments a leading text fixes: those closed by a {@code /}, and the last one too when the
     * text is the whole pattern ({@code complete}); none when the text does not start with {@code /}.
     */
    private static List<String> segments(String text, boolean complete) {
        if (text.isEmpty() || text.charAt(0) != '/') return List.of();
        List<String> keys = new ArrayList<>();
        int from = 1;
        for (int slash; (slash = text.indexOf('/', from)) >= 0; from = slash + 1) keys.add(key(text, from, slash));
        if (complete) keys.add(key(text, from, text.length()));
        return List.copyOf(keys);
    }

    /** {@code s[from, to)} folded: ASCII to lower case, the rest to its JavaScript canonical case. */
    static String key(String s, int from, int to) {
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
