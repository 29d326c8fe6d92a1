package io.express4j.bench.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
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
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The ceiling: Netty's own HTTP codec and a minimal handler on the same transport express4j uses (native epoll,
 * NIO elsewhere), with one event loop thread for accepting and serving. Every benchmark ratio is against this.
 */
public final class RawNettyServer {
    private RawNettyServer() {}

    public static void main(String[] args) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, io);
        RawNettyHandler.StaticDir files = new RawNettyHandler.StaticDir(BenchPayloads.staticDir());
        Channel server = new ServerBootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new RawNettyHandler(files));
                    }
                })
                .bind(BenchPayloads.port(args, 8082))
                .sync()
                .channel();
        System.out.println("raw netty (" + (epoll ? "epoll" : "nio") + ") listening on " + server.localAddress());
        server.closeFuture().sync();
    }
}
