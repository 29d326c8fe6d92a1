package io.express4j.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JavaScript literals for the twin routes: objects keep their key order, arrays may hold null. */
final class Js {
    private Js() {}

    /** {@code {k1: v1, k2: v2, …}} in that order. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }

    /** {@code [a, b, …]}. */
    static List<Object> arr(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
