package io.express4j.body;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * raw-body 3.0.2: reads a whole body into memory, but never more than {@code limit} bytes — a declared length over
 * the limit fails before anything is read, and the read stops at the first chunk that crosses it — and checks the
 * length against the declared one.
 */
final class RawBody {
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private RawBody() {}

    /** The connection failed while the body was being read (the client went away). */
    static final class RequestAborted extends IOException {
        RequestAborted(IOException cause) {
            super("request aborted", cause);
        }
    }

    /**
     * The request's own stream, counting what is taken from it and telling a broken connection apart from a
     * decoder failure further up.
     */
    static final class Source extends BlockInputStream {
        private final InputStream in;
        private long count;

        Source(InputStream in) {
            this.in = in;
        }

        long count() {
            return count;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) count += n;
                return n;
            } catch (IOException e) {
                throw new RequestAborted(e);
            }
        }
    }

    /**
     * The body's bytes. {@code length} is the declared Content-Length (-1 when none applies); {@code charset}, when
     * not null, must exist (checked after the length, before reading, as raw-body checks its decoder).
     */
    static byte[] read(InputStream in, long length, long limit, String charset) {
        if (length >= 0 && length > limit) throw tooLarge();
        if (charset != null && !Charsets.exists(charset)) {
            throw new BodyParserError(415, "specified encoding unsupported", "encoding.unsupported", null, null);
        }
        // grow with what arrives: a declared length alone never makes us allocate much
        long expected = length >= 0 ? Math.max(length, 1) : 8192;
        byte[] buf = new byte[(int) Math.min(Math.min(expected, 64 * 1024), Math.max(limit, 0) + 1)];
        byte[] chunk = new byte[8192];
        long received = 0;
        try {
            while (true) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) break;
                received += n;
                if (received > limit || received > MAX_ARRAY) throw tooLarge();
                if (received > buf.length) {
                    long capacity = Math.min(Math.max(received, 2L * buf.length), Math.min(limit, MAX_ARRAY));
                    buf = Arrays.copyOf(buf, (int) capacity);
                }
                System.arraycopy(chunk, 0, buf, (int) (received - n), n);
            }
        } catch (RequestAborted e) {
            throw new BodyParserError(400, "request aborted", "request.aborted", null, e);
        } catch (IOException e) {
            throw new BodyParserError(400, e.getMessage(), null, null, e);
        }
        if (length >= 0 && received != length) {
            throw new BodyParserError(
                    400, "request size did not match content length", "request.size.invalid", null, null);
        }
        return received == buf.length ? buf : Arrays.copyOf(buf, (int) received);
    }

    private static BodyParserError tooLarge() {
        return new BodyParserError(413, "request entity too large", "entity.too.large", null, null);
    }
}
