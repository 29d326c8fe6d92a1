package io.express4j.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * An HTTP/2 connection as the server sees it, last in the connection's pipeline (the streams have channels of their
 * own): it registers the connection for shutdown, where {@link #closeGracefully} sends GOAWAY through Netty's
 * {@code Http2FrameCodec}, which lets the streams in flight finish (up to the shutdown timeout) and refuses new
 * ones; and it closes the connection on the idle timeout. The connection-level frames that reach it (SETTINGS,
 * PING, GOAWAY) have been handled by the codec already.
 */
final class Http2ServerConnection extends ChannelInboundHandlerAdapter implements ServerConnection {
    private final HttpServerEngine server;
    private ChannelHandlerContext ctx;

    Http2ServerConnection(HttpServerEngine server) {
        this.server = server;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        server.connectionOpened(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        server.connectionClosed(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.connectionClosed(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close(); // the idle timeout, as for HTTP/1.1
            return;
        }
        ReferenceCountUtil.release(evt); // e.g. the h2c upgrade event, once the codec has taken its request
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A protocol error is shown here first, then the codec answers it with GOAWAY and its code and closes:
        // closing here would send GOAWAY NO_ERROR ahead of it. Anything else (the socket's errors) closes.
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) != null) {
            ExchangeOwner.LOG.debug("HTTP/2 protocol error", cause);
            return;
        }
        if (!(cause instanceof IOException)) ExchangeOwner.LOG.debug("HTTP/2 connection error", cause);
        ctx.close();
    }

    /** GOAWAY: the codec's close waits for the active streams, then closes the connection. */
    @Override
    public void closeGracefully() {
        ctx.executor().execute(() -> ctx.close());
    }

    @Override
    public void closeIdle() {
        ctx.channel().close();
    }
}
