package io.express4j.routing;

/**
 * Thrown by {@link PathPattern#match(String)} when a captured parameter contains a malformed percent
 * escape (what {@code decodeURIComponent} rejects). Like the {@code router} package, the message is
 * {@code Failed to decode param '<raw value>'} and the HTTP status is 400.
 */
public final class PathDecodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String value;

    public PathDecodeException(String value) {
        super("Failed to decode param '" + value + "'");
        this.value = value;
    }

    /** The raw (still encoded) value that failed to decode. */
    public String value() {
        return value;
    }

    /** Always 400. */
    public int status() {
        return 400;
    }

    /** Alias of {@link #status()} (the router sets both {@code status} and {@code statusCode}). */
    public int statusCode() {
        return 400;
    }
}
