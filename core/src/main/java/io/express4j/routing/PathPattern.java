package io.express4j.routing;

import io.express4j.routing.PathParser.Key;
import io.express4j.routing.PathParser.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled Express 5 layer path: the behaviour of {@code router} 2.x's {@code Layer} matching on top of
 * path-to-regexp 8.4.2. Immutable and thread-safe; compile once at registration, call {@link #match} per
 * request.
 *
 * <h2>Options (as the router passes them)</h2>
 * <ul>
 *   <li>{@code end=true}: route layers — the whole path must match. {@code end=false}: {@code use} layers —
 *       a prefix that ends at a {@code /} or at the end of the input.</li>
 *   <li>{@code caseSensitive=false}: JavaScript-style (non-unicode {@code i}) case-insensitive matching.</li>
 *   <li>{@code strict=false}: trailing slashes are stripped from the path before compiling (except for
 *       {@code "/"}) and one optional trailing {@code /} is accepted on the input.</li>
 * </ul>
 *
 * <h2>String paths</h2>
 * {@code :name} (one or more characters, never {@code /}), {@code *name} (one or more characters including
 * {@code /}, value = list of decoded segments), {@code {...}} optional groups, {@code \} escapes,
 * {@code :"quoted name"}. {@code ( ) [ ] + ? !} and unbalanced braces are rejected with a
 * {@link PathSyntaxException} carrying path-to-regexp's message. {@code "/"} with {@code end=false} is the
 * router's fast path that matches everything with an empty {@link Match#matchedPath()}.
 *
 * <h2>Regular expression paths</h2>
 * Matched with {@link java.util.regex.Matcher#find()} (unanchored, exactly like {@code RegExp.exec}); the
 * options are ignored, as in the router. Capture groups become params named {@code "0"}, {@code "1"}, ...
 * (unnamed groups) or by their name (named groups), following the router's scan of the source text.
 *
 * <h2>Arrays</h2>
 * {@link #compile(List, boolean, boolean, boolean)}: every element (String, Pattern, or nested List) is
 * compiled separately; the first one that matches wins.
 */
public final class PathPattern {

    /**
     * A successful match.
     *
     * @param matchedPath the text matched (a prefix of the input for {@code use} layers; {@code ""} for the
     *                    {@code use('/')} fast path); for route layers the whole input
     * @param params      parameter values in the order JavaScript would enumerate them: {@code String} for
     *                    {@code :name} and regex groups, {@code List<String>} for {@code *name}; absent optional
     *                    params are absent keys. A fresh mutable {@link LinkedHashMap} when the pattern declares
     *                    parameters, otherwise the shared immutable empty map — copy before mutating.
     */
    public record Match(String matchedPath, Map<String, Object> params) {

        /**
         * The router's extra check before stripping a {@code use} layer's prefix: the matched text must be a
         * verbatim prefix of {@code path} that ends at a {@code /} or at the end. Always true for an empty
         * match. (Only regex paths can fail it; string paths always satisfy it.)
         */
        public boolean isSegmentPrefixOf(String path) {
            int len = matchedPath.length();
            if (len == 0) {
                return true;
            }
            return path.startsWith(matchedPath) && (path.length() == len || path.charAt(len) == '/');
        }
    }

    private static final Match SLASH_MATCH = new Match("", Map.of());

    private final Object path;
    private final boolean end;
    private final boolean caseSensitive;
    private final boolean strict;
    private final Matcher matcher;
    private final List<String> keys;
    private final Set<List<String>> leadingSegments;

    private PathPattern(Object path, boolean end, boolean caseSensitive, boolean strict, Matcher matcher) {
        this.path = path;
        this.end = end;
        this.caseSensitive = caseSensitive;
        this.strict = strict;
        this.matcher = matcher;
        Set<String> names = new LinkedHashSet<>();
        matcher.collectKeys(names);
        this.keys = List.copyOf(names);
        this.leadingSegments = matcher.leadingSegments();
    }

    // ------------------------------------------------------------------ factories

    /**
     * Compiles a string path.
     *
     * @param path          the Express path, e.g. {@code /users/:id{/:format}}
     * @param end           true for route layers, false for {@code use} (prefix) layers
     * @param caseSensitive the {@code case sensitive routing} setting
     * @param strict        the {@code strict routing} setting (always false for {@code use} layers)
     * @throws PathSyntaxException on invalid syntax
     */
    public static PathPattern compile(String path, boolean end, boolean caseSensitive, boolean strict) {
        Objects.requireNonNull(path, "path");
        return new PathPattern(path, end, caseSensitive, strict, stringMatcher(path, end, caseSensitive, strict, true));
    }

    /**
     * Compiles a regular-expression path. Like the router, the options do not influence regex matching
     * (use inline flags such as {@code (?i)} instead); they are kept for symmetry and reporting.
     */
    public static PathPattern compile(Pattern regex, boolean end, boolean caseSensitive, boolean strict) {
        Objects.requireNonNull(regex, "regex");
        return new PathPattern(regex, end, caseSensitive, strict, new UserRegexMatcher(regex));
    }

    /**
     * Compiles an array of paths (Strings, Patterns, nested Lists, flattened). Matches if any element
     * matches; the first matching element (in order) provides the result. An empty list never matches.
     */
    public static PathPattern compile(List<?> paths, boolean end, boolean caseSensitive, boolean strict) {
        Objects.requireNonNull(paths, "paths");
        List<Object> flat = new ArrayList<>();
        flattenPaths(paths, flat);
        List<Matcher> matchers = new ArrayList<>(flat.size());
        for (Object p : flat) {
            if (p instanceof String s) {
                matchers.add(stringMatcher(s, end, caseSensitive, strict, false));
            } else if (p instanceof Pattern r) {
                matchers.add(new UserRegexMatcher(r));
            } else {
                throw new IllegalArgumentException("path must be a string, a Pattern, or a list of them, got: "
                        + (p == null ? "null" : p.getClass().getName()));
            }
        }
        Matcher m = matchers.size() == 1 ? matchers.get(0) : new AnyMatcher(matchers.toArray(new Matcher[0]));
        return new PathPattern(Collections.unmodifiableList(flat), end, caseSensitive, strict, m);
    }

    /** Dispatches on the runtime type: {@link String}, {@link Pattern} or {@link List}. */
    public static PathPattern compile(Object path, boolean end, boolean caseSensitive, boolean strict) {
        if (path instanceof String s) {
            return compile(s, end, caseSensitive, strict);
        }
        if (path instanceof Pattern p) {
            return compile(p, end, caseSensitive, strict);
        }
        if (path instanceof List<?> l) {
            return compile(l, end, caseSensitive, strict);
        }
        throw new IllegalArgumentException("path must be a string, a Pattern, or a list of them, got: "
                + (path == null ? "null" : path.getClass().getName()));
    }

    private static void flattenPaths(List<?> in, List<Object> out) {
        for (Object o : in) {
            if (o instanceof List<?> l) {
                flattenPaths(l, out);
            } else {
                out.add(o);
            }
        }
    }

    private static Matcher stringMatcher(
            String path, boolean end, boolean sensitive, boolean strict, boolean allowSlashFastPath) {
        if (allowSlashFastPath && !end && path.equals("/")) {
            return SlashMatcher.INSTANCE;
        }
        String source = strict ? path : loosen(path);
        boolean trailing = !strict;
        List<Token> tokens = PathParser.parse(source);
        if (PathCompiler.isLiteral(tokens)) {
            List<String> alternatives = PathCompiler.literalAlternatives(source, tokens);
            return new LiteralMatcher(
                    alternatives.toArray(new String[0]),
                    end,
                    sensitive,
                    trailing,
                    LeadingSegments.ofTexts(alternatives));
        }
        PathCompiler.RegexResult r = PathCompiler.regex(source, tokens, end, sensitive, trailing);
        return new PathRegexMatcher(
                Pattern.compile(r.regex()), r.keys().toArray(new Key[0]), LeadingSegments.of(tokens));
    }

    /** The router's {@code loosen}: strip all trailing slashes, except for the path {@code "/"}. */
    static String loosen(String path) {
        if (path.equals("/")) {
            return path;
        }
        int len = path.length();
        while (len > 0 && path.charAt(len - 1) == '/') {
            len--;
        }
        return path.substring(0, len);
    }

    // ------------------------------------------------------------------ API

    /**
     * Matches a request pathname (still percent-encoded).
     *
     * @return the match, or {@code null} when the path does not match (or is null)
     * @throws PathDecodeException when a captured value has a malformed percent escape (HTTP 400)
     */
    public Match match(String path) {
        if (path == null) {
            return null;
        }
        return matcher.match(path);
    }

    /**
     * The literal path segments every match starts with, as keys ({@link #segmentKey}), one list per alternative
     * (optional groups expanded, array elements): a path that starts with {@code /} and whose leading segments'
     * keys are none of these lists never matches. An empty list stands for any path (a leading parameter or
     * wildcard, a regular expression, {@code use('/')}); an empty set for none (an empty array). Keys fold case,
     * so for a case-sensitive pattern this is a necessary condition, not a sufficient one.
     */
    public Set<List<String>> leadingSegments() {
        return leadingSegments;
    }

    /** The key of the path segment {@code path[from, to)} to compare with {@link #leadingSegments()}. */
    public static String segmentKey(String path, int from, int to) {
        return LeadingSegments.key(path, from, to);
    }

    /** Distinct parameter names in declaration order (for {@code app.param}). */
    public List<String> keys() {
        return keys;
    }

    /** The path as given: a String, a Pattern, or an unmodifiable flattened List. */
    public Object path() {
        return path;
    }

    public boolean end() {
        return end;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    public boolean strict() {
        return strict;
    }

    /** Which matcher was chosen: slash, literal, regex, user-regex or any (for tests and diagnostics). */
    String strategy() {
        return matcher.strategy();
    }

    @Override
    public String toString() {
        return "PathPattern[" + path + (end ? ", end" : ", prefix") + (caseSensitive ? ", sensitive" : "")
                + (strict ? ", strict" : "") + "]";
    }

    // ------------------------------------------------------------------ matchers

    private interface Matcher {
        Match match(String path);

        void collectKeys(Set<String> out);

        String strategy();

        /** See {@link PathPattern#leadingSegments()}. */
        default Set<List<String>> leadingSegments() {
            return LeadingSegments.ANY;
        }
    }

    /** {@code use('/')}: everything matches, nothing is consumed. */
    private enum SlashMatcher implements Matcher {
        INSTANCE;

        @Override
        public Match match(String path) {
            return SLASH_MATCH;
        }

        @Override
        public String strategy() {
            return "slash";
        }

        @Override
        public void collectKeys(Set<String> out) {}
    }

    /**
     * Paths without parameters: plain string comparison equivalent to
     * {@code ^(?:alt1|alt2…)(?:/$)?} followed by {@code $} (end) or {@code (?=/|$)} (prefix).
     */
    private static final class LiteralMatcher implements Matcher {
        private final String[] alternatives;
        private final boolean end;
        private final boolean sensitive;
        private final boolean trailing;
        private final Set<List<String>> leadingSegments;

        LiteralMatcher(
                String[] alternatives,
                boolean end,
                boolean sensitive,
                boolean trailing,
                Set<List<String>> leadingSegments) {
            this.alternatives = alternatives;
            this.end = end;
            this.sensitive = sensitive;
            this.trailing = trailing;
            this.leadingSegments = leadingSegments;
        }

        @Override
        public Set<List<String>> leadingSegments() {
            return leadingSegments;
        }

        @Override
        public Match match(String path) {
            for (String lit : alternatives) {
                int n = lit.length();
                if (!startsWith(path, lit)) {
                    continue;
                }
                int rest = path.length() - n;
                if (rest == 0) {
                    return new Match(path, Map.of());
                }
                boolean slashNext = path.charAt(n) == '/';
                if (trailing && rest == 1 && slashNext) {
                    return new Match(path, Map.of());
                }
                if (!end && slashNext) {
                    return new Match(path.substring(0, n), Map.of());
                }
            }
            return null;
        }

        private boolean startsWith(String path, String lit) {
            int n = lit.length();
            if (path.length() < n) {
                return false;
            }
            if (sensitive) {
                return path.startsWith(lit);
            }
            for (int i = 0; i < n; i++) {
                if (!JsCase.equal(path.charAt(i), lit.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String strategy() {
            return "literal";
        }

        @Override
        public void collectKeys(Set<String> out) {}
    }

    /** Paths with parameters: the compiled path-to-regexp equivalent. */
    private static final class PathRegexMatcher implements Matcher {
        private final Pattern pattern;
        private final Key[] keys;
        private final boolean jsOrder;
        private final Set<List<String>> leadingSegments;

        PathRegexMatcher(Pattern pattern, Key[] keys, Set<List<String>> leadingSegments) {
            this.pattern = pattern;
            this.keys = keys;
            this.leadingSegments = leadingSegments;
            boolean indexKey = false;
            for (Key k : keys) {
                indexKey |= JsKeyOrder.isArrayIndex(k.name());
            }
            this.jsOrder = indexKey;
        }

        @Override
        public Match match(String path) {
            java.util.regex.Matcher m = pattern.matcher(path);
            if (!m.lookingAt()) {
                return null;
            }
            String matched = m.end() == path.length() ? path : path.substring(0, m.end());
            LinkedHashMap<String, Object> params = new LinkedHashMap<>();
            for (int i = 1, n = m.groupCount(); i <= n; i++) {
                int start = m.start(i);
                if (start < 0) {
                    continue;
                }
                Key key = keys[i - 1];
                String raw = path.substring(start, m.end(i));
                params.put(key.name(), key.wildcard() ? ParamDecoder.decodeSegments(raw) : ParamDecoder.decode(raw));
            }
            return new Match(matched, jsOrder ? JsKeyOrder.order(params) : params);
        }

        @Override
        public String strategy() {
            return "regex";
        }

        @Override
        public Set<List<String>> leadingSegments() {
            return leadingSegments;
        }

        @Override
        public void collectKeys(Set<String> out) {
            for (Key k : keys) {
                out.add(k.name());
            }
        }
    }

    /** RegExp paths, with the router's key naming. */
    private static final class UserRegexMatcher implements Matcher {
        /** The router's scan for capture groups in the regex source. */
        private static final Pattern MATCHING_GROUP = Pattern.compile("\\((?:\\?<(.*?)>)?(?!\\?)");

        private final Pattern pattern;
        private final String[] names;
        private final boolean jsOrder;

        UserRegexMatcher(Pattern pattern) {
            this.pattern = pattern;
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = MATCHING_GROUP.matcher(pattern.pattern());
            int next = 0;
            while (m.find()) {
                String name = m.group(1);
                names.add(name != null && !name.isEmpty() ? name : String.valueOf(next++));
            }
            this.names = names.toArray(new String[0]);
            boolean indexKey = false;
            for (String n : this.names) {
                indexKey |= JsKeyOrder.isArrayIndex(n);
            }
            this.jsOrder = indexKey;
        }

        @Override
        public Match match(String path) {
            java.util.regex.Matcher m = pattern.matcher(path);
            if (!m.find()) {
                return null;
            }
            int n = m.groupCount();
            if (n == 0) {
                return new Match(m.group(), Map.of());
            }
            LinkedHashMap<String, Object> params = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                String value = m.group(i);
                if (value == null) {
                    continue;
                }
                String name = i - 1 < names.length ? names[i - 1] : String.valueOf(i - 1);
                params.put(name, ParamDecoder.decode(value));
            }
            return new Match(m.group(), jsOrder ? JsKeyOrder.order(params) : params);
        }

        @Override
        public String strategy() {
            return "user-regex";
        }

        @Override
        public void collectKeys(Set<String> out) {
            int n = pattern.matcher("").groupCount();
            for (int i = 0; i < n; i++) {
                out.add(i < names.length ? names[i] : String.valueOf(i));
            }
        }
    }

    /** An array of paths: first match wins. */
    private static final class AnyMatcher implements Matcher {
        private final Matcher[] matchers;

        AnyMatcher(Matcher[] matchers) {
            this.matchers = matchers;
        }

        @Override
        public Match match(String path) {
            for (Matcher m : matchers) {
                Match r = m.match(path);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }

        @Override
        public String strategy() {
            return "any";
        }

        @Override
        public Set<List<String>> leadingSegments() {
            Set<List<String>> all = new LinkedHashSet<>();
            for (Matcher m : matchers) {
                all.addAll(m.leadingSegments());
            }
            return Set.copyOf(all);
        }

        @Override
        public void collectKeys(Set<String> out) {
            for (Matcher m : matchers) {
                m.collectKeys(out);
            }
        }
    }
}
