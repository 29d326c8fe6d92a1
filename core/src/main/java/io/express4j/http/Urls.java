package io.express4j.http;

/**
 * The parts of a request target Express reads (what the {@code parseurl} package yields): the pathname and the
 * query string, for origin-form ({@code /a/b?x=1}) and absolute-form ({@code http://host/a/b?x=1}) targets.
 */
public final class Urls {
    private Urls() {}

    /** The pathname: up to {@code ?} or {@code #}, without the scheme and host of an absolute URL. */
    public static String pathname(String url) {
        int start = protohostLength(url);
        int end = url.length();
        for (int i = start; i < end; i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String path = url.substring(start, end);
        return path.isEmpty() && start > 0 ? "/" : path;
    }

    /**
     * The query string without its {@code ?}, up to a {@code #}; null when there is no {@code ?} before the first
     * {@code #} (parseurl's {@code query}, which Express hands to a custom {@code query parser} as is).
     */
    public static String query(String url) {
        int q = url.indexOf('?');
        int hash = url.indexOf('#');
        if (q < 0 || (hash >= 0 && hash < q)) return null;
        return url.substring(q + 1, hash < 0 ? url.length() : hash);
    }

    /**
     * Length of the {@code scheme://host} prefix of an absolute-form target, 0 for origin-form — router keeps that
     * prefix in place while it strips mount paths.
     */
    public static int protohostLength(String url) {
        if (url.isEmpty() || url.charAt(0) == '/') return 0;
        int search = url.indexOf('?');
        int limit = search < 0 ? url.length() : search;
        int scheme = url.indexOf("://");
        if (scheme < 0 || scheme >= limit) return 0;
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 || slash > limit ? limit : slash;
    }
}
