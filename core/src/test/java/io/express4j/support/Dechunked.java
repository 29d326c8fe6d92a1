package io.express4j.support;

import java.io.IOException;
import java.io.InputStream;

/** A chunked body read as it arrives: each read returns at most what the current chunk still holds. */
public final class Dechunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    public Dechunked(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) return -1;
        if (left == 0) {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new IOException("closed in a chunk size");
                if (c != '\r') line.append((char) c);
            }
            left = Long.parseLong(line.toString().split(";")[0].trim(), 16);
            if (left == 0) {
                in.readNBytes(2);
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        left -= n;
        if (left == 0) in.readNBytes(2);
        return n;
    }
}
