package io.express4j.body;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.express4j.log.Logs;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The decompressing streams body-parser puts in front of a {@code Content-Encoding}d body: {@code gzip},
 * {@code deflate} (zlib-wrapped, as Node's {@code createInflate}) and {@code br}. Node 20 has no zstd, so
 * {@code zstd} is unknown here too. Decoder failures read as zlib's messages ({@code incorrect header check},
 * {@code unexpected end of file}), as Node reports them.
 */
final class Inflation {
    private static final boolean BROTLI = brotliAvailable();

    private Inflation() {}

    /** A stream of the decoded body, or null when the encoding is not one we decode. */
    static InputStream open(String encoding, InputStream in) {
        return switch (encoding) {
            case "gzip" -> new ZlibMessages(new Lazy(in, raw -> new GZIPInputStream(raw, 8192)));
            case "deflate" -> new ZlibMessages(new InflaterInputStream(in, new Inflater()));
            case "br" -> BROTLI ? new ZlibMessages(new Lazy(in, BrotliInputStream::new)) : null;
            default -> null;
        };
    }

    private static boolean brotliAvailable() {
        try {
            return Brotli4jLoader.isAvailable();
        } catch (Throwable e) { // natives missing for this platform
            Logs.get(Inflation.class).debug("brotli request bodies unsupported", e);
            return false;
        }
    }

    /** A decoder failure (not a connection problem) with the message Node's zlib would give. */
    static final class DecodingException extends IOException {
        DecodingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Opens a decoder over the raw stream; may read (a header) and fail. */
    private interface Decoder {
        InputStream open(InputStream raw) throws IOException;
    }

    /**
     * GZIPInputStream (and Brotli's stream) read the header in their constructor; defer that to the first read, so
     * it happens inside the limit checks and its failures get zlib's wording.
     */
    private static final class Lazy extends BlockInputStream {
        private final InputStream raw;
        private final Decoder decoder;
        private InputStream decoded;

        Lazy(InputStream raw, Decoder decoder) {
            this.raw = raw;
            this.decoder = decoder;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (decoded == null) decoded = decoder.open(raw);
            return decoded.read(b, off, len);
        }
    }

    /** Renames the JDK's decoder exceptions to zlib's wording; connection failures pass through untouched. */
    private static final class ZlibMessages extends BlockInputStream {
        private final InputStream in;

        ZlibMessages(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (RawBody.RequestAborted e) {
                throw e;
            } catch (EOFException e) {
                throw new DecodingException("unexpected end of file", e);
            } catch (ZipException e) {
                throw new DecodingException(zlibMessage(e.getMessage()), e);
            } catch (IOException e) {
                throw new DecodingException(e.getMessage() == null ? "decompression failed" : e.getMessage(), e);
            }
        }

        private static String zlibMessage(String jdk) {
            if (jdk == null) return "invalid data";
            return switch (jdk) {
                case "Not in GZIP format" -> "incorrect header check";
                case "Unsupported compression method" -> "unknown compression method";
                case "Corrupt GZIP trailer" -> "incorrect data check";
                default -> jdk;
            };
        }
    }
}
