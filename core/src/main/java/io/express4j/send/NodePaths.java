package io.express4j.send;

/**
 * The POSIX flavour of Node's {@code path} functions that {@code send} builds file names with ({@code normalize},
 * {@code join}, {@code resolve}; extname is {@code http.NodePath}). Working on strings as Node does — rather than on
 * {@link java.nio.file.Path}, which silently drops trailing slashes — keeps every decision send takes on a name
 * (traversal, dotfiles, trailing slash, index) the same as in Express.
 */
public final class NodePaths {
    private NodePaths() {}

    public static boolean isAbsolute(String path) {
        return !path.isEmpty() && path.charAt(0) == '/';
    }

    /** {@code path.posix.normalize}: collapses {@code //}, {@code .} and {@code ..}, keeping a trailing slash. */
    public static String normalize(String path) {
        if (path.isEmpty()) return ".";
        boolean absolute = path.charAt(0) == '/';
        boolean trailingSlash = path.charAt(path.length() - 1) == '/';
        String out = normalizeSegments(path, !absolute);
        if (out.isEmpty()) {
            if (absolute) return "/";
            return trailingSlash ? "./" : ".";
        }
        if (trailingSlash) out += "/";
        return absolute ? "/" + out : out;
    }

    /** {@code path.posix.join(a, b)}: the non-empty parts joined with {@code /}, then normalised. */
    public static String join(String a, String b) {
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
        return joined.isEmpty() ? "." : normalize(joined);
    }

    /** {@code path.posix.resolve(p)}: absolute against the working directory, normalised, no trailing slash. */
    public static String resolve(String path) {
        String full = isAbsolute(path) ? path : System.getProperty("user.dir") + "/" + path;
        return "/" + normalizeSegments(full, false);
    }

    /** Whether a {@code ..} segment appears, with either slash or backslash as separator (send's UP_PATH_REGEXP). */
    static boolean hasUpSegment(String path) {
        int from = 0;
        int i;
        while ((i = path.indexOf("..", from)) >= 0) {
            boolean startsSegment = i == 0 || isSlash(path.charAt(i - 1));
            boolean endsSegment = i + 2 == path.length() || isSlash(path.charAt(i + 2));
            if (startsSegment && endsSegment) return true;
            from = i + 1;
        }
        return false;
    }

    /** Whether a segment longer than one character starts with a dot ({@code .git}, {@code .env}, {@code ..}). */
    static boolean containsDotFile(String path) {
        int start = 0;
        int n = path.length();
        while (start <= n) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            if (end - start > 1 && path.charAt(start) == '.') return true;
            if (slash < 0) return false;
            start = slash + 1;
        }
        return false;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /**
     * Node's {@code normalizeString}: the segments of {@code path} without empty and {@code .} segments, each
     * {@code ..} removing the segment before it; a {@code ..} with nothing left to remove is kept only when
     * {@code aboveRoot} is allowed (relative paths). No leading or trailing slash in the result.
     */
    private static String normalizeSegments(String path, boolean aboveRoot) {
        StringBuilder out = new StringBuilder(path.length());
        int lastSegmentLength = 0;
        int lastSlash = -1;
        int dots = 0;
        int n = path.length();
        for (int i = 0; i <= n; i++) {
            char c;
            if (i < n) {
                c = path.charAt(i);
            } else {
                c = '/';
            }
            if (c == '/') {
                if (lastSlash == i - 1 || dots == 1) {
                    // empty segment or "."
                } else if (dots == 2) {
                    boolean lastIsDotDot = out.length() >= 2
                            && lastSegmentLength == 2
                            && out.charAt(out.length() - 1) == '.'
                            && out.charAt(out.length() - 2) == '.';
                    if (!lastIsDotDot && out.length() > 0) {
                        int cut = out.lastIndexOf("/");
                        if (cut < 0) {
                            out.setLength(0);
                            lastSegmentLength = 0;
                        } else {
                            out.setLength(cut);
                            lastSegmentLength = out.length() - 1 - out.lastIndexOf("/");
                        }
                        lastSlash = i;
                        dots = 0;
                        continue;
                    }
                    if (aboveRoot) {
                        out.append(out.length() > 0 ? "/.." : "..");
                        lastSegmentLength = 2;
                    }
                } else {
                    if (out.length() > 0) out.append('/');
                    out.append(path, lastSlash + 1, i);
                    lastSegmentLength = i - lastSlash - 1;
                }
                lastSlash = i;
                dots = 0;
            } else if (c == '.' && dots != -1) {
                dots++;
            } else {
                dots = -1;
            }
        }
        return out.toString();
    }
}
