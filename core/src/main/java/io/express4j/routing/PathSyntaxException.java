package io.express4j.routing;

/**
 * Thrown when a path string cannot be compiled. Mirrors path-to-regexp's {@code PathError}: the message is
 * {@code <reason>: <path>; visit https://git.new/pathToRegexpError for info} (the {@code : <path>} part is
 * omitted when the path is empty).
 *
 * <p>Note that, like the {@code router} package, a non-strict pattern is compiled from the path with its
 * trailing slashes removed, so {@link #originalPath()} (and the message) show that "loosened" path.
 */
public final class PathSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Suffix path-to-regexp appends to every error message. */
    public static final String INFO_SUFFIX = "; visit https://git.new/pathToRegexpError for info";

    private final String reason;
    private final String originalPath;

    public PathSyntaxException(String reason, String originalPath) {
        super(format(reason, originalPath));
        this.reason = reason;
        this.originalPath = originalPath;
    }

    private static String format(String reason, String originalPath) {
        StringBuilder sb = new StringBuilder(reason);
        if (originalPath != null && !originalPath.isEmpty()) {
            sb.append(": ").append(originalPath);
        }
        return sb.append(INFO_SUFFIX).toString();
    }

    /** The reason without path and info suffix, e.g. {@code Unexpected ? at index 4}. */
    public String reason() {
        return reason;
    }

    /** The path that was being compiled (after loosening for non-strict patterns). */
    public String originalPath() {
        return originalPath;
    }
}
