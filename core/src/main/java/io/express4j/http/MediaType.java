package io.express4j.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Content-Type value as the npm {@code content-type} 2.1.0 package (the one Express 5.3 uses)
 * parses and formats it; Express rewrites the charset of string bodies through it.
 *
 * <p>Parsing is lenient and never fails: the type is whatever precedes the first {@code ;},
 * trimmed and lower-cased (it is not validated); parameter names are lower-cased, values kept;
 * the first occurrence of a name wins; pieces without {@code =} and unterminated quoted values are
 * dropped; quoted values are unescaped and anything between the closing quote and the next
 * {@code ;} is ignored. Formatting is strict: an invalid type, parameter name or value throws
 * {@link IllegalArgumentException} with the package's message ({@code Invalid type: garbage}).
 *
 * <p>Parameters keep their order, except that names which are JS array indices ({@code "1"})
 * come first, as the JS object holding them enumerates them that way.
 */
public final class MediaType {

    private final String type;
    private final Map<String, String> parameters;

    private MediaType(String type, Map<String, String> parameters) {
        this.type = type;
        this.parameters = parameters;
    }

    /** Parses a Content-Type header value; never throws for a non-null input. */
    public static MediaType parse(String header) {
        Objects.requireNonNull(header, "header");
        int len = header.length();
        int typeStart = skipOws(header, 0, len);
        int index = skipValue(header, typeStart, len);
        String type = header.substring(typeStart, trimOwsEnd(header, typeStart, index))
                .toLowerCase(Locale.ROOT);
        LinkedHashMap<String, String> params = new LinkedHashMap<>();

        parameter:
        while (index < len) {
            index = skipOws(header, index + 1, len); // step over the ';'
            int keyStart = index;
            while (index < len) {
                char c = header.charAt(index);
                if (c == ';') {
                    continue parameter; // a piece without '=' is dropped
                }
                if (c == '=') {
                    String key = header.substring(keyStart, trimOwsEnd(header, keyStart, index));
                    key = key.toLowerCase(Locale.ROOT);
                    index = skipOws(header, index + 1, len);
                    if (index < len && header.charAt(index) == '"') {
                        index++;
                        StringBuilder value = new StringBuilder();
                        while (index < len) {
                            char q = header.charAt(index++);
                            if (q == '"') {
                                index = skipValue(header, index, len);
                                params.putIfAbsent(key, value.toString());
                                break;
                            }
                            if (q == '\\' && index < len) {
                                value.append(header.charAt(index++));
                            } else {
                                value.append(q);
                            }
                        }
                        continue parameter; // an unterminated quoted value is dropped
                    }
                    int valueStart = index;
                    index = skipValue(header, index, len);
                    if (!params.containsKey(key)) {
                        params.put(key, header.substring(valueStart, trimOwsEnd(header, valueStart, index)));
                    }
                    continue parameter;
                }
                index++;
            }
        }
        return new MediaType(type, params);
    }

    /** The lower-cased type as parsed, e.g. {@code text/plain}; may be invalid (see class doc). */
    public String type() {
        return type;
    }

    /** The parameters, names lower-cased, in JS enumeration order; unmodifiable. */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(JsStrings.inJsPropertyOrder(new LinkedHashMap<>(parameters)));
    }

    /** The value of parameter {@code name} (lower-case), or {@code null}. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /**
     * A copy with {@code name} set to {@code value}, like the JS assignment {@code
     * parameters[name] = value}: an existing parameter keeps its position, a new one goes last.
     */
    public MediaType withParameter(String name, String value) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new MediaType(type, copy);
    }

    /** {@code contentType.format} of this value; throws IllegalArgumentException when invalid. */
    public String format() {
        return format(type, parameters);
    }

    /** Same as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaType other && type.equals(other.type) && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + parameters.hashCode();
    }

    /**
     * {@code contentType.format({type, parameters})}: the type and names are written as given (no
     * case change), values quoted when they are not tokens.
     *
     * @throws IllegalArgumentException {@code Invalid type: <type>}, {@code Invalid parameter name:
     *     <name>} or {@code Invalid parameter value: <value>}
     */
    public static String format(String type, Map<String, String> parameters) {
        if (type == null || type.isEmpty() || !isValidType(type)) {
            throw new IllegalArgumentException("Invalid type: " + (type == null ? "undefined" : type));
        }
        if (parameters == null || parameters.isEmpty()) {
            return type;
        }
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>(parameters);
        StringBuilder out = new StringBuilder(type.length() + 16 * parameters.size());
        out.append(type);
        for (Map.Entry<String, String> p : JsStrings.inJsPropertyOrder(ordered).entrySet()) {
            String name = p.getKey();
            if (!HeaderValidation.isToken(name)) {
                throw new IllegalArgumentException("Invalid parameter name: " + name);
            }
            out.append("; ").append(name).append('=');
            appendValue(out, p.getValue());
        }
        return out.toString();
    }

    /**
     * Express's {@code setCharset}: parse {@code contentType}, set its {@code charset} parameter
     * and format it again. {@code TEXT/Plain; Foo=Bar} with {@code utf-8} gives {@code text/plain;
     * foo=Bar; charset=utf-8}. A null or empty type or charset returns {@code contentType} as is.
     *
     * @throws IllegalArgumentException when the result cannot be formatted, e.g. {@code Invalid
     *     type: garbage}
     */
    public static String withCharset(String contentType, String charset) {
        if (contentType == null || contentType.isEmpty() || charset == null || charset.isEmpty()) {
            return contentType;
        }
        // res.send(String) asks this for every response, nearly always with the same type: remember the last answer
        CharsetMemo memo = lastCharset;
        if (memo != null && memo.contentType.equals(contentType) && memo.charset.equals(charset)) {
            return memo.result;
        }
        String result = parse(contentType).withParameter("charset", charset).format();
        lastCharset = new CharsetMemo(contentType, charset, result);
        return result;
    }

    private record CharsetMemo(String contentType, String charset, String result) {}

    private static volatile CharsetMemo lastCharset;

    private static void appendValue(StringBuilder out, String value) {
        String v = value == null ? "undefined" : value;
        if (HeaderValidation.isToken(v)) {
            out.append(v);
            return;
        }
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c < 0x20 ? c != '\t' : (c == 0x7F || c > 0xFF)) {
                throw new IllegalArgumentException("Invalid parameter value: " + v);
            }
        }
        out.append('"');
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** {@code token "/" token}. */
    private static boolean isValidType(String type) {
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1) {
            return false;
        }
        for (int i = 0, n = type.length(); i < n; i++) {
            if (i != slash && !HeaderValidation.isTokenChar(type.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int skipValue(String s, int index, int len) {
        while (index < len && s.charAt(index) != ';') {
            index++;
        }
        return index;
    }

    private static int skipOws(String s, int index, int len) {
        while (index < len) {
            char c = s.charAt(index);
            if (c != ' ' && c != '\t') {
                break;
            }
            index++;
        }
        return index;
    }

    private static int trimOwsEnd(String s, int start, int end) {
        while (end > start) {
            char c = s.charAt(end - 1);
            if (c != ' ' && c != '\t') {
                break;
            }
            end--;
        }
        return end;
    }
}
