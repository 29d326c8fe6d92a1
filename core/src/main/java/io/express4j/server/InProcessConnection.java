package io.express4j.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The client end of an in-process connection, seen as a socket is: bytes out, bytes in. The server end is a real
 * connection of {@link HttpServerEngine#startInProcess}, so the client sees exactly the bytes a socket would carry.
 * The server is read from only while less than a megabyte waits unread here, as a socket's receive window would.
 */
public final class InProcessConnection implements AutoCloseable {
    private static final int HIGH_WATER = 1 << 20;

    private final ChannelFuture connected;
    private final Channel channel;
    private final Received received;

    private InProcessConnection(ChannelFuture connected, Received received) {
        this.connected = connected;
        this.channel = connected.channel();
        this.received = received;
    }

    /**
     * Connects without waiting: what is written before the connection is up goes out once it is (in order), and a
     * refused connection fails the first read, so a request costs no extra round trip to the event loop.
     */
    static InProcessConnection open(EventLoopGroup group, LocalAddress address) {
        Received received = new Received();
        ChannelFuture connected = new Bootstrap()
                .group(group)
                .channel(LocalChannel.class)
                .handler(received.handler)
                .connect(address);
        connected.addListener(f -> {
            if (!f.isSuccess()) received.fail(f.cause());
        });
        return new InProcessConnection(connected, received);
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
                if (connected.isDone()) {
                    channel.writeAndFlush(data);
                } else {
                    // listeners run in the order added, and before any write submitted once this one is done
                    connected.addListener(f -> {
                        if (f.isSuccess()) channel.writeAndFlush(data);
                        else data.release();
                    });
                }
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

    /** Closes without waiting for the event loop to have done it, as closing a socket does not wait for the peer. */
    @Override
    public void close() {
        channel.close();
    }

    /** The bytes received, queued for a reader on another thread. */
    private static final class Received extends InputStream {
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        private byte[] head = new byte[0];
        private int position;
        private long queued;
        private boolean ended;
        /** Why the connection could not be made. */
        private Throwable failure;

        private volatile long timeoutMillis = 30_000;
        private volatile Channel channel;

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
                end();
                ctx.fireChannelInactive();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        };

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (position == head.length) {
                byte[] next = chunks.poll();
                if (next != null) {
                    head = next;
                    position = 0;
                    queued -= next.length;
                    if (queued < HIGH_WATER / 2
                            && channel != null
                            && !channel.config().isAutoRead()) {
                        channel.config().setAutoRead(true);
                    }
                    continue;
                }
                if (failure != null) throw new IOException("in-process connection failed: " + failure, failure);
                if (ended) return -1;
                awaitUntil(deadline);
            }
            int n = Math.min(len, head.length - position);
            System.arraycopy(head, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return head.length - position + (int) Math.min(Integer.MAX_VALUE, queued);
        }

        private void awaitUntil(long deadline) throws IOException {
            try {
                if (timeoutMillis == 0) {
                    wait();
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new SocketTimeoutException("no data from the server in " + timeoutMillis + " ms");
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the server");
            }
        }

        private synchronized void add(ChannelHandlerContext ctx, ByteBuf data) {
            byte[] bytes = ByteBufUtil.getBytes(data);
            chunks.add(bytes);
            queued += bytes.length;
            if (queued >= HIGH_WATER) ctx.channel().config().setAutoRead(false);
            notifyAll();
        }

        private synchronized void end() {
            ended = true;
            notifyAll();
        }

        private synchronized void fail(Throwable cause) {
            failure = cause;
            ended = true;
            notifyAll();
        }
    }
}
