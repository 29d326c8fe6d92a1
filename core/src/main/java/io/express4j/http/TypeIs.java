package io.express4j.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * type-is 2.1.0, the Content-Type matching behind {@code req.is} and the body parsers' {@code type} option. A type
 * to match is a full MIME type ({@code application/json}), a wildcard ({@code text/*}, {@code *}{@code /*}), a
 * {@code +suffix} ({@code +json} = {@code *}{@code /*+json}), an extension looked up in mime-db ({@code json}), or
 * one of the shorthands {@code urlencoded} and {@code multipart}.
 */
public final class TypeIs {
    /** media-typer 1.1.1's test for a well-formed {@code type/subtype}. */
    private static final Pattern TYPE =
            Pattern.compile("^ *([a-z0-9][a-z0-9!#$&^_-]{0,126})/([a-z0-9][a-z0-9!#$&^_.+-]{0,126}) *$");

    private static final Pattern JS_NUMBER = Pattern.compile(
            "[+-]?(?:Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+");

    private TypeIs() {}

    /**
     * {@code typeis.hasBody(req)}: a request has a body when it has a Transfer-Encoding header or a Content-Length
     * that is a number ({@code Content-Length: 0} counts).
     */
    public static boolean hasBody(String transferEncoding, String contentLength) {
        if (transferEncoding != null) return true;
        if (contentLength == null) return false;
        String trimmed = JsStrings.trim(contentLength);
        return trimmed.isEmpty() || JS_NUMBER.matcher(trimmed).matches();
    }

    /**
     * {@code typeis(contentType, types)}: the first of {@code types} that matches the header's media type — the type
     * as given, or the actual media type when the match was through a wildcard or a {@code +suffix} — or null when
     * none matches or the header is absent or malformed. With no types, the header's media type itself.
     */
    public static String is(String contentType, List<String> types) {
        String actual = normalizeType(contentType);
        if (actual == null) return null;
        if (types == null || types.isEmpty()) return actual;
        for (String type : types) {
            if (mimeMatch(normalize(type), actual)) {
                return type.startsWith("+") || type.indexOf('*') >= 0 ? actual : type;
            }
        }
        return null;
    }

    /** The expected type a shorthand, suffix or extension stands for; null when it names nothing. */
    public static String normalize(String type) {
        if (type == null) return null;
        switch (type) {
            case "urlencoded":
                return "application/x-www-form-urlencoded";
            case "multipart":
                return "multipart/*";
            default:
                break;
        }
        if (type.startsWith("+")) return "*/*" + type;
        return type.indexOf('/') < 0 ? MimeTypes.lookup(type) : type;
    }

    /** Whether {@code actual} fits {@code expected}, where {@code *} matches a whole part and {@code *+x} a suffix. */
    public static boolean mimeMatch(String expected, String actual) {
        if (expected == null) return false;
        String[] actualParts = actual.split("/", -1);
        String[] expectedParts = expected.split("/", -1);
        if (actualParts.length != 2 || expectedParts.length != 2) return false;
        if (!expectedParts[0].equals("*") && !expectedParts[0].equals(actualParts[0])) return false;
        if (expectedParts[1].startsWith("*+")) {
            String suffix = expectedParts[1].substring(1);
            return expectedParts[1].length() <= actualParts[1].length() + 1 && actualParts[1].endsWith(suffix);
        }
        return expectedParts[1].equals("*") || expectedParts[1].equals(actualParts[1]);
    }

    /** The header's media type without parameters, lower-cased; null when absent or not {@code type/subtype}. */
    private static String normalizeType(String value) {
        if (value == null || value.isEmpty()) return null;
        String type = MediaType.parse(value).type();
        return TYPE.matcher(type.toLowerCase(Locale.ROOT)).matches() ? type : null;
    }
}
