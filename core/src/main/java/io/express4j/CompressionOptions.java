package io.express4j;

import io.express4j.http.Bytes;
import io.express4j.http.MimeTypes;
import java.util.Objects;
import java.util.function.BiPredicate;

/** Options of {@link Express#compression(CompressionOptions)}, by compression 1.8's names and defaults. */
public final class CompressionOptions {
    private static final BiPredicate<Request, Response> DEFAULT_FILTER =
            (req, res) -> MimeTypes.compressible(res.get("Content-Type"));

    private long threshold = 1024;
    private int level = -1;
    private BiPredicate<Request, Response> filter = DEFAULT_FILTER;
    private String enforceEncoding = "identity";

    /**
     * compression's exported {@code filter}: whether the response's {@code Content-Type} is compressible by
     * mime-db (npm compressible). A custom filter may fall back to it.
     */
    public static BiPredicate<Request, Response> defaultFilter() {
        return DEFAULT_FILTER;
    }

    /** Bodies smaller than this (by Content-Length, or by {@code res.end(data)}'s data) are sent as they are. */
    public CompressionOptions threshold(long bytes) {
        this.threshold = bytes;
        return this;
    }

    /** A size as the bytes package reads it ({@code "1kb"}, {@code "512"}); null or unreadable means 1 KiB. */
    public CompressionOptions threshold(String size) {
        Long parsed = size == null ? null : Bytes.parse(size);
        this.threshold = parsed == null ? 1024 : parsed;
        return this;
    }

    /** The zlib level for gzip and deflate: -1 (zlib's default, 6) or 0 to 9. br uses compression's quality 4. */
    public CompressionOptions level(int level) {
        if (level < -1 || level > 9) {
            throw new IllegalArgumentException(
                    "The value of \"options.level\" is out of range. It must be >= -1 and <= 9. Received " + level);
        }
        this.level = level;
        return this;
    }

    /** Which responses may be compressed; the default is {@link #defaultFilter()}. */
    public CompressionOptions filter(BiPredicate<Request, Response> filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /** The coding for a request without (or with an empty) Accept-Encoding; {@code identity} (none) by default. */
    public CompressionOptions enforceEncoding(String coding) {
        this.enforceEncoding = Objects.requireNonNull(coding, "coding");
        return this;
    }

    long threshold() {
        return threshold;
    }

    int level() {
        return level;
    }

    BiPredicate<Request, Response> filter() {
        return filter;
    }

    String enforceEncoding() {
        return enforceEncoding;
    }
}
