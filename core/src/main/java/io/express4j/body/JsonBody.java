package io.express4j.body;

import io.express4j.Express;
import io.express4j.http.JsStrings;
import io.express4j.spi.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * body-parser's JSON step: an empty body is an empty map; in strict mode the first non-whitespace character must
 * open an object or an array; the text is checked against V8's JSON grammar, parsed by the app's mapper and made to
 * look like what {@code JSON.parse} gives
 * (numbers as JS numbers, object keys in JS property order), then the reviver runs. Failures carry the message
 * Node 20's {@code JSON.parse} would throw.
 */
final class JsonBody {
    private static final double MAX_SAFE = 9007199254740991d;

    private JsonBody() {}

    /** A JSON syntax error with V8's message. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Object parse(String body, boolean strict, BiFunction<String, Object, Object> reviver, JsonMapper mapper)
            throws SyntaxError {
        if (body.isEmpty()) return new LinkedHashMap<String, Object>();
        if (strict && body.charAt(0) != '{' && body.charAt(0) != '[') {
            int first = firstNonWhitespace(body);
            char c = first < 0 ? 0 : body.charAt(first);
            if (c != '{' && c != '[') throw strictViolation(body, first);
        }
        // V8's grammar decides what is valid (one linear pass); the mapper then builds the value
        String message = JsonSyntax.errorMessage(body);
        if (message != null) throw new SyntaxError(message, null);
        Object value;
        try {
            value = mapper.parse(body);
        } catch (RuntimeException e) { // valid JSON past one of the mapper's own limits (e.g. nesting depth)
            throw new SyntaxError(e.getMessage(), e);
        }
        Object js = asJavaScript(value);
        return reviver == null ? js : revive(reviver, js);
    }

    private static int firstNonWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return i;
        }
        return -1;
    }

    /**
     * body-parser's strict-mode error: the text from the first real character on is replaced by {@code #}s, parsed,
     * and each {@code #} run in V8's message is put back as the original text from that character.
     */
    private static SyntaxError strictViolation(String body, int index) {
        String partial = index < 0 ? "" : body.substring(0, index) + "#".repeat(body.length() - index);
        String message = JsonSyntax.errorMessage(partial);
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); ) {
            if (message.charAt(i) != '#') {
                out.append(message.charAt(i++));
                continue;
            }
            int run = i;
            while (i < message.length() && message.charAt(i) == '#') i++;
            int from = Math.min(index, body.length());
            out.append(body, from, Math.min(body.length(), from + (i - run)));
        }
        return new SyntaxError(out.toString(), null);
    }

    /**
     * Numbers become what a JS number prints as (an integral value is an Integer, Long or BigInteger of its
     * shortest decimal form; others stay Double), and maps take JS property order (index-like keys first).
     */
    static Object asJavaScript(Object value) {
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), asJavaScript(v)));
            return JsStrings.inJsPropertyOrder(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(asJavaScript(v));
            return out;
        }
        if (value instanceof Integer) return value;
        if (value instanceof Long l && Math.abs(l) <= (long) MAX_SAFE) return l;
        if (value instanceof Number n) return jsNumber(n.doubleValue());
        return value;
    }

    private static Object jsNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) >= 1e21) return d;
        if (d == 0) return 0;
        if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return (int) d;
        if (Math.abs(d) <= MAX_SAFE) return (long) d;
        BigInteger big = new BigDecimal(Double.toString(d)).toBigInteger();
        return big;
    }

    /** {@code JSON.parse}'s internalize walk: children first, then the holder's key; UNDEFINED deletes. */
    private static Object revive(BiFunction<String, Object, Object> reviver, Object root) {
        return reviver.apply("", walk(reviver, root));
    }

    @SuppressWarnings("unchecked")
    private static Object walk(BiFunction<String, Object, Object> reviver, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            for (String key : new ArrayList<>(m.keySet())) {
                Object revived = reviver.apply(key, walk(reviver, m.get(key)));
                if (revived == Express.UNDEFINED) m.remove(key);
                else m.put(key, revived);
            }
        } else if (value instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0; i < l.size(); i++) {
                Object revived = reviver.apply(Integer.toString(i), walk(reviver, l.get(i)));
                l.set(i, revived == Express.UNDEFINED ? null : revived); // a deleted element is a hole: null
            }
        }
        return value;
    }
}
