package io.express4j;

/**
 * Options of {@code res.sendFile} and {@code res.download}, by their Express names:
 * {@code new SendFileOptions().root("files").maxAge("1d")}. The {@code etag} option of send is not here: as in
 * Express, the app's {@code etag} setting decides.
 */
public final class SendFileOptions extends FileServingOptions<SendFileOptions> {
    private String root;
    private Long start;
    private Long end;

    /** The directory a relative path is resolved in; the path may then not leave it (403). */
    public SendFileOptions root(String root) {
        this.root = root;
        return this;
    }

    public String root() {
        return root;
    }

    /** Sends only the file's bytes from this offset (send's {@code start}). */
    public SendFileOptions start(long offset) {
        this.start = offset;
        return this;
    }

    public Long start() {
        return start;
    }

    /** Sends only the file's bytes up to this offset, inclusive (send's {@code end}). */
    public SendFileOptions end(long offset) {
        this.end = offset;
        return this;
    }

    public Long end() {
        return end;
    }
}
