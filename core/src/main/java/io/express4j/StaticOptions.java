package io.express4j;

import java.nio.file.attribute.BasicFileAttributes;

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
}
