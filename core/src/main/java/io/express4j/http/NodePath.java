package io.express4j.http;

/**
 * Node's {@code path.posix.extname}, the one port of it: Express uses it for view names and attachment file names,
 * send for the Content-Type and the 404 fallback, mime-types for lookups.
 */
public final class NodePath {
    private NodePath() {}

    /** The extension of the last segment with its dot ({@code ".png"}); {@code ""} for none, dotfiles and {@code ".."}. */
    public static String extname(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        int start = path.lastIndexOf('/', end - 1) + 1;
        String segment = path.substring(start, end);
        int dot = segment.lastIndexOf('.');
        if (dot <= 0 || segment.equals("..")) return "";
        return segment.substring(dot);
    }
}
