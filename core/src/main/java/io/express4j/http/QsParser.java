package io.express4j.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * npm {@code qs} 6.17's {@code parse}, the nested query-string parser behind Express 5's {@code "extended"} query
 * parser ({@code qs.parse(str, {allowPrototypes: true})}: depth 5, arrayLimit 20, parameterLimit 1000) and
 * body-parser 2's urlencoded parser (other limits, {@code strictDepth}, latin-1 and the {@code utf8=✓} sentinel).
 *
 * <p>{@code a[b][c]=1} nests maps, {@code a[]=1&a[]=2} and {@code a[0]=1} build lists, repeated keys combine into a
 * list. Limits degrade rather than fail, exactly as qs does: an index at or above {@code arrayLimit} makes a map
 * keyed by the index, a list growing past the limit turns into such a map, brackets beyond {@code depth} stay one
 * literal key. The result uses {@code Map<String, Object>} (JavaScript property order: index-like keys first,
 * ascending), {@code List<Object>} and {@code String}.
 *
 * <p>The port keeps qs's intermediate JavaScript shapes: sparse arrays ({@link #HOLE}), and the "overflow" and
 * "conflict" marks qs keeps on some containers in side tables (here identity maps living for one parse).
 */
public final class QsParser {

    /** Parse options; {@link #EXPRESS_QUERY} is what Express 5's {@code "extended"} query parser passes. */
    public record Options(int depth, int arrayLimit, int parameterLimit, boolean strictDepth, boolean latin1,
            boolean charsetSentinel, boolean interpretNumericEntities) {
        /** qs defaults with {@code allowPrototypes}: depth 5, arrayLimit 20, parameterLimit 1000. */
        public static final Options EXPRESS_QUERY = new Options(5, 20, 1000, false, false, false, false);

        /** {@code parameterLimit} of {@link Integer#MAX_VALUE} means no limit (qs's {@code Infinity}). */
        public Options {
            if (parameterLimit < 1) {
                throw new IllegalArgumentException("parameterLimit must be positive");
            }
        }

        public Options withDepth(int value) {
            return new Options(value, arrayLimit, parameterLimit, strictDepth, latin1, charsetSentinel,
                    interpretNumericEntities);
        }

        public Options withArrayLimit(int value) {
            return new Options(depth, value, parameterLimit, strictDepth, latin1, charsetSentinel,
                    interpretNumericEntities);
        }

        public Options withParameterLimit(int value) {
            return new Options(depth, arrayLimit, value, strictDepth, latin1, charsetSentinel,
                    interpretNumericEntities);
        }

        public Options withStrictDepth(boolean value) {
            return new Options(depth, arrayLimit, parameterLimit, value, latin1, charsetSentinel,
                    interpretNumericEntities);
        }

        /** {@code charset: 'iso-8859-1'}: {@code %XX} escapes are single latin-1 characters. */
        public Options withLatin1(boolean value) {
            return new Options(depth, arrayLimit, parameterLimit, strictDepth, value, charsetSentinel,
                    interpretNumericEntities);
        }

        public Options withCharsetSentinel(boolean value) {
            return new Options(depth, arrayLimit, parameterLimit, strictDepth, latin1, value,
                    interpretNumericEntities);
        }

        public Options withInterpretNumericEntities(boolean value) {
            return new Options(depth, arrayLimit, parameterLimit, strictDepth, latin1, charsetSentinel, value);
        }
    }

    /** Thrown with {@code strictDepth} when a key nests deeper than {@code depth} (qs's RangeError). */
    public static final class DepthExceededException extends IllegalArgumentException {
        DepthExceededException(int depth) {
            super("Input depth exceeded depth option of " + depth + " and strictDepth is true");
        }
    }

    /** A hole of a sparse JavaScript array (never in the result: qs compacts them away). */
    private static final Object HOLE = new Object();
    private static final String ISO_SENTINEL = "utf8=%26%2310003%3B";
    private static final String UTF8_SENTINEL = "utf8=%E2%9C%93";

    private final Options options;
    private final Map<Object, Double> overflow = new IdentityHashMap<>();
    private final Map<Object, Double> conflict = new IdentityHashMap<>();
    private boolean latin1;

    private QsParser(Options options) {
        this.options = options;
        this.latin1 = options.latin1();
    }

    /** Express 5's {@code "extended"} {@code req.query}. */
    public static Map<String, Object> parse(String query) {
        return parse(query, Options.EXPRESS_QUERY);
    }

    /**
     * {@code qs.parse(query, options)}; {@code null} or {@code ""} gives an empty map.
     *
     * @throws DepthExceededException only with {@code strictDepth}
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String query, Options options) {
        if (query == null || query.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return (Map<String, Object>) new QsParser(options).run(query);
    }

    private Object run(String str) {
        Map<String, Object> temp = parseValues(str);
        Object obj = new LinkedHashMap<String, Object>();
        for (String key : jsKeys(temp)) {
            Object newObj = parseKeys(key, temp.get(key));
            obj = merge(obj, newObj);
        }
        return compact(obj);
    }

    // ---------------------------------------------------------------- flat pass: key=value pairs

    private Map<String, Object> parseValues(String str) {
        Map<String, Object> obj = new LinkedHashMap<>();
        String clean = QsText.replaceEncodedBrackets(str);
        List<String> parts = QsText.split(clean, options.parameterLimit());
        int skipIndex = -1;
        if (options.charsetSentinel()) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).startsWith("utf8=")) {
                    if (parts.get(i).equals(UTF8_SENTINEL)) {
                        latin1 = false;
                    } else if (parts.get(i).equals(ISO_SENTINEL)) {
                        latin1 = true;
                    }
                    skipIndex = i;
                    break;
                }
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i == skipIndex) {
                continue;
            }
            String part = parts.get(i);
            int bracketEquals = part.indexOf("]=");
            int pos = bracketEquals == -1 ? part.indexOf('=') : bracketEquals + 1;
            String key;
            Object val;
            if (pos == -1) {
                key = QsText.decode(part, latin1);
                val = "";
            } else {
                key = QsText.decode(part.substring(0, pos), latin1);
                val = QsText.decode(part.substring(pos + 1), latin1);
            }
            if (options.interpretNumericEntities() && latin1 && !((String) val).isEmpty()) {
                val = QsText.interpretNumericEntities((String) val);
            }
            if (obj.containsKey(key)) {
                obj.put(key, combine(obj.get(key), val));
            } else {
                obj.put(key, val);
            }
        }
        return obj;
    }

    // ---------------------------------------------------------------- keys: a[b][c] → nested containers

    private Object parseKeys(String givenKey, Object val) {
        if (givenKey.isEmpty()) {
            return null;
        }
        return parseObject(splitKeyIntoSegments(givenKey), val);
    }

    private List<String> splitKeyIntoSegments(String key) {
        List<String> segments = new ArrayList<>();
        if (options.depth() <= 0) {
            segments.add(key);
            return segments;
        }
        int first = key.indexOf('[');
        String parent = first >= 0 ? key.substring(0, first) : key;
        if (!parent.isEmpty()) {
            segments.add(parent);
        }
        int n = key.length();
        int open = first;
        int collected = 0;
        while (open >= 0 && collected < options.depth()) {
            int level = 1;
            int i = open + 1;
            int close = -1;
            while (i < n && close < 0) {
                char c = key.charAt(i);
                if (c == '[') {
                    level++;
                } else if (c == ']') {
                    level--;
                    if (level == 0) {
                        close = i;
                    }
                }
                i++;
            }
            if (close < 0) {
                // an unterminated group stays one literal segment
                segments.add("[" + key.substring(open) + "]");
                return segments;
            }
            segments.add(key.substring(open, close + 1));
            collected++;
            open = key.indexOf('[', close + 1);
        }
        if (open >= 0) {
            if (options.strictDepth()) {
                throw new DepthExceededException(options.depth());
            }
            segments.add("[" + key.substring(open) + "]");
        }
        return segments;
    }

    private Object parseObject(List<String> chain, Object val) {
        Object leaf = val;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String root = chain.get(i);
            Object obj;
            if (root.equals("[]")) {
                obj = overflow.containsKey(leaf) ? leaf : combine(new ArrayList<>(), leaf);
            } else {
                Map<String, Object> map = new LinkedHashMap<>();
                obj = map;
                String decodedRoot = root.length() >= 2 && root.charAt(0) == '[' && root.charAt(root.length() - 1) == ']'
                        ? root.substring(1, root.length() - 1) : root;
                double index = arrayIndex(decodedRoot);
                boolean validIndex = index >= 0 && !root.equals(decodedRoot);
                if (validIndex && index < options.arrayLimit()) {
                    List<Object> list = new ArrayList<>();
                    setIndex(list, (int) index, leaf);
                    obj = list;
                } else if (validIndex) {
                    map.put(decodedRoot, leaf);
                    overflow.put(map, index);
                } else if (!decodedRoot.equals("__proto__")) {
                    map.put(decodedRoot, leaf);
                }
            }
            leaf = obj;
        }
        return leaf;
    }

    /**
     * {@code parseInt(s, 10)} when {@code String(parseInt(s, 10)) === s} and it is not negative, else -1: the
     * keys qs treats as array indices.
     */
    private static double arrayIndex(String s) {
        if (s.isEmpty() || s.length() > 400) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!JsStrings.isDigit(s.charAt(i))) {
                return -1;
            }
        }
        double value = new BigDecimal(s).doubleValue();
        return JsStrings.numberToString(value).equals(s) ? value : -1;
    }

    // ---------------------------------------------------------------- qs utils: combine, merge, compact

    /** {@code utils.combine(a, b)}: {@code [].concat(a, b)}, a map keyed by index once past {@code arrayLimit}. */
    private Object combine(Object a, Object b) {
        if (overflow.containsKey(a)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) a;
            double next = overflow.get(a);
            for (Object v : b instanceof List<?> list ? list : List.of(b)) {
                next += 1;
                map.put(JsStrings.numberToString(next), v);
            }
            overflow.put(a, next);
            return a;
        }
        List<Object> result = concat(a, b);
        if (result.size() > options.arrayLimit()) {
            return markOverflow(arrayToObject(result), result.size() - 1);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Object merge(Object target, Object source) {
        if (source == null || "".equals(source)) {
            return target;
        }
        if (source instanceof String) {
            if (target instanceof List<?> t) {
                List<Object> list = (List<Object>) t;
                int nextIndex = list.size();
                if (countElements(list) >= options.arrayLimit()) {
                    return markOverflow(arrayToObject(concat(list, source)), nextIndex);
                }
                list.add(source);
            } else if (target instanceof Map<?, ?> t) {
                Map<String, Object> map = (Map<String, Object>) t;
                if (overflow.containsKey(map)) {
                    double next = overflow.get(map) + 1;
                    map.put(JsStrings.numberToString(next), source);
                    overflow.put(map, next);
                } else if (conflict.containsKey(map)) {
                    double next = conflict.get(map) + 1;
                    map.put(JsStrings.numberToString(next), source);
                    conflict.put(map, next);
                } else {
                    Object pair = limitedPair(map, source);
                    if (pair instanceof List<?>) {
                        conflict.put(pair, 1d);
                    }
                    return pair;
                }
            } else {
                return limitedPair(target, source);
            }
            return target;
        }

        if (!(target instanceof List<?>) && !(target instanceof Map<?, ?>)) {
            if (overflow.containsKey(source)) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("0", target);
                for (Map.Entry<String, Object> e : ((Map<String, Object>) source).entrySet()) {
                    double index = parseIntPrefix(e.getKey());
                    result.put(JsStrings.numberToString(index + 1), e.getValue());
                }
                return markOverflow(result, overflow.get(source) + 1);
            }
            List<Object> combined = concat(List.of(target), source);
            if (combined.size() > options.arrayLimit()) {
                return markOverflow(arrayToObject(combined), combined.size() - 1);
            }
            return combined;
        }

        Object mergeTarget = target;
        if (target instanceof List<?> t && !(source instanceof List<?>)) {
            mergeTarget = arrayToObject((List<Object>) t);
            if (conflict.containsKey(target)) {
                conflict.put(mergeTarget, (double) (t.size() - 1));
            }
        }
        if (target instanceof List<?> t && source instanceof List<?> s) {
            List<Object> list = (List<Object>) t;
            List<Object> src = (List<Object>) s;
            for (int i = 0; i < src.size(); i++) {
                Object item = src.get(i);
                if (item == HOLE) {
                    continue;
                }
                if (i < list.size() && list.get(i) != HOLE) {
                    Object targetItem = list.get(i);
                    if (isContainer(targetItem) && isContainer(item)) {
                        list.set(i, merge(targetItem, item));
                    } else {
                        list.add(item);
                    }
                } else {
                    setIndex(list, i, item);
                }
            }
            if (countElements(list) > options.arrayLimit()) {
                return markOverflow(arrayToObject(list), list.size() - 1);
            }
            return list;
        }

        Map<String, Object> acc = (Map<String, Object>) mergeTarget;
        for (Map.Entry<String, Object> e : entries(source)) {
            String key = e.getKey();
            Object value = e.getValue();
            if (acc.containsKey(key)) {
                acc.put(key, merge(acc.get(key), value));
            } else {
                acc.put(key, value);
            }
            if (overflow.containsKey(source) && !overflow.containsKey(acc)) {
                overflow.put(acc, maxNumericIndex(acc, overflow.get(source)));
            }
            double keyNum = canonicalIndex(key);
            if (overflow.containsKey(acc) && keyNum >= 0 && keyNum > overflow.get(acc)) {
                overflow.put(acc, keyNum);
            }
            if (conflict.containsKey(acc) && keyNum >= 0 && keyNum > conflict.get(acc)) {
                conflict.put(acc, keyNum);
            }
        }
        return acc;
    }

    /** {@code [first, second]}, or an index-keyed map when even two exceed {@code arrayLimit}. */
    private Object limitedPair(Object first, Object second) {
        List<Object> pair = new ArrayList<>(List.of(first, second));
        if (pair.size() > options.arrayLimit()) {
            return markOverflow(arrayToObject(pair), 1);
        }
        return pair;
    }

    private Object markOverflow(Map<String, Object> map, double maxIndex) {
        overflow.put(map, maxIndex);
        return map;
    }

    /** JavaScript {@code [].concat(a, b)}: arrays are spread one level (holes kept), anything else appended. */
    private static List<Object> concat(Object a, Object b) {
        List<Object> out = new ArrayList<>();
        for (Object o : new Object[] {a, b}) {
            if (o instanceof List<?> list) {
                out.addAll(list);
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /** {@code utils.arrayToObject}: the present elements keyed by index. */
    private static Map<String, Object> arrayToObject(List<Object> source) {
        Map<String, Object> obj = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i) != HOLE) {
                obj.put(Integer.toString(i), source.get(i));
            }
        }
        return obj;
    }

    private static int countElements(List<Object> list) {
        int count = 0;
        for (Object o : list) {
            if (o != HOLE) {
                count++;
            }
        }
        return count;
    }

    private static void setIndex(List<Object> list, int index, Object value) {
        while (list.size() < index) {
            list.add(HOLE);
        }
        if (index < list.size()) {
            list.set(index, value);
        } else {
            list.add(value);
        }
    }

    private static boolean isContainer(Object o) {
        return o instanceof List<?> || o instanceof Map<?, ?>;
    }

    /** {@code Object.keys(source)} with values: a list's present indices, a map's keys in JS property order. */
    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Object>> entries(Object source) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        if (source instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != HOLE) {
                    out.add(Map.entry(Integer.toString(i), list.get(i)));
                }
            }
            return out;
        }
        Map<String, Object> map = (Map<String, Object>) source;
        for (String key : jsKeys(map)) {
            out.add(new java.util.AbstractMap.SimpleEntry<>(key, map.get(key)));
        }
        return out;
    }

    private static List<String> jsKeys(Map<String, ?> map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(map);
        return new ArrayList<>(JsStrings.inJsPropertyOrder(copy).keySet());
    }

    /** {@code utils.maxNumericIndex}: the largest canonical integer key, at least {@code min}. */
    private static double maxNumericIndex(Map<String, Object> obj, double min) {
        double max = min;
        for (String key : obj.keySet()) {
            double n = canonicalIndex(key);
            if (n >= 0 && n > max) {
                max = n;
            }
        }
        return max;
    }

    /** The key as a number when {@code String(parseInt(key, 10)) === key} and it is not negative, else -1. */
    private static double canonicalIndex(String key) {
        return arrayIndex(key);
    }

    /** {@code parseInt(key, 10)} (NaN for no leading digits) — used to shift an overflow map's keys. */
    private static double parseIntPrefix(String key) {
        String t = JsStrings.trim(key);
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < t.length() && JsStrings.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == start) {
            return Double.NaN;
        }
        double v = new BigDecimal(t.substring(start, i)).doubleValue();
        return negative ? -v : v;
    }

    /** {@code utils.compact}: sparse arrays lose their holes; maps are re-keyed in JavaScript property order. */
    @SuppressWarnings("unchecked")
    private static Object compact(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (o != HOLE) {
                    out.add(compact(o));
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (String key : jsKeys((Map<String, Object>) map)) {
                out.put(key, compact(map.get(key)));
            }
            return out;
        }
        return value;
    }
}
