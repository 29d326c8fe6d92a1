package io.express4j.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client end of an in-process connection, seen as a socket is: bytes out, bytes in. The server end is a real
 * connection of {@link HttpServerEngine#startInProcess}, so the client sees exactly the bytes a socket would carry.
 * The server is read from only while less than a megabyte waits unread here, as a socket's receive window would.
 *
 * <p>Both ends live on the {@link InProcessLoop}, which the thread reading here runs while it waits: the request
 * written is decoded on the writing thread, and the response arrives on the reading one, with no loop thread between
 * them.
 */
public final class InProcessConnection implements AutoCloseable {
    private static final int HIGH_WATER = 1 << 20;

    private final InProcessLoop loop;
    private final ChannelFuture connected;
    private final Channel channel;
    private final Received received;

    private InProcessConnection(InProcessLoop loop, ChannelFuture connected, Received received) {
        this.loop = loop;
        this.connected = connected;
        this.channel = connected.channel();
        this.received = received;
    }

    /**
     * Connects without waiting: what is written before the connection is up goes out once it is (in order), and a
     * refused connection fails the first read. On the calling thread when no other thread runs the loop, so the
     * server's end is set up before this returns.
     */
    static InProcessConnection open(InProcessLoop loop, LocalAddress address) {
        Received received = new Received(loop);
        ChannelFuture connected = loop.runHere(() -> new Bootstrap()
                .group(loop)
                .channel(LocalChannel.class)
                .handler(received.handler)
                .connect(address));
        connected.addListener(f -> {
            if (!f.isSuccess()) received.fail(f.cause());
        });
        return new InProcessConnection(loop, connected, received);
    }

    /** What the server sends, as it arrives; -1 once the server closed and everything was read. */
    public InputStream input() {
        return received;
    }

    /**
     * Bytes to the server, in order. A write after the server closed is dropped, as a socket's would be lost: the
     * answer the server gave before closing is still there to read.
     */
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len == 0) return;
                ByteBuf data = Unpooled.copiedBuffer(b, off, len);
                loop.runHere(() -> {
                    if (connected.isDone()) {
                        channel.writeAndFlush(data);
                    } else {
                        // listeners run in the order added, and before any write submitted once this one is done
                        connected.addListener(f -> {
                            if (f.isSuccess()) channel.writeAndFlush(data);
                            else data.release();
                        });
                    }
                });
            }
        };
    }

    /** How long a read waits for the server before failing with a {@link SocketTimeoutException}; 0 waits forever. */
    public void readTimeout(long millis) {
        received.timeoutMillis = millis;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Closes without waiting for the server's end to have seen it, as closing a socket does not wait for the peer. */
    @Override
    public void close() {
        loop.runHere(() -> {
            channel.close();
        });
    }

    /**
     * The bytes received, queued by the loop for the reader, who runs the loop while nothing is there. The queue and
     * the flags are shared with whichever thread runs the loop; the read position is the reader's (one at a time).
     */
    private static final class Received extends InputStream {
        private static final byte[] NOTHING = new byte[0];

        private final InProcessLoop loop;
        private final Queue<byte[]> chunks = new ConcurrentLinkedQueue<>();
        private final AtomicLong queued = new AtomicLong();
        /** Reading from the server stopped at the high-water mark. */
        private volatile boolean paused;

        private volatile boolean ended;
        /** Why the connection could not be made. */
        private volatile Throwable failure;

        private volatile long timeoutMillis = 30_000;
        private volatile Channel channel;

        private byte[] head = NOTHING;
        private int position;

        final ChannelInboundHandlerAdapter handler = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                channel = ctx.channel();
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    if (msg instanceof ByteBuf data) add(ctx, data);
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                ended = true;
                ctx.fireChannelInactive();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        };

        Received(InProcessLoop loop) {
            this.loop = loop;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            long deadline = timeoutMillis == 0
                    ? Long.MAX_VALUE
                    : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (position == head.length) {
                // read before polling: what was queued before the end is then seen by the poll
                boolean over = ended;
                byte[] next = chunks.poll();
                if (next != null) {
                    head = next;
                    position = 0;
                    if (queued.addAndGet(-next.length) < HIGH_WATER / 2 && paused) resume();
                    continue;
                }
                if (failure != null) throw new IOException("in-process connection failed: " + failure, failure);
                if (over) return -1;
                awaitUntil(deadline);
            }
            int n = Math.min(len, head.length - position);
            System.arraycopy(head, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return head.length - position + (int) Math.min(Integer.MAX_VALUE, queued.get());
        }

        /** Runs the loop until something arrives or the deadline passes. */
        private void awaitUntil(long deadline) throws IOException {
            try {
                if (!loop.await(() -> !chunks.isEmpty() || ended, deadline)) {
                    throw new SocketTimeoutException("no data from the server in " + timeoutMillis + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the server");
            }
        }

        /** Loop: bytes from the server. */
        private void add(ChannelHandlerContext ctx, ByteBuf data) {
            byte[] bytes = ByteBufUtil.getBytes(data);
            chunks.add(bytes);
            if (queued.addAndGet(bytes.length) >= HIGH_WATER && !paused) {
                paused = true;
                ctx.channel().config().setAutoRead(false);
            }
        }

        /** Reads from the server again, on the loop, where the pause was decided. */
        private void resume() {
            loop.runHere(() -> {
                if (paused && queued.get() < HIGH_WATER / 2) {
                    paused = false;
                    channel.config().setAutoRead(true);
                }
            });
        }

        /** Loop: the connection could not be made. */
        private void fail(Throwable cause) {
            failure = cause;
            ended = true;
        }
    }
}
