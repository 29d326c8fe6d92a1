package io.express4j;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;

/**
 * Options of {@link Express#staticFiles(String, StaticOptions)}, serve-static's by their Express names:
 * {@code new StaticOptions().maxAge("1d").extensions("html").fallthrough(false)}.
 */
public final class StaticOptions extends FileServingOptions<StaticOptions> {
    /** serve-static's {@code setHeaders(res, path, stat)}: called only when a file is about to be sent. */
    @FunctionalInterface
    public interface SetHeaders {
        void set(Response res, String path, BasicFileAttributes stat) throws Exception;
    }

    private boolean etag = true;
    private boolean fallthrough = true;
    private boolean redirect = true;
    private SetHeaders setHeaders;
    private List<String> precompressed = List.of();

    /** Whether to set a weak {@code ETag} from size and mtime (default true; the app's setting does not apply). */
    public StaticOptions etag(boolean on) {
        this.etag = on;
        return this;
    }

    public boolean etag() {
        return etag;
    }

    /**
     * With fallthrough (default) a request that names no file here — not found, bad or traversing path, other
     * method — goes on to the next middleware; without it such requests get their error (and other methods 405).
     */
    public StaticOptions fallthrough(boolean on) {
        this.fallthrough = on;
        return this;
    }

    public boolean fallthrough() {
        return fallthrough;
    }

    /** Redirect a directory requested without a trailing slash to the path with one (default true). */
    public StaticOptions redirect(boolean on) {
        this.redirect = on;
        return this;
    }

    public boolean redirect() {
        return redirect;
    }

    public StaticOptions setHeaders(SetHeaders fn) {
        this.setHeaders = fn;
        return this;
    }

    public SetHeaders setHeaders() {
        return setHeaders;
    }

    /**
     * Serve precompressed siblings (beyond serve-static, as nginx's {@code gzip_static} and express-static-gzip):
     * {@code true} looks for {@code file.br} then {@code file.gz}; off by default, so the answers stay serve-static's.
     * See {@link #precompressed(String...)}.
     */
    public StaticOptions precompressed(boolean on) {
        this.precompressed = on ? List.of("br", "gzip") : List.of();
        return this;
    }

    /**
     * Serve a precompressed sibling for these codings ({@code "br"} for {@code file.br}, {@code "gzip"} for
     * {@code file.gz}; earlier ones win ties) when the file exists, a sibling exists beside it, and the request's
     * {@code Accept-Encoding} prefers that coding by compression's q-value rules. The answer carries the sibling's
     * bytes, {@code Content-Length}, {@code Last-Modified} and ETag (its own size and mtime, so it differs from the
     * file's), {@code Content-Encoding}, and the file's own {@code Content-Type}; a Range applies to the sibling's
     * bytes, and {@code compression()} leaves it alone. {@code Vary: Accept-Encoding} is set whenever a sibling
     * exists. {@code setHeaders} receives the path and stat of what is sent. With none given, off.
     */
    public StaticOptions precompressed(String... codings) {
        for (String coding : codings) {
            if (!Set.of("br", "gzip").contains(coding)) {
                throw new IllegalArgumentException(
                        "precompressed: only \"br\" (file.br) and \"gzip\" (file.gz) are served, got " + coding);
            }
        }
        this.precompressed = List.of(codings).stream().distinct().toList();
        return this;
    }

    /** The codings whose precompressed siblings are served, in order of preference (empty: off). */
    public List<String> precompressed() {
        return precompressed;
    }
}
