package io.express4j;

import io.express4j.http.ContentCodings;

/**
 * compression 1.8: decides in an on-headers listener, as compression does, whether the body is compressed — after
 * the handler chose the status, type and length — and then hands the response a {@link BodyEncoder}. {@code Vary:
 * Accept-Encoding} is added whenever the filter and {@code Cache-Control} allow compression, even when the size,
 * the method or the request then rule it out. It lives beside {@link ServerResponse} because the body seam it uses
 * is not public.
 */
final class Compression implements Middleware {
    private final long threshold;
    private final int level;
    private final java.util.function.BiPredicate<Request, Response> filter;
    private final String enforceEncoding;

    Compression(CompressionOptions options) {
        this.threshold = options.threshold();
        this.level = options.level();
        this.filter = options.filter();
        this.enforceEncoding = options.enforceEncoding();
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        res.onHeaders(() -> decide(req, res));
        next.run();
    }

    private void decide(Request req, Response res) {
        if (!filter.test(req, res)) return;
        if (ContentCodings.noTransform(res.get("Cache-Control"))) return;
        res.vary("Accept-Encoding");
        long estimated = res.endingLength();
        if (ContentCodings.jsNumber(res.get("Content-Length")) < threshold
                || (estimated >= 0 && estimated < threshold)) {
            return;
        }
        String encoding = res.get("Content-Encoding");
        if (encoding != null && !encoding.isEmpty() && !encoding.equals("identity")) return;
        if (req.method().equals("HEAD")) return;
        // express4j: nothing to compress without a body (204, 304), and a 206's Content-Range counts identity bytes
        if (!res.bodyAllowed() || res.statusCode() == 206) return;
        String method = ContentCodings.negotiate(req.get("Accept-Encoding"), BodyEncoder.BROTLI, enforceEncoding);
        if (method == null) return;
        res.setHeader("Content-Encoding", method);
        res.removeHeader("Content-Length");
        res.encodeBody(BodyEncoder.of(method, level));
    }
}
