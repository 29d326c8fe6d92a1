package io.express4j.body;

import io.express4j.BodyParserOptions;
import io.express4j.BodyVerifier;
import io.express4j.Request;
import io.express4j.http.TypeIs;
import java.util.List;
import java.util.function.Predicate;

/** body-parser's {@code normalizeOptions}: the options every parser shares, with their defaults applied. */
record Settings(
        long limit, Predicate<Request> shouldParse, boolean inflate, BodyVerifier verify, String defaultCharset) {
    static final long DEFAULT_LIMIT = 100 * 1024;

    static Settings of(BodyParserOptions options, String defaultType) {
        long limit = options.limit() == null ? DEFAULT_LIMIT : options.limit();
        Predicate<Request> shouldParse = options.typePredicate();
        if (shouldParse == null) {
            List<String> types = options.types() != null ? options.types() : List.of(defaultType);
            shouldParse = req -> TypeIs.is(req.get("content-type"), types) != null;
        }
        String defaultCharset =
                options.defaultCharset() == null || options.defaultCharset().isEmpty()
                        ? "utf-8"
                        : options.defaultCharset();
        return new Settings(
                limit, shouldParse, !Boolean.FALSE.equals(options.inflate()), options.verify(), defaultCharset);
    }
}
