package io.express4j.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Request content-type checks as npm {@code type-is} 2.1.0 makes them for {@code req.is()} and the body parsers'
 * {@code type} option. Offers may be full types ({@code application/json}), wildcards ({@code application/*},
 * {@code *}{@code /json}), {@code +suffix} forms ({@code +json}), extensions ({@code json}, looked up in the mime
 * table) or the two shorthands {@code urlencoded} and {@code multipart}. A match returns the offer as given, except
 * that wildcard and {@code +suffix} offers return the request's actual type.
 */
public final class TypeIs {
    /** media-typer 1.1's test: type/subtype of restricted token characters, optional spaces around. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "^ *([a-z0-9][a-z0-9!#$&^_-]{0,126})/([a-z0-9][a-z0-9!#$&^_.+-]{0,126}) *$");

    private TypeIs() {
    }

    /**
     * type-is {@code hasBody}: a request has a body when it carries {@code Transfer-Encoding}, or a
     * {@code Content-Length} that JavaScript reads as a number ({@code ""} counts, {@code "abc"} does not).
     */
    public static boolean hasBody(String transferEncoding, String contentLength) {
        if (transferEncoding != null) {
            return true;
        }
        return contentLength != null && !Double.isNaN(jsNumber(contentLength));
    }

    /**
     * type-is {@code is(contentType, types)}: the first matching offer (see the class doc), or {@code null}
     * (JavaScript's {@code false}) when none matches or the content type is missing or invalid. With no offers,
     * the request's normalised type itself.
     */
    public static String is(String contentType, List<String> types) {
        String actual = normalizeContentType(contentType);
        if (actual == null) {
            return null;
        }
        if (types == null || types.isEmpty()) {
            return actual;
        }
        for (String type : types) {
            String expected = normalize(type);
            if (expected != null && mimeMatch(expected, actual)) {
                return type.startsWith("+") || type.indexOf('*') >= 0 ? actual : type;
            }
        }
        return null;
    }

    /** An offer as a MIME pattern: shorthands expanded, {@code +suffix} as {@code *}{@code /*+suffix}, extensions looked up; null if unknown. */
    public static String normalize(String type) {
        if (type == null) {
            return null;
        }
        switch (type) {
            case "urlencoded":
                return "application/x-www-form-urlencoded";
            case "multipart":
                return "multipart/*";
            default:
                break;
        }
        if (type.startsWith("+")) {
            return "*/*" + type;
        }
        return type.indexOf('/') < 0 ? MimeTypes.lookup(type) : type;
    }

    /** Whether {@code actual} matches the pattern {@code expected} ({@code *} type or subtype, {@code *+suffix}). */
    public static boolean mimeMatch(String expected, String actual) {
        if (expected == null) {
            return false;
        }
        String[] actualParts = actual.split("/", -1);
        String[] expectedParts = expected.split("/", -1);
        if (actualParts.length != 2 || expectedParts.length != 2) {
            return false;
        }
        if (!expectedParts[0].equals("*") && !expectedParts[0].equals(actualParts[0])) {
            return false;
        }
        String exp = expectedParts[1];
        String act = actualParts[1];
        if (exp.startsWith("*+")) {
            // "*+json" matches any subtype ending in "+json" (and "+json" itself)
            return exp.length() <= act.length() + 1 && act.endsWith(exp.substring(1));
        }
        return exp.equals("*") || exp.equals(act);
    }

    /** The Content-Type's type without parameters, lower-cased, or null when absent or not a valid media type. */
    static String normalizeContentType(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String type = MediaType.parse(value).type();
        return MEDIA_TYPE.matcher(type.toLowerCase(Locale.ROOT)).matches() ? type : null;
    }

    /** JavaScript's {@code Number(string)} as far as {@code isNaN} needs it. */
    private static double jsNumber(String s) {
        String t = JsStrings.trim(s);
        if (t.isEmpty()) {
            return 0;
        }
        try {
            if (t.length() > 2 && t.charAt(0) == '0' && "xXoObB".indexOf(t.charAt(1)) >= 0) {
                int radix = switch (Character.toLowerCase(t.charAt(1))) {
                    case 'x' -> 16;
                    case 'o' -> 8;
                    default -> 2;
                };
                return new java.math.BigInteger(t.substring(2), radix).doubleValue();
            }
            if (t.equals("Infinity") || t.equals("+Infinity") || t.equals("-Infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!(JsStrings.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                    return Double.NaN;
                }
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
