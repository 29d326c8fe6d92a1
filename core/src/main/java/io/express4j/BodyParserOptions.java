package io.express4j;

import io.express4j.http.Bytes;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Options of {@link Express#json}, {@link Express#urlencoded}, {@link Express#text} and {@link Express#raw}, by
 * body-parser 2.x's names. Unset options take each parser's default; a parser copies the options when it is made,
 * so changing them afterwards does not affect it.
 */
public final class BodyParserOptions {
    private Long limit;
    private List<String> types;
    private Predicate<Request> typePredicate;
    private Boolean inflate;
    private Boolean strict;
    private BiFunction<String, Object, Object> reviver;
    private Boolean extended;
    private Integer parameterLimit;
    private Integer depth;
    private String defaultCharset;
    private BodyVerifier verify;
    private Boolean charsetSentinel;
    private Boolean interpretNumericEntities;

    /** The largest body accepted, in bytes (after inflating); default 100 kb. */
    public BodyParserOptions limit(long bytes) {
        this.limit = bytes;
        return this;
    }

    /** The limit as the {@code bytes} package writes it: {@code "100kb"}, {@code "1mb"}, {@code "512"}. */
    public BodyParserOptions limit(String size) {
        Long bytes = Bytes.parse(size);
        if (bytes == null) throw new IllegalArgumentException("option limit \"" + size + "\" is invalid");
        this.limit = bytes;
        return this;
    }

    /**
     * Which Content-Types the parser handles: MIME types, wildcards ({@code text/*}), {@code +suffix}es or
     * extensions ({@code json}), as type-is matches them.
     */
    public BodyParserOptions type(String... types) {
        return type(List.of(types));
    }

    public BodyParserOptions type(List<String> types) {
        this.types = List.copyOf(types);
        this.typePredicate = null;
        return this;
    }

    /** Decides per request whether the parser handles it (called only for requests that have a body). */
    public BodyParserOptions type(Predicate<Request> shouldParse) {
        this.typePredicate = shouldParse;
        this.types = null;
        return this;
    }

    /** Whether gzip, deflate and br bodies are decompressed (default true); false answers them with 415. */
    public BodyParserOptions inflate(boolean on) {
        this.inflate = on;
        return this;
    }

    /** JSON: only objects and arrays at the top level (default true). */
    public BodyParserOptions strict(boolean on) {
        this.strict = on;
        return this;
    }

    /**
     * JSON: {@code JSON.parse}'s reviver — called with each key and value, innermost first, the root with key
     * {@code ""}; what it returns replaces the value, and {@link Express#UNDEFINED} removes the key.
     */
    public BodyParserOptions reviver(BiFunction<String, Object, Object> reviver) {
        this.reviver = reviver;
        return this;
    }

    /** urlencoded: nested keys ({@code a[b]=1}) with qs (default false: flat keys). */
    public BodyParserOptions extended(boolean on) {
        this.extended = on;
        return this;
    }

    /** urlencoded: the most {@code &}-separated pieces accepted (default 1000; more is a 413). */
    public BodyParserOptions parameterLimit(int limit) {
        this.parameterLimit = limit;
        return this;
    }

    /** urlencoded with {@code extended}: the deepest nesting accepted (default 32; deeper is a 400). */
    public BodyParserOptions depth(int depth) {
        this.depth = depth;
        return this;
    }

    /** The charset when the Content-Type names none (default {@code utf-8}). */
    public BodyParserOptions defaultCharset(String charset) {
        this.defaultCharset = charset;
        return this;
    }

    /** A check of the raw body before parsing; see {@link BodyVerifier}. */
    public BodyParserOptions verify(BodyVerifier verify) {
        this.verify = verify;
        return this;
    }

    /** urlencoded: a {@code utf8=✓} field chooses the charset (qs's {@code charsetSentinel}). */
    public BodyParserOptions charsetSentinel(boolean on) {
        this.charsetSentinel = on;
        return this;
    }

    /** urlencoded in iso-8859-1: {@code &#NNNN;} becomes that character. */
    public BodyParserOptions interpretNumericEntities(boolean on) {
        this.interpretNumericEntities = on;
        return this;
    }

    public Long limit() {
        return limit;
    }

    public List<String> types() {
        return types;
    }

    public Predicate<Request> typePredicate() {
        return typePredicate;
    }

    public Boolean inflate() {
        return inflate;
    }

    public Boolean strict() {
        return strict;
    }

    public BiFunction<String, Object, Object> reviver() {
        return reviver;
    }

    public Boolean extended() {
        return extended;
    }

    public Integer parameterLimit() {
        return parameterLimit;
    }

    public Integer depth() {
        return depth;
    }

    public String defaultCharset() {
        return defaultCharset;
    }

    public BodyVerifier verify() {
        return verify;
    }

    public Boolean charsetSentinel() {
        return charsetSentinel;
    }

    public Boolean interpretNumericEntities() {
        return interpretNumericEntities;
    }
}
