package io.express4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;

/**
 * The minimum response data rate: closes a connection whose client does not take the response fast enough
 * ({@link MinDataRate}), measured while the channel is unwritable, i.e. while at least Netty's high-water mark of
 * bytes waits for the client beyond what the kernel holds. The close wakes a handler blocked in {@code res.write},
 * whose write then fails. First in the pipeline, so it counts bytes as they go to the socket (files included).
 */
final class ResponseDataRate extends ChannelDuplexHandler {
    private final MinDataRate rate;
    private ChannelHandlerContext ctx;
    /** Bytes handed to the socket's outbound buffer so far. */
    private long queued;

    ResponseDataRate(ServerConfig config) {
        this.rate = new MinDataRate(
                config.minResponseBytesPerSecond(), config.minResponseRateGraceMillis(), this::sent, this::tooSlow);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        queued += remaining(msg);
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) rate.stop();
        else rate.start(ctx.executor());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        rate.stop();
        ctx.fireChannelInactive();
    }

    /** Bytes the client has taken: all queued minus what still waits in the outbound buffer. */
    private long sent() {
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        if (out == null) return queued;
        long[] waiting = {0};
        try {
            out.forEachFlushedMessage(msg -> {
                waiting[0] += remaining(msg);
                return true;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e); // the processor above throws nothing
        }
        return queued - waiting[0];
    }

    private void tooSlow() {
        ctx.channel().close();
    }

    private static long remaining(Object msg) {
        if (msg instanceof ByteBuf buf) return buf.readableBytes();
        if (msg instanceof ByteBufHolder holder) return holder.content().readableBytes();
        if (msg instanceof FileRegion region) return region.count() - region.transferred();
        return 0;
    }
}
