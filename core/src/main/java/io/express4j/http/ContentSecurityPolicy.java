package io.express4j.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Content-Security-Policy} directives of helmet 8.3's middleware: its defaults, the merge of the user's
 * directives over them, the checks it makes when the middleware is created (names, values, {@code default-src}) and
 * the serialisation ({@code name value value;name}). Values are strings, or any other object standing for a value
 * computed per request; those are left for the caller to evaluate and check with {@link #entryError}.
 */
public final class ContentSecurityPolicy {
    private static final Pattern DIRECTIVE_NAME = Pattern.compile("[a-z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Set<String> SHOULD_BE_QUOTED = Set.of(
            "none",
            "self",
            "strict-dynamic",
            "report-sample",
            "inline-speculation-rules",
            "unsafe-inline",
            "unsafe-eval",
            "unsafe-hashes",
            "wasm-unsafe-eval");

    private ContentSecurityPolicy() {}

    /** helmet's {@code getDefaultDirectives()}, a new copy each time. */
    public static Map<String, List<String>> defaultDirectives() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("default-src", List.of("'self'"));
        d.put("base-uri", List.of("'self'"));
        d.put("font-src", List.of("'self'", "https:", "data:"));
        d.put("form-action", List.of("'self'"));
        d.put("frame-ancestors", List.of("'self'"));
        d.put("img-src", List.of("'self'", "data:"));
        d.put("object-src", List.of("'none'"));
        d.put("script-src", List.of("'self'"));
        d.put("script-src-attr", List.of("'none'"));
        d.put("style-src", List.of("'self'", "https:", "'unsafe-inline'"));
        d.put("upgrade-insecure-requests", List.of());
        return d;
    }

    /**
     * helmet's {@code parseDirectives}: the user's directives (camelCase or dash-case names; a null value removes a
     * default; {@code disableDefaultSrc}, compared by identity, drops {@code default-src}) merged over the defaults
     * when {@code useDefaults}, in order: a default keeps its place, a new directive comes last.
     *
     * @throws IllegalArgumentException with helmet's message for a bad name, a duplicate, a bad value, no
     *     directives at all, or no {@code default-src}
     */
    public static Map<String, List<Object>> parse(
            Map<String, ? extends List<?>> directives, boolean useDefaults, List<?> disableDefaultSrc) {
        Map<String, List<Object>> result = new LinkedHashMap<>();
        if (useDefaults) defaultDirectives().forEach((name, values) -> result.put(name, new ArrayList<>(values)));
        boolean defaultSrcDisabled = false;
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, ? extends List<?>> e : directives.entrySet()) {
            String name = directiveName(e.getKey());
            if (!seen.add(name)) {
                throw new IllegalArgumentException(
                        "Content-Security-Policy received a duplicate directive " + JsStrings.quote(name));
            }
            List<?> values = e.getValue();
            if (values == null) {
                if (name.equals("default-src")) {
                    throw new IllegalArgumentException("Content-Security-Policy needs a default-src but it was set to"
                            + " `null`. If you really want to disable it, set it to"
                            + " `contentSecurityPolicy.dangerouslyDisableDefaultSrc`.");
                }
                result.remove(name);
                continue;
            }
            if (values == disableDefaultSrc) {
                if (!name.equals("default-src")) {
                    throw new IllegalArgumentException("Content-Security-Policy: tried to disable "
                            + JsStrings.quote(name) + " as if it were default-src; simply omit the key");
                }
                defaultSrcDisabled = true;
                result.remove(name);
                continue;
            }
            for (Object value : values) {
                if (value == null) throw invalidValue(name);
                if (!(value instanceof String s)) continue;
                String error = valueError(name, s);
                if (error == null) error = entryError(name, s);
                if (error != null) throw new IllegalArgumentException(error);
            }
            result.put(name, new ArrayList<>(values));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(
                    "Content-Security-Policy has no directives. Either set some or disable the header");
        }
        if (!result.containsKey("default-src") && !defaultSrcDisabled) {
            throw new IllegalArgumentException("Content-Security-Policy needs a default-src but none was provided."
                    + " If you really want to disable it, set it to"
                    + " `contentSecurityPolicy.dangerouslyDisableDefaultSrc`.");
        }
        return result;
    }

    /** The header value when every value is a string (the common case, computed once); else null. */
    public static String serialize(Map<String, List<Object>> directives) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Object>> e : directives.entrySet()) {
            if (!sb.isEmpty()) sb.append(';');
            sb.append(e.getKey());
            for (Object value : e.getValue()) {
                if (!(value instanceof String s)) return null;
                // helmet joins with spaces: an empty list, or one empty string, leaves the bare name
                if (e.getValue().size() == 1 && s.isEmpty()) break;
                sb.append(' ').append(s);
            }
        }
        return sb.toString();
    }

    /** helmet's check of a whole directive value: no {@code ;} or {@code ,}. Null when fine. */
    public static String valueError(String directive, String value) {
        return value.indexOf(';') >= 0 || value.indexOf(',') >= 0 ? invalidValueMessage(directive) : null;
    }

    /** helmet's check of one entry: keywords, nonces and hashes must be quoted. Null when fine. */
    public static String entryError(String directive, String entry) {
        if (SHOULD_BE_QUOTED.contains(entry)
                || entry.startsWith("nonce-")
                || entry.startsWith("sha256-")
                || entry.startsWith("sha384-")
                || entry.startsWith("sha512-")) {
            return invalidValueMessage(directive) + ". " + JsStrings.quote(entry) + " should be quoted";
        }
        return null;
    }

    private static String directiveName(String raw) {
        if (raw == null || !DIRECTIVE_NAME.matcher(raw).matches()) {
            throw new IllegalArgumentException("Content-Security-Policy received an invalid directive name "
                    + JsStrings.quote(raw == null ? "null" : raw));
        }
        StringBuilder dashed = new StringBuilder(raw.length() + 4);
        for (char c : raw.toCharArray()) {
            if (c >= 'A' && c <= 'Z') dashed.append('-').append((char) (c + 32));
            else dashed.append(c);
        }
        return dashed.toString();
    }

    private static IllegalArgumentException invalidValue(String directive) {
        return new IllegalArgumentException(invalidValueMessage(directive));
    }

    private static String invalidValueMessage(String directive) {
        return "Content-Security-Policy received an invalid directive value for " + JsStrings.quote(directive);
    }
}
