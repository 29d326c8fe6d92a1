package io.express4j.body;

import io.express4j.BodyVerifier;
import io.express4j.HttpError;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.access.ApiAccess;
import io.express4j.http.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * body-parser 2.4.0's {@code read}: the part all four parsers share. A request is left alone when its body was
 * already read, when it has none (no Content-Length and no Transfer-Encoding), or when its type does not match.
 * Otherwise the charset and Content-Encoding are checked (415 at once), the body is read — inflated, within the
 * limit — verified (403) and parsed (400); {@code req.body} is set and the chain continues.
 *
 * <p>A read error (413, 400) is passed on only after the rest of the body has been read off, as body-parser does,
 * so the connection stays usable — but at most {@link #DRAIN_BUDGET} bytes of it: a body declared larger than that
 * is answered at once and the server discards the rest after the response, never holding it.
 */
final class BodyReader implements Middleware {
    static final long DRAIN_BUDGET = 256 * 1024;

    /** Turns the body (text, or bytes when the parser takes no charset) into {@code req.body}. */
    @FunctionalInterface
    interface Parser {
        Object parse(String text, byte[] raw, String charset, Request req) throws Exception;
    }

    private final long limit;
    private final Predicate<Request> shouldParse;
    private final boolean inflate;
    private final BodyVerifier verify;
    private final String defaultCharset;
    private final Predicate<String> validCharset;
    private final boolean skipCharset;
    private final Parser parser;

    BodyReader(Settings settings, Predicate<String> validCharset, boolean skipCharset, Parser parser) {
        this.limit = settings.limit();
        this.shouldParse = settings.shouldParse();
        this.inflate = settings.inflate();
        this.verify = settings.verify();
        this.defaultCharset = settings.defaultCharset();
        this.validCharset = validCharset;
        this.skipCharset = skipCharset;
        this.parser = parser;
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        if (req.readableEnded() || !ApiAccess.get().hasBody(req) || !shouldParse.test(req)) {
            next.run();
            return;
        }
        String charset = null;
        if (!skipCharset) {
            charset = charsetOf(req.get("content-type"));
            if (charset == null) charset = defaultCharset;
            if (validCharset != null && !validCharset.test(charset)) {
                next.fail(unsupportedCharset(charset));
                return;
            }
        }
        if (verify != null && charset != null && !Charsets.exists(charset)) {
            next.fail(unsupportedCharset(charset));
            return;
        }
        String contentEncoding = req.get("content-encoding");
        contentEncoding = contentEncoding == null ? "identity" : contentEncoding.toLowerCase(Locale.ROOT);
        if (!inflate && !contentEncoding.equals("identity")) {
            next.fail(new BodyParserError(415, "content encoding unsupported", "encoding.unsupported", null, null));
            return;
        }
        RawBody.Source source = new RawBody.Source(req.inputStream());
        InputStream stream = source;
        long length = -1;
        if (contentEncoding.equals("identity")) {
            length = declaredLength(req.get("content-length"));
        } else {
            stream = Inflation.open(contentEncoding, source);
            if (stream == null) {
                next.fail(BodyParserError.unsupportedContentEncoding(contentEncoding));
                return;
            }
        }

        byte[] body;
        try {
            body = RawBody.read(stream, length, limit, verify == null ? charset : null);
        } catch (BodyParserError e) {
            HttpError err = "encoding.unsupported".equals(e.type()) ? unsupportedCharset(charset) : e;
            readOff(source, req.get("content-length"), req.get("expect"));
            next.fail(err);
            return;
        }
        // bytes after the compressed stream
        if (stream != source) readOff(source, req.get("content-length"), req.get("expect"));

        if (verify != null) {
            try {
                verify.verify(req, res, body, charset);
            } catch (Exception e) {
                next.fail(verifyFailed(e, body));
                return;
            }
        }

        String text = charset == null ? null : Charsets.decode(body, charset);
        try {
            req.body(parser.parse(text, body, charset, req));
        } catch (HttpError e) {
            String type = e.type() != null ? e.type() : "entity.parse.failed";
            next.fail(new BodyParserError(e.status(), e.getMessage(), type, text, e));
            return;
        } catch (Exception e) {
            next.fail(new BodyParserError(400, e.getMessage(), "entity.parse.failed", text, e));
            return;
        }
        next.run();
    }

    private static BodyParserError unsupportedCharset(String charset) {
        return new BodyParserError(
                415,
                "unsupported charset \"" + charset.toUpperCase(Locale.ROOT) + "\"",
                "charset.unsupported",
                null,
                null);
    }

    /** http-errors' {@code createError(403, err, props)}: a status the error carries wins over 403. */
    private static BodyParserError verifyFailed(Exception e, byte[] body) {
        if (e instanceof HttpError http) {
            return new BodyParserError(
                    http.status(),
                    http.getMessage(),
                    http.type() != null ? http.type() : "entity.verify.failed",
                    body,
                    e);
        }
        return new BodyParserError(403, e.getMessage(), "entity.verify.failed", body, e);
    }

    /** The Content-Type's charset parameter, lower-cased, or null. */
    static String charsetOf(String contentType) {
        if (contentType == null) return null;
        String charset = MediaType.parse(contentType).parameter("charset");
        return charset == null ? null : charset.toLowerCase(Locale.ROOT);
    }

    /** raw-body's {@code parseInt(length, 10)} of the Content-Length, or -1. */
    static long declaredLength(String header) {
        if (header == null) return -1;
        String s = header.trim();
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end)) && end < 18) end++;
        return end == 0 ? -1 : Long.parseLong(s.substring(0, end));
    }

    /**
     * Reads off what is left of the body (body-parser's {@code dump}), unless more than {@link #DRAIN_BUDGET} is
     * left, or the client still waits for 100 Continue: then the server drops the remainder after the response
     * (or closes the connection, when the client was never told to send it).
     */
    static void readOff(RawBody.Source source, String contentLength, String expect) {
        long declared = declaredLength(contentLength);
        if (declared >= 0 && declared - source.count() > DRAIN_BUDGET) return;
        // A client waiting for 100 Continue has not sent the body: reading would ask for it, only to drop it.
        if (source.count() == 0 && "100-continue".equalsIgnoreCase(expect)) return;
        byte[] scratch = new byte[8192];
        long drained = 0;
        try {
            int n;
            while (drained <= DRAIN_BUDGET && (n = source.read(scratch, 0, scratch.length)) >= 0) drained += n;
        } catch (IOException e) {
            // the connection is gone; the error goes on all the same
        }
    }
}
