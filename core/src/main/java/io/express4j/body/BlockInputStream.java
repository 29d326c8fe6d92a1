package io.express4j.body;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream whose subclasses only implement the block read; the single-byte read goes through it, so the
 * decorators of the body pipeline (limits, decoding, error wording) keep one code path.
 */
abstract class BlockInputStream extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
