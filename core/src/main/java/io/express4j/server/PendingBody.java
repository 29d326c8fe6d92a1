package io.express4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Body bytes a handler has written and the event loop has not taken yet, already framed for the wire (as one chunk
 * per write when the body is chunked, exactly as Netty's encoder and Node frame them). The bytes are copied into
 * pooled direct chunks of a fixed size: a growing buffer would leave the allocator's pooled sizes and cost a
 * malloc and a free per batch. Thread-safe: the writer appends, the event loop takes.
 */
final class PendingBody {
    /** Pooled chunk size; a larger single write gets a chunk of its own size. */
    static final int CHUNK_SIZE = 16 * 1024;

    private static final short CRLF = (short) (('\r' << 8) | '\n');
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf[] NONE = new ByteBuf[0];

    private final ByteBufAllocator alloc;
    private final boolean chunked;
    private final List<ByteBuf> chunks = new ArrayList<>(4);
    private volatile int bytes;
    private boolean drainQueued;
    private boolean released;

    PendingBody(ByteBufAllocator alloc, boolean chunked) {
        this.alloc = alloc;
        this.chunked = chunked;
    }

    /** Bytes waiting for the event loop. */
    int bytes() {
        return bytes;
    }

    /**
     * Copies {@code data} in, framed. Returns true when no drain is queued yet, so the caller must queue one; throws
     * once {@link #release} has run (the connection is gone).
     */
    synchronized boolean append(byte[] data, int offset, int length) {
        if (released) throw new UncheckedIOException(new IOException("the client closed the connection"));
        int hexDigits = chunked ? (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 3) >>> 2 : 0;
        int size = chunked ? hexDigits + 2 + length + 2 : length;
        ByteBuf tail = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (tail == null || tail.writableBytes() < size) {
            tail = alloc.directBuffer(Math.max(size, CHUNK_SIZE));
            chunks.add(tail);
        }
        if (chunked) {
            // the chunk-size line as Netty's encoder and Node write it: lower-case hex, no leading zeros
            for (int shift = (hexDigits - 1) << 2; shift >= 0; shift -= 4) {
                tail.writeByte(HEX[(length >>> shift) & 0xF]);
            }
            tail.writeShort(CRLF);
            tail.writeBytes(data, offset, length);
            tail.writeShort(CRLF);
        } else {
            tail.writeBytes(data, offset, length);
        }
        bytes += size;
        boolean queue = !drainQueued;
        drainQueued = true;
        return queue;
    }

    /** Hands over the chunks in order (empty when none); a drain queued before finds nothing. */
    synchronized ByteBuf[] take() {
        drainQueued = false;
        if (chunks.isEmpty()) return NONE;
        ByteBuf[] taken = chunks.toArray(NONE);
        chunks.clear();
        bytes = 0;
        return taken;
    }

    /** The connection is gone: frees what is held; later appends fail. */
    void release() {
        ByteBuf[] held;
        synchronized (this) {
            released = true;
            held = take();
        }
        for (ByteBuf chunk : held) chunk.release();
    }
}
