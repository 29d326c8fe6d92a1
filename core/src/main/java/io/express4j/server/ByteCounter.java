package io.express4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes a server's connections read and write: Node's {@code socket.bytesRead} and
 * {@code socket.bytesWritten}, summed over the server. One instance is shared by every connection of a server and
 * sits first in each pipeline, so it sees the bytes as they cross the socket (heads, bodies, files). Like Node's,
 * a write counts once it is queued for the socket.
 */
@ChannelHandler.Sharable
final class ByteCounter extends ChannelDuplexHandler {
    private final LongAdder read = new LongAdder();
    private final LongAdder written = new LongAdder();

    long read() {
        return read.sum();
    }

    long written() {
        return written.sum();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) read.add(buf.readableBytes());
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        written.add(size(msg));
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) return buf.readableBytes();
        if (msg instanceof ByteBufHolder holder) return holder.content().readableBytes();
        if (msg instanceof FileRegion region) return region.count() - region.transferred();
        return 0;
    }
}
