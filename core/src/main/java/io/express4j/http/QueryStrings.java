package io.express4j.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node 20's {@code querystring.parse(str)} with its defaults ({@code &}, {@code =}, 1000 keys),
 * which is exactly Express 5's default "simple" {@code req.query} parser.
 *
 * <p>Values are a {@code String}, or a {@code List<String>} once a key repeats. Keys are not
 * nested ({@code y[z]=3} stays the key {@code "y[z]"}). {@code +} means space. Percent-decoding is
 * JS {@code decodeURIComponent}; when that fails (a bad escape or invalid UTF-8) Node's fallback
 * decodes only the valid {@code %XX} bytes, keeps the rest literally and repairs bad UTF-8 with
 * U+FFFD. As in Node, a piece is only decoded when a valid-looking {@code %XX} was seen in it.
 *
 * <p>The map iterates like the JS object Node returns: keys that are array indices ({@code "0"},
 * {@code "7"}) first in numeric order, then the others in first-seen order. This is visible when
 * {@code req.query} is serialised, e.g. by {@code res.json}.
 */
public final class QueryStrings {

    /** Node's default {@code maxKeys}. */
    public static final int DEFAULT_MAX_KEYS = 1000;

    private QueryStrings() {}

    /** {@code querystring.parse(query)}; {@code null} or {@code ""} gives an empty map. */
    public static Map<String, Object> parse(String query) {
        return parse(query, DEFAULT_MAX_KEYS);
    }

    /**
     * {@code querystring.parse(query, '&', '=', {maxKeys})}; a {@code maxKeys} of zero or less
     * means no limit. Pieces beyond the limit (empty ones included) are ignored.
     */
    public static Map<String, Object> parse(String query, int maxKeys) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        int pairs = maxKeys > 0 ? maxKeys : -1;
        int n = query.length();
        int lastPos = 0;
        boolean inValue = false; // Node: eqIdx === eqLen
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean keyEncoded = false;
        boolean valueEncoded = false;
        int encodeCheck = 0;

        for (int i = 0; i < n; i++) {
            char c = query.charAt(i);
            if (c == '&') {
                if (!inValue) {
                    if (lastPos < i) {
                        key.append(query, lastPos, i);
                    } else if (key.isEmpty()) {
                        // an empty piece between separators still counts against maxKeys
                        if (--pairs == 0) {
                            return JsStrings.inJsPropertyOrder(result);
                        }
                        lastPos = i + 1;
                        continue;
                    }
                } else if (lastPos < i) {
                    value.append(query, lastPos, i);
                }
                add(result, key, value, keyEncoded, valueEncoded);
                if (--pairs == 0) {
                    return JsStrings.inJsPropertyOrder(result);
                }
                keyEncoded = false;
                valueEncoded = false;
                key.setLength(0);
                value.setLength(0);
                encodeCheck = 0;
                lastPos = i + 1;
                inValue = false;
                continue;
            }
            if (!inValue) {
                if (c == '=') {
                    if (lastPos < i) {
                        key.append(query, lastPos, i);
                    }
                    encodeCheck = 0;
                    lastPos = i + 1;
                    inValue = true;
                    continue;
                }
                if (!keyEncoded) {
                    if (c == '%') {
                        encodeCheck = 1;
                        continue;
                    } else if (encodeCheck > 0) {
                        if (JsStrings.isHexDigit(c)) {
                            if (++encodeCheck == 3) {
                                keyEncoded = true;
                            }
                            continue;
                        }
                        encodeCheck = 0;
                    }
                }
                if (c == '+') {
                    if (lastPos < i) {
                        key.append(query, lastPos, i);
                    }
                    key.append(' ');
                    lastPos = i + 1;
                    continue;
                }
            }
            // Node falls through to the value bookkeeping even while still reading the key (after the
            // key was found encoded); keep that, it decides whether the value gets decoded.
            if (c == '+') {
                if (lastPos < i) {
                    value.append(query, lastPos, i);
                }
                value.append(' ');
                lastPos = i + 1;
            } else if (!valueEncoded) {
                if (c == '%') {
                    encodeCheck = 1;
                } else if (encodeCheck > 0) {
                    if (JsStrings.isHexDigit(c)) {
                        if (++encodeCheck == 3) {
                            valueEncoded = true;
                        }
                    } else {
                        encodeCheck = 0;
                    }
                }
            }
        }

        if (lastPos < n) {
            if (!inValue) {
                key.append(query, lastPos, n);
            } else {
                value.append(query, lastPos, n);
            }
        } else if (!inValue && key.isEmpty()) {
            return JsStrings.inJsPropertyOrder(result);
        }
        add(result, key, value, keyEncoded, valueEncoded);
        return JsStrings.inJsPropertyOrder(result);
    }

    @SuppressWarnings("unchecked")
    private static void add(
            Map<String, Object> result,
            StringBuilder rawKey,
            StringBuilder rawValue,
            boolean keyEncoded,
            boolean valueEncoded) {
        String key = rawKey.toString();
        String value = rawValue.toString();
        if (keyEncoded && !key.isEmpty()) {
            key = unescape(key);
        }
        if (valueEncoded && !value.isEmpty()) {
            value = unescape(value);
        }
        Object current = result.get(key);
        if (current == null) {
            result.put(key, value);
        } else if (current instanceof List<?> list) {
            ((List<String>) list).add(value);
        } else {
            List<String> list = new ArrayList<>(4);
            list.add((String) current);
            list.add(value);
            result.put(key, list);
        }
    }

    /** Node's {@code querystring.unescape}: decodeURIComponent, else the lenient byte decoder. */
    static String unescape(String s) {
        String strict = JsStrings.decodeURIComponent(s);
        return strict != null ? strict : unescapeLeniently(s);
    }

    /**
     * Node's {@code unescapeBuffer(s).toString()}: valid {@code %XX} become bytes, everything else
     * is copied one UTF-16 unit per byte (so non-ASCII characters are truncated to their low byte,
     * as in Node), and the bytes are read back with {@link #decodeUtf8}.
     */
    static String unescapeLeniently(String s) {
        int n = s.length();
        byte[] out = new byte[n];
        int o = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' && i < n - 2) {
                int hi = hexValue(s.charAt(i + 1));
                int lo = hi < 0 ? -1 : hexValue(s.charAt(i + 2));
                if (hi >= 0 && lo >= 0) {
                    out[o++] = (byte) (hi * 16 + lo);
                    i += 3;
                    continue;
                }
            }
            out[o++] = (byte) c;
            i++;
        }
        return decodeUtf8(out, o);
    }

    /** Node's {@code Buffer#toString('utf8')} of the first {@code length} bytes: see {@link Utf8#decode}. */
    static String decodeUtf8(byte[] bytes, int length) {
        return Utf8.decode(bytes, 0, length);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
