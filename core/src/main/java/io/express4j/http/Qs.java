package io.express4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code qs.parse} (qs 6.17.1, the version Express 5.3 and body-parser 2.4 install) with the options those two pass:
 * Express's "extended" query parser and {@code express.urlencoded()} (flat with {@code depth 0}, nested with
 * {@code extended: true}). Nested keys ({@code a[b][c]=1}, {@code a[]=1}, {@code a[0]=1}) build maps and lists;
 * an index at or past {@code arrayLimit} turns the list into a map with index keys, as qs does; {@code __proto__} is
 * ignored as a key. The result is a {@code LinkedHashMap} in JS property order (index-like keys first), with
 * {@code String}, {@code List} and {@code Map} values.
 */
public final class Qs {
    private static final String UTF8_SENTINEL = "utf8=%E2%9C%93";
    private static final String ISO_SENTINEL = "utf8=%26%2310003%3B";

    private Qs() {}

    /** qs's parse options (only those Express and body-parser use); defaults are qs's own. */
    public static final class Options {
        private boolean allowPrototypes;
        private double arrayLimit = 20;
        private double depth = 5;
        private double parameterLimit = 1000;
        private boolean strictDepth;
        private boolean iso88591;
        private boolean charsetSentinel;
        private boolean interpretNumericEntities;

        /** Keys named like {@code Object.prototype} members ({@code toString}) are kept (Express and body-parser). */
        public Options allowPrototypes(boolean v) {
            allowPrototypes = v;
            return this;
        }

        /** Indices at or past this make a map instead of a list; {@code Double.POSITIVE_INFINITY} for none. */
        public Options arrayLimit(double v) {
            // lists are dense here (JS arrays are sparse): keep an index from allocating without bound
            if (v > 10_000_000) throw new IllegalArgumentException("arrayLimit above 10,000,000 is not supported");
            arrayLimit = v;
            return this;
        }

        /** How many bracket groups are nested; 0 keeps every key flat. */
        public Options depth(double v) {
            depth = v;
            return this;
        }

        /** Pieces past this are ignored; {@code Double.POSITIVE_INFINITY} for none. */
        public Options parameterLimit(double v) {
            parameterLimit = v;
            return this;
        }

        /** Deeper nesting than {@code depth} throws {@link DepthExceededException} instead of keeping the rest flat. */
        public Options strictDepth(boolean v) {
            strictDepth = v;
            return this;
        }

        /** {@code "utf-8"} (default) or {@code "iso-8859-1"}: how {@code %XX} escapes decode. */
        public Options charset(String charset) {
            if (!"utf-8".equals(charset) && !"iso-8859-1".equals(charset)) {
                throw new IllegalArgumentException("The charset option must be either utf-8, iso-8859-1, or undefined");
            }
            iso88591 = "iso-8859-1".equals(charset);
            return this;
        }

        /** A {@code utf8=✓} piece chooses the charset (and is dropped). */
        public Options charsetSentinel(boolean v) {
            charsetSentinel = v;
            return this;
        }

        /** In iso-8859-1, {@code &#NNNN;} in values becomes that character. */
        public Options interpretNumericEntities(boolean v) {
            interpretNumericEntities = v;
            return this;
        }
    }

    /** Thrown for nesting deeper than {@code depth} with {@code strictDepth} (qs's RangeError). */
    public static final class DepthExceededException extends RuntimeException {
        DepthExceededException(double depth) {
            super("Input depth exceeded depth option of " + JsStrings.numberToString(depth)
                    + " and strictDepth is true");
        }
    }

    /** {@code qs.parse(str)} with qs's defaults. */
    public static Map<String, Object> parse(String str) {
        return parse(str, new Options());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String str, Options options) {
        QsTree.Obj obj = new QsTree.Obj();
        if (str == null || str.isEmpty()) return (Map<String, Object>) QsTree.toJava(obj);
        QsTree.Obj values = parseValues(str, options);
        Object merged = obj;
        for (String key : values.keys()) {
            Object nested = parseKeys(key, values.get(key), options);
            merged = QsTree.merge(merged, nested, options.arrayLimit);
        }
        return (Map<String, Object>) QsTree.toJava(merged);
    }

    /** The flat pass: split on {@code &}, decode keys and values, combine repeated keys. */
    private static QsTree.Obj parseValues(String str, Options options) {
        QsTree.Obj obj = new QsTree.Obj();
        String clean = replaceBrackets(str);
        List<String> parts = split(clean, options.parameterLimit);
        boolean iso = options.iso88591;
        int skipIndex = -1;
        if (options.charsetSentinel) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).startsWith("utf8=")) {
                    if (parts.get(i).equals(UTF8_SENTINEL)) iso = false;
                    else if (parts.get(i).equals(ISO_SENTINEL)) iso = true;
                    skipIndex = i;
                    break;
                }
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i == skipIndex) continue;
            String part = parts.get(i);
            int bracketEquals = part.indexOf("]=");
            int pos = bracketEquals == -1 ? part.indexOf('=') : bracketEquals + 1;
            String key;
            String val;
            if (pos == -1) {
                key = decode(part, iso);
                val = "";
            } else {
                key = decode(part.substring(0, pos), iso);
                val = decode(part.substring(pos + 1), iso);
            }
            if (!val.isEmpty() && options.interpretNumericEntities && iso) val = interpretNumericEntities(val);
            if (obj.has(key)) obj.put(key, QsTree.combine(obj.get(key), val, options.arrayLimit));
            else obj.put(key, val);
        }
        return obj;
    }

    /** {@code str.replace(/%5B/gi, '[').replace(/%5D/gi, ']')}. */
    private static String replaceBrackets(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && s.charAt(i + 1) == '5') {
                char d = s.charAt(i + 2);
                if (d == 'B' || d == 'b') {
                    out.append('[');
                    i += 2;
                    continue;
                }
                if (d == 'D' || d == 'd') {
                    out.append(']');
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code str.split('&', limit)}: at most {@code limit} pieces. */
    private static List<String> split(String s, double limit) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (parts.size() < limit) {
            int amp = s.indexOf('&', start);
            if (amp < 0) {
                parts.add(s.substring(start));
                break;
            }
            parts.add(s.substring(start, amp));
            start = amp + 1;
        }
        return parts;
    }

    /** qs {@code utils.decode}: {@code +} is a space; utf-8 via decodeURIComponent (raw on failure), or latin-1. */
    static String decode(String s, boolean iso) {
        String plain = s.indexOf('+') < 0 ? s : s.replace('+', ' ');
        if (plain.indexOf('%') < 0) return plain;
        if (!iso) {
            String decoded = JsStrings.decodeURIComponent(plain);
            return decoded == null ? plain : decoded;
        }
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            int b = c == '%' ? JsStrings.hexByte(plain, i) : -1;
            if (b >= 0) {
                out.append((char) b);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code &#NNNN;} → the character (astral code points as a surrogate pair, others through ToUint16). */
    private static String interpretNumericEntities(String s) {
        int amp = s.indexOf("&#");
        if (amp < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i + 2;
            if (s.startsWith("&#", i)) {
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
                if (j > i + 2 && j < s.length() && s.charAt(j) == ';') {
                    double c = Double.parseDouble(s.substring(i + 2, j));
                    if (c > 0xFFFF && c <= 0x10FFFF) out.appendCodePoint((int) c);
                    else out.append(QsTree.toUint16(c));
                    i = j + 1;
                    continue;
                }
            }
            out.append(s.charAt(i++));
        }
        return out.toString();
    }

    /** Splits {@code a[b][c]} into {@code a}, {@code [b]}, {@code [c]} (at most {@code depth} groups) and nests. */
    private static Object parseKeys(String givenKey, Object val, Options options) {
        if (givenKey.isEmpty()) return null;
        List<String> segments = segments(givenKey, options);
        return parseObject(segments, val, options);
    }

    private static List<String> segments(String key, Options options) {
        List<String> segments = new ArrayList<>();
        if (options.depth <= 0) {
            segments.add(key);
            return segments;
        }
        int first = key.indexOf('[');
        String parent = first >= 0 ? key.substring(0, first) : key;
        if (!parent.isEmpty()) segments.add(parent);
        int n = key.length();
        int open = first;
        int collected = 0;
        while (open >= 0 && collected < options.depth) {
            int level = 1;
            int i = open + 1;
            int close = -1;
            while (i < n && close < 0) {
                char c = key.charAt(i);
                if (c == '[') {
                    level++;
                } else if (c == ']') {
                    level--;
                    if (level == 0) close = i;
                }
                i++;
            }
            if (close < 0) {
                segments.add("[" + key.substring(open) + "]");
                return segments;
            }
            segments.add(key.substring(open, close + 1));
            collected++;
            open = key.indexOf('[', close + 1);
        }
        if (open >= 0) {
            if (options.strictDepth) throw new DepthExceededException(options.depth);
            segments.add("[" + key.substring(open) + "]");
        }
        return segments;
    }

    /** Builds the value from the innermost segment outwards. */
    private static Object parseObject(List<String> chain, Object val, Options options) {
        Object leaf = val;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String root = chain.get(i);
            Object obj;
            if (root.equals("[]")) {
                obj = QsTree.isOverflow(leaf) ? leaf : QsTree.combine(new QsTree.Arr(), leaf, options.arrayLimit);
            } else {
                String clean = root.length() >= 2 && root.charAt(0) == '[' && root.charAt(root.length() - 1) == ']'
                        ? root.substring(1, root.length() - 1)
                        : root;
                double index = QsTree.canonicalInt(clean);
                boolean validIndex = !Double.isNaN(index) && !root.equals(clean) && index >= 0;
                if (validIndex && index < options.arrayLimit) {
                    QsTree.Arr arr = new QsTree.Arr();
                    arr.set((int) index, leaf);
                    obj = arr;
                } else if (validIndex) {
                    QsTree.Obj o = new QsTree.Obj();
                    o.put(clean, leaf);
                    obj = QsTree.markOverflow(o, index);
                } else {
                    QsTree.Obj o = new QsTree.Obj();
                    if (!clean.equals("__proto__")) o.put(clean, leaf);
                    obj = o;
                }
            }
            leaf = obj;
        }
        return leaf;
    }
}
