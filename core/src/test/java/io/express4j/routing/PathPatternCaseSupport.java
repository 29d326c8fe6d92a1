package io.express4j.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Row model of the table-driven PathPattern tests. */
class PathPatternCaseSupport {

    /** Expected outcome of compiling {@code path} with {@code opts} and matching {@code input}. */
    sealed interface Expect permits NoMatch, Matched, DecodeError, SyntaxError {}

    record NoMatch() implements Expect {
        @Override
        public String toString() {
            return "no match";
        }
    }

    /** {@code params} is insertion-ordered as JavaScript's {@code Object.keys} would list them. */
    record Matched(String matchedPath, Map<String, Object> params) implements Expect {
        @Override
        public String toString() {
            return "match '" + matchedPath + "' " + params;
        }
    }

    record DecodeError(String message) implements Expect {}

    record SyntaxError(String message) implements Expect {}

    /**
     * @param path  String, Pattern or List
     * @param opts  R (route), RS (strict route), RC (case-sensitive route), RSC, U (use), UC (case-sensitive use)
     */
    record Row(Object path, String opts, String input, Expect expect) {
        boolean end() {
            return opts.startsWith("R");
        }

        boolean strict() {
            return opts.contains("S");
        }

        boolean caseSensitive() {
            return opts.contains("C");
        }

        @Override
        public String toString() {
            return opts + " " + show(path) + " <- " + show(input) + " => " + expect;
        }

        private static String show(Object o) {
            if (o instanceof String s) {
                StringBuilder sb = new StringBuilder("'");
                for (char c : s.toCharArray()) {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
                return sb.append('\'').toString();
            }
            if (o instanceof java.util.regex.Pattern p) {
                return "/" + p.pattern() + "/";
            }
            if (o instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (Object e : l) {
                    parts.add(show(e));
                }
                return parts.toString();
            }
            return String.valueOf(o);
        }
    }
}
