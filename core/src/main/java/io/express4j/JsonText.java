package io.express4j;

import io.express4j.spi.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Express's {@code stringify(value, replacer, spaces, escape)} for {@code res.json}: the app's mapper does the
 * serialising; this applies the {@code json replacer}, {@code json spaces} and {@code json escape} settings the
 * way {@code JSON.stringify} and Express apply them.
 */
final class JsonText {
    private JsonText() {}

    /** The JSON text, or null where {@code JSON.stringify} returns undefined (nothing to send). */
    static String stringify(JsonMapper mapper, Object value, Object replacer, Object spaces, boolean escape) {
        if (replacer instanceof BiFunction<?, ?, ?> fn) {
            @SuppressWarnings("unchecked")
            BiFunction<String, Object, Object> r = (BiFunction<String, Object, Object>) fn;
            value = replace(mapper, r, "", value);
        }
        if (value == Express.UNDEFINED) return null;
        String json = mapper.stringify(value, indent(spaces));
        return escape ? escape(json) : json;
    }

    /** {@code JSON.stringify}'s space argument: a number of spaces (at most 10) or a string (its first 10 chars). */
    static String indent(Object spaces) {
        if (spaces instanceof Number n) return " ".repeat(Math.max(0, Math.min(10, n.intValue())));
        if (spaces instanceof String s) return s.length() > 10 ? s.substring(0, 10) : s;
        return "";
    }

    /**
     * Walks the value as JSON.stringify does: the replacer sees each key (array indexes as strings) with the value as
     * JSON sees it, and what it returns is written — its own entries passed through the replacer in turn.
     */
    private static Object replace(
            JsonMapper mapper, BiFunction<String, Object, Object> replacer, String key, Object value) {
        Object v = replacer.apply(key, toTree(mapper, value));
        if (v == Express.UNDEFINED) return v;
        v = toTree(mapper, v);
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, child) -> {
                Object r = replace(mapper, replacer, String.valueOf(k), child);
                if (r != Express.UNDEFINED) out.put(String.valueOf(k), r);
            });
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object r = replace(mapper, replacer, Integer.toString(i), list.get(i));
                out.add(r == Express.UNDEFINED ? null : r);
            }
            return out;
        }
        return v;
    }

    /** Maps, lists and JSON primitives as they are; anything else (a record, a bean) as the mapper writes it. */
    private static Object toTree(JsonMapper mapper, Object v) {
        if (v == null
                || v == Express.UNDEFINED
                || v instanceof Map<?, ?>
                || v instanceof List<?>
                || v instanceof String
                || v instanceof Number
                || v instanceof Boolean) {
            return v;
        }
        return mapper.parse(mapper.stringify(v, ""));
    }

    /** {@code json escape}: {@code <}, {@code >} and {@code &} as unicode escapes, safe inside HTML. */
    private static String escape(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String rep = c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : c == '&' ? "\\u0026" : null;
            if (rep == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(json.length() + 16).append(json, 0, i);
            out.append(rep);
        }
        return out == null ? json : out.toString();
    }
}
