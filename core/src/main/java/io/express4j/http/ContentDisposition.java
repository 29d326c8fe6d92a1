package io.express4j.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Content-Disposition} construction as npm {@code content-disposition} 2.0.1 does it for
 * Express 5.3.0's {@code res.attachment} and {@code res.download}. A printable US-ASCII name without
 * {@code %XX} sequences becomes {@code filename=}; any other name gets an ASCII fallback (each
 * character outside 0x20-0x7E replaced by {@code ?}) plus {@code filename*=UTF-8''…} (RFC 8187).
 * Parameter values that are HTTP tokens are emitted unquoted (new in 2.x: {@code filename=plans.pdf}),
 * others as quoted strings with {@code \} and {@code "} escaped.
 */
public final class ContentDisposition {

    private ContentDisposition() {}

    /**
     * content-disposition {@code create(filename, {type})}. A {@code null} filename gives just the
     * type; a {@code null} or empty type means {@code attachment}. The name is used as given (no
     * basename; see {@link #attachment(String)}).
     *
     * @throws IllegalArgumentException {@code Invalid type: …} for a type that is not a token
     */
    public static String format(String filename, String type) {
        return create(filename, type, null, true);
    }

    /** As {@link #format(String, String)}; {@code fallback=false} omits the ASCII {@code filename=} fallback. */
    public static String format(String filename, String type, boolean fallback) {
        return create(filename, type, null, fallback);
    }

    /**
     * As {@link #format(String, String)} with an explicit US-ASCII fallback name ({@code null} = generated).
     *
     * @throws IllegalArgumentException {@code Fallback must be valid US-ASCII: …}
     */
    public static String format(String filename, String type, String fallback) {
        return create(filename, type, fallback, true);
    }

    /**
     * What Express sets for {@code res.attachment(path)} / {@code res.download(path)}:
     * {@code attachment} with the POSIX {@link #basename(String)} of {@code path} ({@code null} path:
     * plain {@code attachment}).
     */
    public static String attachment(String path) {
        return format(path == null ? null : basename(path), null);
    }

    /** Node's {@code path.posix.basename}: the last segment, ignoring trailing slashes. */
    public static String basename(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "";
        }
        return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
    }

    private static String create(String filename, String type, String fallbackName, boolean fallback) {
        String t = type == null || type.isEmpty() ? "attachment" : type;
        Map<String, String> params = null;
        if (filename != null) {
            params = new LinkedHashMap<>();
            if (fallbackName != null) {
                if (!isAsciiText(fallbackName)) {
                    throw new IllegalArgumentException("Fallback must be valid US-ASCII: " + fallbackName);
                }
                if (fallbackName.equals(filename)) {
                    params.put("filename", filename);
                } else {
                    params.put("filename", fallbackName);
                    params.put("filename*", encodeExtended(filename));
                }
            } else if (isAsciiText(filename) && !hasHexEscape(filename)) {
                params.put("filename", filename);
            } else {
                if (fallback) {
                    params.put("filename", toAscii(filename));
                }
                params.put("filename*", encodeExtended(filename));
            }
        }
        return formatHeader(t, params, false);
    }

    /**
     * content-disposition {@code format({type, parameters}, {extended})}: token values bare, text
     * (0x20-0x7E, 0x80-0xFF) values quoted; other values become {@code name*=} extended values when
     * {@code extended}, else are rejected.
     *
     * @throws IllegalArgumentException {@code Invalid type: …}, {@code Invalid parameter name: …},
     *     {@code Invalid parameter value: …}
     */
    public static String formatHeader(String type, Map<String, String> parameters, boolean extended) {
        if (type == null || !isToken(type)) {
            throw new IllegalArgumentException("Invalid type: " + (type == null ? "undefined" : type));
        }
        StringBuilder result = new StringBuilder(type);
        if (parameters != null) {
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                String param = e.getKey();
                String value = e.getValue();
                if (!isToken(param)) {
                    throw new IllegalArgumentException("Invalid parameter name: " + param);
                }
                if (isToken(value)) {
                    result.append("; ").append(param).append('=').append(value);
                } else if (isText(value)) {
                    result.append("; ").append(param).append('=').append(quote(value));
                } else if (extended) {
                    result.append("; ").append(param).append("*=").append(encodeExtended(value));
                } else {
                    throw new IllegalArgumentException("Invalid parameter value: " + value);
                }
            }
        }
        return result.toString();
    }

    /** RFC 8187 value: {@code UTF-8''} + percent-encoding that leaves only attr-chars bare. */
    public static String encodeExtended(String value) {
        String encoded = JsStrings.encodeURIComponent(value);
        StringBuilder out = new StringBuilder(encoded.length() + 8).append("UTF-8''");
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '\'' || c == '(' || c == ')' || c == '*') {
                JsStrings.pct(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String toAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static boolean hasHexEscape(String s) {
        for (int i = s.indexOf('%'); i >= 0 && i + 2 < s.length(); i = s.indexOf('%', i + 1)) {
            if (JsStrings.isHexDigit(s.charAt(i + 1)) && JsStrings.isHexDigit(s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String s) {
        return Cookies.isToken(s);
    }
}
