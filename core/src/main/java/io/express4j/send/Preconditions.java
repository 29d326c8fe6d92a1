package io.express4j.send;

import io.express4j.Request;
import io.express4j.Response;
import io.express4j.http.Freshness;
import io.express4j.http.HttpDates;

/**
 * The conditional-request checks of a file response, evaluated against the validators already set on it:
 * send 1.2.1's for If-Match / If-Unmodified-Since (412) and If-None-Match / If-Modified-Since (304), and RFC 9110's
 * for If-Range (send's is looser; see {@link #rangeStillValid}).
 */
final class Preconditions {
    private Preconditions() {}

    /** Whether any of the four conditional headers is present (send's isConditionalGET). */
    static boolean isConditional(Request req) {
        return present(req.get("If-Match"))
                || present(req.get("If-Unmodified-Since"))
                || present(req.get("If-None-Match"))
                || present(req.get("If-Modified-Since"));
    }

    /**
     * send's 412 test. If-Match fails without an ETag, or when it is not {@code *} and none of its tags equals the
     * ETag ignoring {@code W/} on either side — the very comparison fresh makes for If-None-Match, so it is reused.
     * Otherwise a valid If-Unmodified-Since fails when Last-Modified is missing, invalid or later.
     */
    static boolean failed(Request req, Response res) {
        String match = req.get("If-Match");
        if (present(match)) {
            String etag = res.get("ETag");
            return !present(etag) || !Freshness.isFresh(match, null, null, etag, null);
        }
        long unmodifiedSince = date(req.get("If-Unmodified-Since"));
        if (unmodifiedSince != HttpDates.INVALID) {
            long lastModified = date(res.get("Last-Modified"));
            return lastModified == HttpDates.INVALID || lastModified > unmodifiedSince;
        }
        return false;
    }

    /** send's 304 test: the status is 2xx or 304 and fresh's rules hold for the response's validators. */
    static boolean notModified(Request req, Response res) {
        int status = res.statusCode();
        if ((status < 200 || status >= 300) && status != 304) return false;
        return Freshness.isFresh(
                req.get("If-None-Match"),
                req.get("If-Modified-Since"),
                req.get("Cache-Control"),
                res.get("ETag"),
                res.get("Last-Modified"));
    }

    /**
     * If-Range as RFC 9110 §13.1.5 has it: absent, or an entity tag that is strong and identical to a strong ETag
     * (strong comparison: a weak tag never matches), or an HTTP-date exactly equal to Last-Modified. send instead
     * accepts any ETag that occurs in the header and any date not before Last-Modified, which lets a client splice
     * ranges of two versions of a file.
     */
    static boolean rangeStillValid(String ifRange, String etag, String lastModified) {
        if (!present(ifRange)) return true;
        String value = ifRange.strip();
        if (value.indexOf('"') >= 0) {
            return present(etag) && !etag.startsWith("W/") && value.equals(etag);
        }
        long since = date(value);
        long modified = date(lastModified);
        return since != HttpDates.INVALID && modified != HttpDates.INVALID && since == modified;
    }

    private static long date(String value) {
        return present(value) ? HttpDates.parse(value) : HttpDates.INVALID;
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
