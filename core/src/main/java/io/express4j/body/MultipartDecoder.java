package io.express4j.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Splits a {@code multipart/form-data} body into parts. The parser owns the limits; the decoding itself is done by
 * the server package (with Netty's decoder), so that only the server knows the wire's library.
 */
public interface MultipartDecoder {

    /**
     * Reads {@code body} to its end and reports every part to {@code handler}. {@code contentType} is the request's
     * (with its boundary); {@code charset} applies to fields whose part names none. A body that is not well-formed
     * multipart throws an {@link IOException} whose message says why.
     */
    void decode(
            InputStream body,
            String contentType,
            Charset charset,
            long inMemoryThreshold,
            Path tempDir,
            int maxParts,
            Handler handler)
            throws IOException;

    /** What the decoder finds; any exception it throws stops the decoding and propagates. */
    interface Handler {
        /** Part number {@code part} (counted from 0) has grown to {@code length} bytes so far. */
        void progress(int part, String name, boolean isFile, long length);

        void field(int part, String name, String value);

        /**
         * A complete file: its content is either {@code content} or the temporary file {@code path}, which the
         * handler now owns (and must delete).
         */
        void file(int part, String name, String filename, String contentType, long size, Path path, byte[] content);
    }

    /** More parts than {@code maxParts}. */
    final class TooManyPartsException extends IOException {
        public TooManyPartsException(Throwable cause) {
            super("too many parts", cause);
        }
    }
}
