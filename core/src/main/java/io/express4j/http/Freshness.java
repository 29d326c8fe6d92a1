package io.express4j.http;

/**
 * The npm {@code fresh} 2.0.0 check behind {@code req.fresh}: may the client's cached copy be
 * reused, i.e. may the response become a 304? Only the header comparison lives here; the caller
 * adds Express's conditions (GET/HEAD/QUERY, status 2xx or 304).
 *
 * <p>An absent header is {@code null}; an empty header counts as absent, as in JS.
 */
public final class Freshness {

    private static final String NO_CACHE = "no-cache";

    private Freshness() {}

    /**
     * The rules, in order: no {@code If-None-Match} and no {@code If-Modified-Since} gives false; a
     * request {@code Cache-Control} with a {@code no-cache} element gives false; when {@code
     * If-None-Match} is present it alone decides ({@code *}, or any comma-separated tag equal to the
     * response ETag with or without a {@code W/} prefix on either side); otherwise fresh iff the
     * response has a {@code Last-Modified} not later than {@code If-Modified-Since}, both parsed
     * like JS {@code Date.parse} (an unparseable date means stale).
     */
    public static boolean isFresh(
            String ifNoneMatch, String ifModifiedSince, String cacheControl, String etag, String lastModified) {
        boolean hasNoneMatch = ifNoneMatch != null && !ifNoneMatch.isEmpty();
        boolean hasModifiedSince = ifModifiedSince != null && !ifModifiedSince.isEmpty();
        if (!hasNoneMatch && !hasModifiedSince) {
            return false;
        }
        if (cacheControl != null && !cacheControl.isEmpty() && hasNoCache(cacheControl)) {
            return false;
        }
        if (hasNoneMatch) {
            if (ifNoneMatch.equals("*")) {
                return true;
            }
            if (etag == null || etag.isEmpty()) {
                return false;
            }
            return anyTagMatches(ifNoneMatch, etag);
        }
        if (lastModified == null || lastModified.isEmpty()) {
            return false;
        }
        long modified = HttpDates.parse(lastModified);
        long since = HttpDates.parse(ifModifiedSince);
        return modified != HttpDates.INVALID && since != HttpDates.INVALID && modified <= since;
    }

    /** Upstream's {@code /(?:^|,)\s*?no-cache\s*?(?:,|$)/}: an element that trims to no-cache. */
    static boolean hasNoCache(String cacheControl) {
        int n = cacheControl.length();
        int start = 0;
        while (start <= n) {
            int comma = cacheControl.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            int s = start;
            int e = end;
            while (s < e && JsStrings.isJsWhitespace(cacheControl.charAt(s))) {
                s++;
            }
            while (e > s && JsStrings.isJsWhitespace(cacheControl.charAt(e - 1))) {
                e--;
            }
            if (e - s == NO_CACHE.length() && cacheControl.startsWith(NO_CACHE, s)) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            start = comma + 1;
        }
        return false;
    }

    /**
     * Walks the If-None-Match list the way fresh's {@code parseTokenList} does: spaces before a
     * tag are skipped, spaces after it dropped (inner spaces kept), commas separate.
     */
    private static boolean anyTagMatches(String header, String etag) {
        int n = header.length();
        int start = 0;
        int end = 0;
        for (int i = 0; i < n; i++) {
            switch (header.charAt(i)) {
                case ' ' -> {
                    if (start == end) {
                        start = end = i + 1;
                    }
                }
                case ',' -> {
                    if (matches(header, start, end, etag)) {
                        return true;
                    }
                    start = end = i + 1;
                }
                default -> end = i + 1;
            }
        }
        return matches(header, start, end, etag);
    }

    /** {@code match === etag || match === 'W/' + etag || 'W/' + match === etag}. */
    private static boolean matches(String header, int start, int end, String etag) {
        int len = end - start;
        int etagLen = etag.length();
        if (len == etagLen && header.regionMatches(start, etag, 0, len)) {
            return true;
        }
        if (len == etagLen + 2 && header.startsWith("W/", start) && header.regionMatches(start + 2, etag, 0, etagLen)) {
            return true;
        }
        return etagLen == len + 2 && etag.startsWith("W/") && header.regionMatches(start, etag, 2, len);
    }
}
