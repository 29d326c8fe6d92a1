package io.express4j.body;

import io.express4j.BodyParserOptions;
import io.express4j.HttpError;
import io.express4j.http.Qs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * body-parser's urlencoded step: qs for both modes — flat keys ({@code depth 0}) by default, nested with
 * {@code extended} (depth 32, deeper is a 400) — after counting the {@code &}-separated pieces against
 * {@code parameterLimit} (more is a 413). Lists hold up to as many items as there are pieces (at least 100 when
 * extended).
 */
final class UrlencodedBody {
    private final boolean extended;
    private final int parameterLimit;
    private final int depth;
    private final boolean charsetSentinel;
    private final boolean interpretNumericEntities;

    UrlencodedBody(BodyParserOptions options) {
        this.extended = Boolean.TRUE.equals(options.extended());
        this.parameterLimit = options.parameterLimit() == null ? 1000 : options.parameterLimit();
        this.depth = extended ? (options.depth() == null ? 32 : options.depth()) : 0;
        this.charsetSentinel = Boolean.TRUE.equals(options.charsetSentinel());
        this.interpretNumericEntities = Boolean.TRUE.equals(options.interpretNumericEntities());
        if (parameterLimit < 1) throw new IllegalArgumentException("option parameterLimit must be a positive number");
        if (depth < 0) throw new IllegalArgumentException("option depth must be a zero or a positive number");
    }

    Map<String, Object> parse(String body, String charset) {
        if (body.isEmpty()) return new LinkedHashMap<>();
        int pieces = countPieces(body);
        if (pieces < 0) throw new HttpError(413, "too many parameters", Map.of(), "parameters.too.many", null);
        Qs.Options options = new Qs.Options()
                .allowPrototypes(true)
                .arrayLimit(extended ? Math.max(100, pieces) : pieces)
                .depth(depth)
                .charsetSentinel(charsetSentinel)
                .interpretNumericEntities(interpretNumericEntities)
                .charset(charset)
                .parameterLimit(parameterLimit)
                .strictDepth(true);
        try {
            return Qs.parse(body, options);
        } catch (Qs.DepthExceededException e) {
            throw new HttpError(400, "The input exceeded the depth", Map.of(), "querystring.parse.rangeError", e);
        }
    }

    /** The number of {@code &}-separated pieces, or -1 as soon as it passes the limit. */
    private int countPieces(String body) {
        int count = 0;
        int index = -1;
        do {
            if (++count > parameterLimit) return -1;
            index = body.indexOf('&', index + 1);
        } while (index != -1);
        return count;
    }
}
