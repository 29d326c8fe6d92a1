package io.express4j;

/**
 * body-parser's {@code verify(req, res, buf, encoding)}: sees the raw body before it is parsed (e.g. to check a
 * signature) and rejects it by throwing — a 403 {@code entity.verify.failed}, unless the exception is an
 * {@link HttpError}, whose status and type are kept. {@code encoding} is the body's charset (null for raw bodies).
 */
@FunctionalInterface
public interface BodyVerifier {
    void verify(Request req, Response res, byte[] buf, String encoding) throws Exception;
}
