package io.express4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sessions as JSON text, laid out as {@code JSON.stringify} lays them out (so a stored session or a cookie-session
 * value equals Node's), and read back as mutable maps, lists and values.
 */
final class SessionJson {
    private static final JacksonJsonMapper JSON = new JacksonJsonMapper();

    private SessionJson() {}

    static String stringify(Object value) {
        return JSON.stringify(value, "");
    }

    /** The JSON object in {@code json}; an {@link IllegalArgumentException} when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        Object value;
        try {
            value = JSON.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!(value instanceof Map<?, ?> map)) throw new IllegalArgumentException("not a JSON object");
        return map instanceof LinkedHashMap<?, ?>
                ? (Map<String, Object>) map
                : new LinkedHashMap<>((Map<String, Object>) map);
    }
}
