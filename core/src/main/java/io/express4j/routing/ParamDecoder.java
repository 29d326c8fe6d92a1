package io.express4j.routing;

import io.express4j.http.JsStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter decoding as done by the {@code router} package: values without a {@code %} are returned as is,
 * others go through an exact port of ECMAScript {@code decodeURIComponent} (strict UTF-8, no {@code +}
 * handling, reserved characters such as {@code %2F} are decoded too). Any malformed escape or invalid
 * UTF-8 sequence raises {@link PathDecodeException}.
 */
final class ParamDecoder {

    private ParamDecoder() {}

    /** Decodes one parameter value; returns the same instance when there is nothing to decode. */
    static String decode(String value) {
        if (value.isEmpty() || value.indexOf('%') < 0) {
            return value;
        }
        String decoded = JsStrings.decodeURIComponent(value);
        if (decoded == null) {
            throw new PathDecodeException(value);
        }
        return decoded;
    }

    /** Splits a wildcard capture on {@code /} (keeping empty segments) and decodes every segment. */
    static List<String> decodeSegments(String value) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int slash = value.indexOf('/', start);
            if (slash < 0) {
                out.add(decode(value.substring(start)));
                return out;
            }
            out.add(decode(value.substring(start, slash)));
            start = slash + 1;
        }
    }
}
