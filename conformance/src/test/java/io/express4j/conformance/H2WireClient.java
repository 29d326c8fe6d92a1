package io.express4j.conformance;

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
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection with prior knowledge (Netty's client codec), each request on a stream of its own; an answer
 * is the final status, the header fields in order and the body.
 */
final class H2WireClient implements AutoCloseable {
    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body, String end) {}

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;

    H2WireClient(int port) throws InterruptedException {
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(
                                        Http2FrameCodecBuilder.forClient().build(),
                                        new Http2MultiplexHandler(new Drop()));
                    }
                })
                .connect("127.0.0.1", port)
                .sync()
                .channel();
    }

    Answer exchange(Http2Headers headers, byte[] body, int timeoutMillis) throws Exception {
        Collector collector = new Collector();
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(channel)
                .handler(collector)
                .open()
                .get(5, TimeUnit.SECONDS);
        boolean hasBody = body.length > 0;
        stream.write(new DefaultHttp2HeadersFrame(headers, !hasBody));
        if (hasBody) stream.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
        stream.flush();
        try {
            return collector.done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            stream.close();
            return collector.answer("timeout");
        }
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static final class Collector extends ChannelInboundHandlerAdapter {
        final CompletableFuture<Answer> done = new CompletableFuture<>();
        int status;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public synchronized void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame h) {
                    CharSequence code = h.headers().status();
                    int s = code == null ? 0 : Integer.parseInt(code.toString());
                    if (s >= 200 && status == 0) {
                        status = s;
                        h.headers().forEach(line -> {
                            if (line.getKey().charAt(0) != ':') {
                                headers.add(Map.entry(
                                        line.getKey().toString(),
                                        line.getValue().toString()));
                            }
                        });
                    }
                    if (h.isEndStream()) done.complete(answer("ok"));
                } else if (msg instanceof Http2DataFrame d) {
                    ByteBuf content = d.content();
                    byte[] bytes = new byte[content.readableBytes()];
                    content.readBytes(bytes);
                    body.writeBytes(bytes);
                    if (d.isEndStream()) done.complete(answer("ok"));
                } else if (msg instanceof Http2ResetFrame r) {
                    done.complete(answer("reset " + r.errorCode()));
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public synchronized void channelInactive(ChannelHandlerContext ctx) {
            done.complete(answer("closed"));
        }

        synchronized Answer answer(String end) {
            return new Answer(status, List.copyOf(headers), body.toByteArray(), end);
        }
    }

    @ChannelHandler.Sharable
    private static final class Drop extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
