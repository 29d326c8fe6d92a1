package io.express4j;

import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.express4j.body.Brotli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A response body's compressor: the JDK's zlib for {@code gzip} and {@code deflate}, brotli4j for {@code br}.
 * Each call hands back the compressed bytes it produced, so nothing piles up here beyond the codec's own window:
 * the response writes them at once and its writes block on a slow client, as without compression. {@link #flush}
 * is a zlib sync flush (brotli's flush), so what was written so far can be decoded by the client now.
 */
final class BodyEncoder {
    /** Whether br is offered at all: compression offers it only where Node's zlib has brotli. */
    static final boolean BROTLI = Brotli.AVAILABLE;

    /** compression's brotli quality (BROTLI_PARAM_QUALITY 4) and Node's default window (22). */
    private static final int BROTLI_QUALITY = 4;

    private static final int BROTLI_WINDOW = 22;

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1024);
    private final OutputStream coder;
    /** deflate's own Deflater, which closing its stream does not free (gzip's stream frees its own). */
    private Deflater deflater;

    private boolean released;

    private BodyEncoder(String coding, int level) throws IOException {
        this.coder = switch (coding) {
            case "gzip" ->
                new GZIPOutputStream(sink, 8192, true) {
                    {
                        def.setLevel(level);
                    }
                };
            case "deflate" -> new DeflaterOutputStream(sink, deflater = new Deflater(level), 8192, true);
            case "br" ->
                new BrotliOutputStream(
                        sink,
                        new Encoder.Parameters().setQuality(BROTLI_QUALITY).setWindow(BROTLI_WINDOW));
            default -> throw new IllegalArgumentException("unsupported coding: " + coding);
        };
    }

    /** A compressor for {@code gzip}, {@code deflate} or {@code br}; {@code level} applies to zlib (-1 to 9). */
    static BodyEncoder of(String coding, int level) {
        try {
            return new BodyEncoder(coding, level);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compresses {@code data}; returns what the codec emitted (often nothing until its buffer fills). */
    byte[] encode(byte[] data) {
        try {
            coder.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return take();
    }

    /** Everything written so far, decodable by the client now. */
    byte[] flush() {
        try {
            coder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return take();
    }

    /** Compresses the last bytes and ends the stream (gzip's trailer, brotli's last block); frees the codec. */
    byte[] finish(byte[] last) {
        try {
            if (last.length > 0) coder.write(last);
            released = true;
            coder.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (deflater != null) deflater.end();
        }
        return take();
    }

    /** Frees the codec's native memory when the response ends without {@link #finish} (a failed write). */
    void release() {
        if (released) return;
        released = true;
        try {
            coder.close();
        } catch (IOException | RuntimeException e) {
            // the stream is abandoned: only its memory matters
        } finally {
            if (deflater != null) deflater.end();
        }
    }

    private byte[] take() {
        if (sink.size() == 0) return new byte[0];
        byte[] out = sink.toByteArray();
        sink.reset();
        return out;
    }
}
