package io.express4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * h2c by prior knowledge: a clear-text connection whose first bytes are HTTP/2's connection preface
 * ({@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}) is turned into an HTTP/2 connection ({@link Http2Pipeline#configure});
 * at the first byte that differs it steps aside and the bytes go to the HTTP/1.1 codec. Either way it then leaves
 * the pipeline, handing on what it has read.
 */
final class Http2PrefaceDetector extends ByteToMessageDecoder {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Http2Pipeline http2;

    Http2PrefaceDetector(Http2Pipeline http2) {
        this.http2 = http2;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int length = PREFACE.readableBytes();
        int seen = Math.min(in.readableBytes(), length);
        if (!ByteBufUtil.equals(PREFACE, PREFACE.readerIndex(), in, in.readerIndex(), seen)) {
            ctx.pipeline().remove(this);
        } else if (seen == length) {
            http2.configure(ctx.pipeline());
            ctx.pipeline().remove(this);
        }
    }
}
