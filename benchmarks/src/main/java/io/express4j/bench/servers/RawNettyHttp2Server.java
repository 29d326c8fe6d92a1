package io.express4j.bench.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * The HTTP/2 ceiling: Netty's {@code Http2FrameCodec} and {@code Http2MultiplexHandler} (the design express4j uses:
 * a channel per stream) with a minimal handler answering every request with {@code Hello, World!} as text, h2c by
 * prior knowledge, on one event loop thread as {@link RawNettyServer}. h2load's ratio is against this.
 */
public final class RawNettyHttp2Server {
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
    private static final AsciiString LENGTH = AsciiString.of(Integer.toString(BenchPayloads.HELLO_BYTES.length));

    private RawNettyHttp2Server() {}

    public static void main(String[] args) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, io);
        Channel server = new ServerBootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        Http2FrameCodecBuilder.forServer().build(),
                                        new Http2MultiplexHandler(new Hello()));
                    }
                })
                .bind(BenchPayloads.port(args, 8089))
                .sync()
                .channel();
        System.out.println(
                "raw netty HTTP/2 (" + (epoll ? "epoll" : "nio") + ") listening on " + server.localAddress());
        server.closeFuture().sync();
    }

    /** Answers each stream once its request has ended. */
    @ChannelHandler.Sharable
    private static final class Hello extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                boolean end = msg instanceof Http2HeadersFrame h
                        ? h.isEndStream()
                        : msg instanceof io.netty.handler.codec.http2.Http2DataFrame d && d.isEndStream();
                if (!end) return;
                Http2Headers headers = new DefaultHttp2Headers()
                        .status("200")
                        .set("content-type", TEXT_PLAIN)
                        .set("content-length", LENGTH)
                        .set("date", RawNettyHandler.CachedDate.now());
                ctx.write(new DefaultHttp2HeadersFrame(headers, false));
                ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(BenchPayloads.HELLO_BYTES), true));
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
