package io.express4j.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/2 connection as the server sees it, last in the connection's pipeline (the streams have channels of their
 * own): it registers the connection for shutdown, where {@link #closeGracefully} sends GOAWAY through Netty's
 * {@code Http2FrameCodec}, which lets the streams in flight finish (up to the shutdown timeout) and refuses new
 * ones; and it closes the connection on the idle timeout, and — HTTP/1.1's keep-alive timeout — once no stream has
 * been open for {@code keepAliveTimeout} (a connection that sends its preface and nothing more included). The
 * connection-level frames that reach it (SETTINGS, PING, GOAWAY) have been handled by the codec already. Event loop
 * only, but for {@link #closeGracefully} and {@link #closeIdle}.
 */
final class Http2ServerConnection extends ChannelInboundHandlerAdapter implements ServerConnection {
    private final HttpServerEngine server;
    private final long keepAliveNanos;
    private ChannelHandlerContext ctx;
    private Http2Connection streams;
    /** When the last stream closed (or the connection began), while none is open. */
    private long idleSince;

    Http2ServerConnection(HttpServerEngine server, long keepAliveTimeoutMillis) {
        this.server = server;
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(keepAliveTimeoutMillis);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        server.connectionOpened(this);
        Http2FrameCodec codec = ctx.pipeline().get(Http2FrameCodec.class);
        if (codec == null || keepAliveNanos <= 0) return;
        streams = codec.connection();
        idleSince = System.nanoTime();
        streams.addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream stream) {
                if (streams.numActiveStreams() == 0) idleSince = System.nanoTime();
            }
        });
        checkIdleIn(keepAliveNanos);
    }

    /** The keep-alive timer: sleeps while streams are open, closes (GOAWAY) when none was for the timeout. */
    private void checkIdleIn(long nanos) {
        ctx.executor()
                .schedule(
                        () -> {
                            if (!ctx.channel().isActive()) return;
                            long idle = System.nanoTime() - idleSince;
                            if (streams.numActiveStreams() > 0) checkIdleIn(keepAliveNanos);
                            else if (idle >= keepAliveNanos) ctx.close();
                            else checkIdleIn(keepAliveNanos - idle);
                        },
                        nanos,
                        TimeUnit.NANOSECONDS);
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
