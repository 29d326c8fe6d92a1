package io.express4j.body;

import io.express4j.BodyParserOptions;
import io.express4j.Middleware;

/**
 * The four body-parser 2.4.0 parsers behind {@link io.express4j.Express#json}, {@code urlencoded}, {@code text} and
 * {@code raw}. Each copies its options when made.
 */
public final class BodyParsers {
    private BodyParsers() {}

    /** {@code application/json} into maps, lists and values; only {@code utf-*} charsets (else 415). */
    public static Middleware json(BodyParserOptions options) {
        boolean strict = !Boolean.FALSE.equals(options.strict());
        var reviver = options.reviver();
        return new BodyReader(
                Settings.of(options, "application/json"),
                charset -> charset.startsWith("utf-"),
                false,
                (text, raw, charset, req) ->
                        JsonBody.parse(text, strict, reviver, req.app().jsonMapper()));
    }

    /** {@code application/x-www-form-urlencoded} into a map; only utf-8 and iso-8859-1 (else 415). */
    public static Middleware urlencoded(BodyParserOptions options) {
        Settings settings = Settings.of(options, "application/x-www-form-urlencoded");
        if (!settings.defaultCharset().equals("utf-8")
                && !settings.defaultCharset().equals("iso-8859-1")) {
            throw new IllegalArgumentException("option defaultCharset must be either utf-8 or iso-8859-1");
        }
        UrlencodedBody parser = new UrlencodedBody(options);
        return new BodyReader(
                settings,
                charset -> charset.equals("utf-8") || charset.equals("iso-8859-1"),
                false,
                (text, raw, charset, req) -> parser.parse(text, charset));
    }

    /** {@code text/plain} into a String, in the declared charset (or {@code defaultCharset}). */
    public static Middleware text(BodyParserOptions options) {
        return new BodyReader(Settings.of(options, "text/plain"), null, false, (text, raw, charset, req) -> text);
    }

    /** {@code application/octet-stream} into a {@code byte[]}. */
    public static Middleware raw(BodyParserOptions options) {
        return new BodyReader(
                Settings.of(options, "application/octet-stream"), null, true, (text, raw, charset, req) -> raw);
    }
}
