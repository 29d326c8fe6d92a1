package io.express4j.conformance;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a response body by its {@code Content-Encoding}, so compressed answers are compared by what they say:
 * two zlib (or brotli) implementations may encode the same bytes differently, and both be right.
 */
final class ContentDecoding {
    private static final Set<String> CODINGS = Set.of("gzip", "deflate", "br");

    private ContentDecoding() {}

    /** Whether {@code coding} is one this class decodes. */
    static boolean decodes(String coding) {
        return coding != null && CODINGS.contains(coding.toLowerCase(Locale.ROOT));
    }

    /** The decoded body, or null when it does not decode (truncated, corrupt, or not that coding). */
    static byte[] decode(String coding, byte[] body) {
        try {
            return switch (coding.toLowerCase(Locale.ROOT)) {
                case "gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(body)));
                case "deflate" -> readAll(new InflaterInputStream(new ByteArrayInputStream(body)));
                case "br" -> brotli(body);
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] brotli(byte[] body) throws IOException {
        Brotli4jLoader.ensureAvailability();
        DirectDecompress result = Decoder.decompress(body);
        return result.getResultStatus() == DecoderJNI.Status.DONE ? result.getDecompressedData() : null;
    }
}
