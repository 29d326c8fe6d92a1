package io.express4j.support;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A test client for HTTP/2 with prior knowledge (h2c), on Netty's client codec: one connection, any number of
 * streams. It records the connection-level frames the server sends (its SETTINGS, GOAWAY) and whether the server
 * closed the connection.
 */
public final class H2Client implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final String authority;
    private final CompletableFuture<Http2Settings> serverSettings = new CompletableFuture<>();
    private final CompletableFuture<Long> goAway = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    public H2Client(int port) {
        this(port, builder -> {});
    }

    /** With the client codec tuned (its initial settings, its own checks). */
    public H2Client(int port, Consumer<Http2FrameCodecBuilder> tune) {
        this(port, tune, null);
    }

    /**
     * Over TLS, offering only {@code h2} by ALPN and trusting any certificate (the tests' own): the server must
     * pick HTTP/2.
     */
    public static H2Client overTls(int port) {
        try {
            SslContext ssl = SslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2))
                    .build();
            return new H2Client(port, builder -> {}, ssl);
        } catch (javax.net.ssl.SSLException e) {
            throw new AssertionError(e);
        }
    }

    private H2Client(int port, Consumer<Http2FrameCodecBuilder> tune, SslContext ssl) {
        this.authority = "127.0.0.1:" + port;
        Http2FrameCodecBuilder builder = Http2FrameCodecBuilder.forClient();
        tune.accept(builder);
        try {
            channel = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            if (ssl != null) ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "127.0.0.1", port));
                            ch.pipeline()
                                    .addLast(
                                            builder.build(),
                                            new Http2MultiplexHandler(new NoPushes()),
                                            new ConnectionFrames());
                        }
                    })
                    .connect("127.0.0.1", port)
                    .sync()
                    .channel();
            serverSettings.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new AssertionError("no HTTP/2 connection to " + authority, e);
        }
    }

    public String authority() {
        return authority;
    }

    public Http2Settings serverSettings() {
        return serverSettings.getNow(null);
    }

    public H2Response get(String path) {
        return request("GET", path, Map.of(), null);
    }

    public H2Response request(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, body).await();
    }

    /** Opens a stream and sends the request (body in one DATA frame); the answer is collected in the background. */
    public Exchange send(String method, String path, Map<String, String> headers, byte[] body) {
        Http2Headers h2 = requestHeaders(method, path, headers);
        Exchange exchange = open(true);
        boolean hasBody = body != null && body.length > 0;
        exchange.stream.write(new DefaultHttp2HeadersFrame(h2, !hasBody));
        if (hasBody) exchange.stream.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
        exchange.stream.flush();
        return exchange;
    }

    /** The pseudo-headers of a request to this server and the given fields (names lower-cased). */
    public Http2Headers requestHeaders(String method, String path, Map<String, String> headers) {
        Http2Headers h2 = new DefaultHttp2Headers()
                .method(method)
                .path(path)
                .scheme("http")
                .authority(authority);
        headers.forEach((name, value) -> h2.add(name.toLowerCase(), value));
        return h2;
    }

    /** A new stream; with {@code autoRead} false its frames are not read (nor their window returned) until asked. */
    public Exchange open(boolean autoRead) {
        Exchange exchange = new Exchange();
        try {
            exchange.stream = new Http2StreamChannelBootstrap(channel)
                    .handler(exchange.collector)
                    .open()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot open a stream", e);
        }
        exchange.stream.config().setAutoRead(autoRead);
        return exchange;
    }

    /** The GOAWAY error code, once the server sent one; waits up to {@code seconds}. */
    public Long awaitGoAway(int seconds) {
        try {
            return goAway.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    public boolean awaitClosed(int seconds) {
        try {
            return closed.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public Channel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** One stream: the request goes out through {@link #stream()}, the answer comes in through {@link #await()}. */
    public static final class Exchange {
        private final Collector collector = new Collector();
        private Http2StreamChannel stream;

        public Http2StreamChannel stream() {
            return stream;
        }

        /** The whole response (or what came before a reset); fails after 20 s. */
        public H2Response await() {
            try {
                return collector.done.get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("no complete response: " + collector.snapshot(), e);
            }
        }

        /** Whether the final head has arrived. */
        public boolean headReceived() {
            return collector.status > 0;
        }

        /** Body bytes received so far. */
        public int bodyBytes() {
            synchronized (collector) {
                return collector.body.size();
            }
        }

        /** DATA frames received so far. */
        public int dataFrames() {
            synchronized (collector) {
                return collector.frames.size();
            }
        }
    }

    private static final class Collector extends ChannelInboundHandlerAdapter {
        final CompletableFuture<H2Response> done = new CompletableFuture<>();
        volatile int status;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final List<Integer> frames = new ArrayList<>();
        final List<Integer> interim = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                synchronized (this) {
                    if (msg instanceof Http2HeadersFrame h) {
                        int code = h.headers().status() == null
                                ? 0
                                : Integer.parseInt(h.headers().status().toString());
                        if (code >= 100 && code < 200) {
                            interim.add(code);
                        } else if (status == 0) {
                            status = code;
                            h.headers().forEach(line -> {
                                if (line.getKey().charAt(0) != ':') {
                                    headers.add(Map.entry(
                                            line.getKey().toString(),
                                            line.getValue().toString()));
                                }
                            });
                        }
                        if (h.isEndStream()) finish(null);
                    } else if (msg instanceof Http2DataFrame d) {
                        ByteBuf content = d.content();
                        frames.add(content.readableBytes());
                        byte[] bytes = new byte[content.readableBytes()];
                        content.readBytes(bytes);
                        body.writeBytes(bytes);
                        if (d.isEndStream()) finish(null);
                    } else if (msg instanceof Http2ResetFrame r) {
                        finish(r.errorCode());
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            synchronized (this) {
                if (!done.isDone()) finish(-1L);
            }
        }

        private void finish(Long reset) {
            done.complete(new H2Response(
                    status,
                    List.copyOf(headers),
                    body.toByteArray(),
                    List.copyOf(frames),
                    reset,
                    List.copyOf(interim)));
        }

        synchronized String snapshot() {
            return "status " + status + ", " + headers + ", " + body.size() + " body bytes";
        }
    }

    @ChannelHandler.Sharable
    private static final class NoPushes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }

    private final class ConnectionFrames extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Http2SettingsFrame settings) serverSettings.complete(settings.settings());
            if (msg instanceof Http2GoAwayFrame frame) goAway.complete(frame.errorCode());
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.countDown();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
