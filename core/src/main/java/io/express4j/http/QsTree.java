package io.express4j.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JavaScript values {@link Qs} builds while parsing — plain objects (with JS property order), possibly sparse
 * arrays, strings — and qs 6.17's {@code combine} / {@code merge} / {@code compact} over them. qs marks some
 * containers through side channels ("overflow": an object standing in for an array past {@code arrayLimit};
 * "conflict": a container made when a string meets an object); here the marks are fields.
 */
final class QsTree {
    /** A hole in a sparse array ({@code arr[5] = x} on an empty array leaves 0–4 as holes). */
    static final Object HOLE = new Object();

    private QsTree() {}

    /** A plain JS object: keys enumerate array indices first (ascending), then the rest by insertion. */
    static final class Obj {
        final LinkedHashMap<String, Object> props = new LinkedHashMap<>();
        /** The highest numeric index when this object is an overflowed array, else null. */
        Double overflowMax;
        /** The last index used when this object is a conflict container, else null. */
        Double conflictMax;

        List<String> keys() {
            return new ArrayList<>(JsStrings.inJsPropertyOrder(props).keySet());
        }

        boolean has(String key) {
            return props.containsKey(key);
        }

        Object get(String key) {
            return props.get(key);
        }

        void put(String key, Object value) {
            props.put(key, value);
        }
    }

    /** A JS array; {@link #HOLE} marks a missing element. */
    static final class Arr {
        final ArrayList<Object> items = new ArrayList<>();
        Double conflictMax;

        int length() {
            return items.size();
        }

        boolean has(int i) {
            return i < items.size() && items.get(i) != HOLE;
        }

        /** {@code arr[i] = value}, growing the array with holes as JS does. */
        void set(int i, Object value) {
            while (items.size() <= i) items.add(HOLE);
            items.set(i, value);
        }

        void push(Object value) {
            items.add(value);
        }

        int countElements() {
            int n = 0;
            for (Object o : items) if (o != HOLE) n++;
            return n;
        }
    }

    static boolean isObject(Object v) {
        return v instanceof Obj || v instanceof Arr;
    }

    /** JS truthiness for the values qs handles: null (undefined) and "" are falsy. */
    static boolean truthy(Object v) {
        return v != null && !"".equals(v);
    }

    static boolean isOverflow(Object v) {
        return v instanceof Obj o && o.overflowMax != null;
    }

    private static Double conflictOf(Object v) {
        if (v instanceof Obj o) return o.conflictMax;
        if (v instanceof Arr a) return a.conflictMax;
        return null;
    }

    private static <T> T markConflict(T v, double index) {
        if (v instanceof Obj o) o.conflictMax = index;
        if (v instanceof Arr a) a.conflictMax = index;
        return v;
    }

    static Obj markOverflow(Obj o, double maxIndex) {
        o.overflowMax = maxIndex;
        return o;
    }

    /** {@code String(n)} of a JS number used as a property key. */
    static String key(double n) {
        return JsStrings.numberToString(n);
    }

    /** {@code parseInt(key, 10)} when {@code String(that) === key}, else NaN: whether a key names an index. */
    static double canonicalInt(String key) {
        int n = key.length();
        int i = key.startsWith("-") ? 1 : 0;
        if (i == n) return Double.NaN;
        for (int j = i; j < n; j++) {
            char c = key.charAt(j);
            if (c < '0' || c > '9') return Double.NaN;
        }
        double v = Double.parseDouble(key);
        return key(v).equals(key) ? v : Double.NaN;
    }

    /** JS {@code parseInt(s, 10)}: leading whitespace, a sign, then the longest run of digits; NaN when none. */
    static double parseInt(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && JsStrings.isJsWhitespace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == start) return Double.NaN;
        double v = Double.parseDouble(s.substring(start, i));
        return negative ? -v : v;
    }

    /** {@code arrayToObject}: elements (holes skipped) under their index keys. */
    static Obj arrayToObject(List<Object> source) {
        Obj obj = new Obj();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i) != HOLE) obj.put(Integer.toString(i), source.get(i));
        }
        return obj;
    }

    /** {@code [].concat(a, b)}: arrays are spread one level, holes kept. */
    private static List<Object> concat(Object a, Object b) {
        List<Object> out = new ArrayList<>();
        for (Object v : new Object[] {a, b}) {
            if (v instanceof Arr arr) out.addAll(arr.items);
            else out.add(v);
        }
        return out;
    }

    private static Arr arrayOf(List<Object> items) {
        Arr arr = new Arr();
        arr.items.addAll(items);
        return arr;
    }

    /** qs {@code utils.combine}: appends to an overflow object, or concatenates into an array up to the limit. */
    static Object combine(Object a, Object b, double arrayLimit) {
        if (a instanceof Obj o && o.overflowMax != null) {
            List<Object> values = b instanceof Arr arr ? arr.items : List.of(b);
            double index = o.overflowMax;
            for (Object v : values) {
                index += 1;
                o.put(key(index), v);
            }
            o.overflowMax = index;
            return o;
        }
        List<Object> result = concat(a, b);
        if (result.size() > arrayLimit) return markOverflow(arrayToObject(result), result.size() - 1);
        return arrayOf(result);
    }

    /** The pair made when a string meets a value it cannot merge into (qs {@code limitedPair}). */
    private static Object limitedPair(Object first, Object second, double arrayLimit) {
        List<Object> pair = List.of(first, second);
        if (pair.size() > arrayLimit) return markOverflow(arrayToObject(pair), 1);
        return arrayOf(pair);
    }

    /** qs {@code utils.merge} with its parse defaults ({@code strictMerge}, {@code allowPrototypes}). */
    static Object merge(Object target, Object source, double arrayLimit) {
        if (!truthy(source)) return target;

        if (!isObject(source)) {
            if (target instanceof Arr arr) {
                int next = arr.length();
                if (arr.countElements() >= arrayLimit) {
                    return markOverflow(arrayToObject(concat(arr, source)), next);
                }
                arr.set(next, source);
            } else if (target instanceof Obj obj) {
                if (obj.overflowMax != null) {
                    double index = obj.overflowMax + 1;
                    obj.put(key(index), source);
                    obj.overflowMax = index;
                } else if (obj.conflictMax != null) {
                    double index = obj.conflictMax + 1;
                    obj.put(key(index), source);
                    obj.conflictMax = index;
                } else {
                    Object conflict = limitedPair(obj, source, arrayLimit);
                    return conflict instanceof Arr ? markConflict(conflict, 1) : conflict;
                }
            } else {
                return limitedPair(target, source, arrayLimit);
            }
            return target;
        }

        if (!isObject(target)) {
            if (source instanceof Obj src && src.overflowMax != null) {
                Obj result = new Obj();
                result.put("0", target);
                for (String k : src.keys()) result.put(key(parseInt(k) + 1), src.get(k));
                return markOverflow(result, src.overflowMax + 1);
            }
            List<Object> combined = concat(target, source);
            if (combined.size() > arrayLimit) return markOverflow(arrayToObject(combined), combined.size() - 1);
            return arrayOf(combined);
        }

        Object mergeTarget = target;
        if (target instanceof Arr arr && !(source instanceof Arr)) {
            Obj converted = arrayToObject(arr.items);
            if (arr.conflictMax != null) markConflict(converted, arr.length() - 1);
            mergeTarget = converted;
        }

        if (target instanceof Arr arr && source instanceof Arr src) {
            for (int i = 0; i < src.length(); i++) {
                Object item = src.items.get(i);
                if (item == HOLE) continue; // forEach skips holes
                if (arr.has(i)) {
                    Object targetItem = arr.items.get(i);
                    if (isObject(targetItem) && isObject(item)) arr.items.set(i, merge(targetItem, item, arrayLimit));
                    else arr.push(item);
                } else {
                    arr.set(i, item);
                }
            }
            if (arr.countElements() > arrayLimit) return markOverflow(arrayToObject(arr.items), arr.length() - 1);
            return arr;
        }

        Obj acc = (Obj) mergeTarget;
        List<String> keys = source instanceof Obj src ? src.keys() : indexKeys((Arr) source);
        for (String k : keys) {
            Object value = source instanceof Obj src ? src.get(k) : ((Arr) source).items.get(Integer.parseInt(k));
            acc.put(k, acc.has(k) ? merge(acc.get(k), value, arrayLimit) : value);
            if (isOverflow(source) && acc.overflowMax == null) {
                markOverflow(acc, maxNumericIndex(acc, ((Obj) source).overflowMax));
            }
            double n = canonicalInt(k);
            if (acc.overflowMax != null && n >= 0 && n > acc.overflowMax) acc.overflowMax = n;
            if (acc.conflictMax != null && n > acc.conflictMax) acc.conflictMax = n;
        }
        return acc;
    }

    private static List<String> indexKeys(Arr arr) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < arr.length(); i++) if (arr.items.get(i) != HOLE) keys.add(Integer.toString(i));
        return keys;
    }

    private static double maxNumericIndex(Obj obj, double min) {
        double max = min;
        for (String k : obj.props.keySet()) {
            double n = canonicalInt(k);
            if (n > max) max = n;
        }
        return max;
    }

    /**
     * qs {@code compact} (holes dropped from every array) and the conversion to plain Java values: objects become
     * {@code LinkedHashMap}s in JS property order, arrays {@code ArrayList}s, strings stay strings.
     */
    static Object toJava(Object v) {
        if (v instanceof Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : o.keys()) out.put(k, toJava(o.get(k)));
            return out;
        }
        if (v instanceof Arr a) {
            List<Object> out = new ArrayList<>(a.length());
            for (Object item : a.items) if (item != HOLE) out.add(toJava(item));
            return out;
        }
        return v;
    }

    /** JS {@code ToUint16} of an integral number, as {@code String.fromCharCode} applies it. */
    static char toUint16(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) return 0;
        return (char) new BigDecimal(n).toBigInteger().intValue();
    }
}
