package io.express4j.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which JavaScript enumerates an object's keys: array-index keys ({@code "0"}, {@code "1"}, …)
 * first, ascending, then the others in insertion order. {@code req.params} is such an object, so a
 * {@code res.json(req.params)} shows its keys in this order.
 */
public final class JsKeyOrder {
    private JsKeyOrder() {}

    /** The same entries in JavaScript's order; returns {@code map} itself when it has no index keys. */
    public static <V> LinkedHashMap<String, V> order(LinkedHashMap<String, V> map) {
        List<String> index = new ArrayList<>();
        for (String k : map.keySet()) {
            if (isArrayIndex(k)) {
                index.add(k);
            }
        }
        if (index.isEmpty()) {
            return map;
        }
        index.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        LinkedHashMap<String, V> out = new LinkedHashMap<>();
        for (String k : index) {
            out.put(k, map.get(k));
        }
        for (Map.Entry<String, V> e : map.entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A canonical array index: 0 .. 2^32-2 without leading zeros. */
    public static boolean isArrayIndex(String s) {
        int n = s.length();
        if (n == 0 || n > 10) {
            return false;
        }
        if (n > 1 && s.charAt(0) == '0') {
            return false;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 4294967294L;
    }
}
